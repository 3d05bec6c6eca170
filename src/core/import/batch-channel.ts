// Batches (an import's prepared records, a statement's rows) across a thread boundary, with back-pressure, in the workers' protocol
// (src/core/worker/protocol.ts): the consumer (the SQLite thread) asks for each batch with a
// request, keeping at most WINDOW asked for; the producer (the import worker) answers each in
// order with a batch, null once the file is done, or an error. The producer prepares one batch
// ahead, so memory stays a few batches whatever the file size. Both ends work on any
// MessagePort-like object, so they are tested over a MessageChannel without starting a worker.

import { deserialiseError, failure, result, type Message } from '../worker/protocol';

/** Consumer → producer: one more batch, please. */
export type BatchRequest = Message<null, never, never>;
/** Producer → consumer: the next batch, null at the end, or why the file could not be read. */
export type BatchAnswer<B = unknown> = Message<never, never, B | null>;

/** What both ends need of a MessagePort or a Worker. */
export interface BatchPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Batches asked for at a time. Two keep both threads busy (the producer prepares the next batch
 * while the consumer applies the current one); the third absorbs uneven batch times.
 */
export const WINDOW = 3;

/** A queue of messages arriving on `port`, taken one at a time. */
function inbox<M>(port: BatchPort): { take(): Promise<M>; close(): void } {
  const queue: M[] = [];
  let wake: (() => void) | null = null;
  const onMessage = (m: unknown): void => {
    queue.push(m as M);
    wake?.();
    wake = null;
  };
  port.on('message', onMessage);
  return {
    async take() {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift() as M;
    },
    close: () => void port.off('message', onMessage),
  };
}

/** Answer each request on `port` with the next batch of `source`, then null; a failure answers with an error. */
export async function serveBatches<B>(port: BatchPort, source: AsyncIterable<B>): Promise<void> {
  const requests = inbox<BatchRequest>(port);
  const post = (m: BatchAnswer<B>): void => port.postMessage(m);
  try {
    try {
      for await (const batch of source) post(result((await requests.take()).seq, batch));
    } catch (e) {
      post(failure((await requests.take()).seq, e));
      return;
    }
    post(result((await requests.take()).seq, null));
  } finally {
    requests.close();
  }
}

/**
 * The batches arriving on `port`, asking for the next when the consumer has applied one, with
 * at most `window` asked for. An error answer (the producer failed) is thrown here, in the consumer.
 */
export async function* receiveBatches<B>(port: BatchPort, window = WINDOW): AsyncGenerator<B, void, undefined> {
  const answers = inbox<BatchAnswer<B>>(port);
  let asked = 0;
  const ask = (): void => port.postMessage({ type: 'request', seq: ++asked, request: null } satisfies BatchRequest);
  try {
    for (let i = 0; i < window; i++) ask();
    for (;;) {
      const m = await answers.take();
      if (m.type === 'error') throw deserialiseError(m.error);
      if (m.type !== 'result') continue;
      if (m.value === null) return;
      yield m.value;
      ask();
    }
  } finally {
    answers.close();
  }
}
