/**
 * Sequenced events kept until the peer acknowledges them (contract §7). Pure bookkeeping: the
 * link decides when to send and replay.
 */
import type { EventBody } from "./protocol";

export interface Outgoing {
  seq: number;
  body: EventBody;
}

/** A bound that a live desktop never reaches; past it the oldest unacknowledged events are dropped and counted. */
export const OUTBOX_LIMIT = 5000;

export class Outbox {
  #next = 1;
  readonly #pending = new Map<number, EventBody>();
  overflowed = 0;

  push(body: EventBody): Outgoing {
    const seq = this.#next++;
    this.#pending.set(seq, body);
    if (this.#pending.size > OUTBOX_LIMIT) {
      const oldest = this.#pending.keys().next().value as number;
      this.#pending.delete(oldest);
      this.overflowed++;
    }
    return { seq, body };
  }

  /** Returns the acknowledged body, or undefined for an unknown or repeated ack. */
  ack(seq: number): EventBody | undefined {
    const body = this.#pending.get(seq);
    if (body) this.#pending.delete(seq);
    return body;
  }

  /** Everything not yet acknowledged, oldest first (Map order is insertion order). */
  unacked(): Outgoing[] {
    return [...this.#pending].map(([seq, body]) => ({ seq, body }));
  }

  get size(): number {
    return this.#pending.size;
  }
}
