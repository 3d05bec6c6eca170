// What the reference feed server can do wrong, on purpose. A fault replaces the normal answer to
// one request; a FaultPlan decides per request. Page shaping that is still within the protocol
// (ragged sizes, empty pages, replays) is separate: see FeedServerOptions.

export type Fault =
  /** Answer with this status (and Retry-After when given) instead of the page. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** Destroy the connection without answering. */
  | { readonly kind: 'reset' }
  /** Send the headers and half the page, then destroy the connection. */
  | { readonly kind: 'reset-mid-body' }
  /** Answer normally, but only after `ms` (a client with a shorter deadline times out). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Send the headers and half the page, then nothing for `ms`, then hang up. */
  | { readonly kind: 'stall-body'; readonly ms: number }
  /** Answer 200 with this body instead of a page: garbage, or JSON of the wrong shape. */
  | { readonly kind: 'body'; readonly body: string; readonly contentType?: string }
  /** Redirect, to `location` (absolute, or a path on this server). */
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number };

export interface FaultContext {
  /** 0-based index of the request over the server's life. */
  readonly request: number;
  readonly precinct: string;
  /** Position the request asks from. */
  readonly offset: number;
  /** How many earlier requests asked from the same position (0 the first time). */
  readonly attempt: number;
}

export type FaultPlan = (ctx: FaultContext) => Fault | undefined;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Faults at random, from `faults`, on about `rate` of the requests, but never on more than
 * `maxPerOffset` tries in a row at one position: a client with more attempts than that always
 * gets through, so the final state can be compared with a clean import.
 */
export function randomFaults(options: {
  readonly seed: number;
  readonly rate: number;
  readonly faults: readonly Fault[];
  readonly maxPerOffset?: number;
}): FaultPlan {
  const random = seededRandom(options.seed);
  const max = options.maxPerOffset ?? 2;
  return (ctx) => {
    if (ctx.attempt >= max || random() >= options.rate) return undefined;
    return options.faults[Math.floor(random() * options.faults.length)];
  };
}

/** The first `times` tries at every position fail with `fault`. */
export function failFirstTries(fault: Fault, times = 1): FaultPlan {
  return (ctx) => (ctx.attempt < times ? fault : undefined);
}

/** `fault` on the request with this index only. */
export function onRequest(index: number, fault: Fault): FaultPlan {
  return (ctx) => (ctx.request === index ? fault : undefined);
}

/** `fault` on every request from this one on. */
export function fromRequest(index: number, fault: Fault): FaultPlan {
  return (ctx) => (ctx.request >= index ? fault : undefined);
}
