// Prepared batches across a thread boundary, with back-pressure: the producer (the import
// worker) may run at most WINDOW batches ahead of the consumer (the SQLite thread), so memory
// stays a few batches whatever the file size. The consumer acknowledges a batch once it has
// applied it. Both ends work on any MessagePort-like object, so they are tested over a
// MessageChannel without starting a worker.

import type { PreparedBatch } from './pipeline';

/** Producer → consumer. */
export type BatchMessage =
  | { readonly type: 'batch'; readonly batch: PreparedBatch }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

/** Consumer → producer: one batch applied. */
export const ACK = 'ack';

/** What both ends need of a MessagePort or a Worker. */
export interface BatchPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Batches in flight. Two keep both threads busy (the producer prepares the next batch while
 * the consumer applies the current one); the third absorbs uneven batch times.
 */
export const WINDOW = 3;

/** Send every batch of `source` over `port`, waiting for acknowledgements to stay within `window`. */
export async function serveBatches(port: BatchPort, source: AsyncIterable<PreparedBatch>, window = WINDOW): Promise<void> {
  let credit = window;
  let wake: (() => void) | null = null;
  const onAck = (): void => {
    credit += 1;
    wake?.();
    wake = null;
  };
  port.on('message', onAck);
  const post = (m: BatchMessage): void => port.postMessage(m);
  try {
    for await (const batch of source) {
      while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
      credit -= 1;
      post({ type: 'batch', batch });
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    port.off('message', onAck);
  }
}

/**
 * The batches arriving on `port`, acknowledging each when the consumer asks for the next.
 * An `error` message (the producer failed) is thrown here, in the consumer.
 */
export async function* receiveBatches(port: BatchPort): AsyncGenerator<PreparedBatch, void, undefined> {
  const queue: BatchMessage[] = [];
  let wake: (() => void) | null = null;
  const onMessage = (m: unknown): void => {
    queue.push(m as BatchMessage);
    wake?.();
    wake = null;
  };
  port.on('message', onMessage);
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift() as BatchMessage;
      if (m.type === 'done') return;
      if (m.type === 'error') throw new Error(m.message);
      yield m.batch;
      port.postMessage(ACK);
    }
  } finally {
    port.off('message', onMessage);
  }
}
