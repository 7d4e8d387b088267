/** Sequenced events kept until acknowledged (contract §7). */
import { OUTBOX_LIMIT, Outbox } from "../../channel/outbox";
import type { EventBody } from "../../channel/protocol";

const sel = (interactionId: string): EventBody => ({ kind: "select", interactionId });

test("sequence numbers start at 1 and increase by one", () => {
  const o = new Outbox();
  expect([o.push(sel("a")), o.push(sel("b")), o.push(sel("c"))]).toEqual([
    { seq: 1, body: sel("a") },
    { seq: 2, body: sel("b") },
    { seq: 3, body: sel("c") },
  ]);
  expect(o.size).toBe(3);
});

test("an ack returns its body once; unknown and repeated acks return nothing and change nothing", () => {
  const o = new Outbox();
  o.push(sel("a"));
  o.push(sel("b"));
  expect(o.ack(2)).toEqual(sel("b"));
  expect(o.ack(2)).toBeUndefined();
  expect(o.ack(99)).toBeUndefined();
  expect(o.ack(0)).toBeUndefined();
  expect(o.unacked()).toEqual([{ seq: 1, body: sel("a") }]);
});

test("replay gives everything unacknowledged, oldest first, with its original seq", () => {
  const o = new Outbox();
  for (const id of ["a", "b", "c", "d"]) o.push(sel(id));
  o.ack(1);
  o.ack(3);
  expect(o.unacked()).toEqual([
    { seq: 2, body: sel("b") },
    { seq: 4, body: sel("d") },
  ]);
  // Replaying does not consume: a second handshake replays the same events again.
  expect(o.unacked()).toHaveLength(2);
  // New events continue the numbering; acknowledged numbers are never reused.
  expect(o.push(sel("e")).seq).toBe(5);
});

test("past the limit the oldest unacknowledged events are dropped and counted", () => {
  const o = new Outbox();
  for (let i = 0; i < OUTBOX_LIMIT + 3; i++) o.push(sel(`i${i}`));
  expect(o.size).toBe(OUTBOX_LIMIT);
  expect(o.overflowed).toBe(3);
  const pending = o.unacked();
  expect(pending[0]).toEqual({ seq: 4, body: sel("i3") });
  expect(pending.at(-1)).toEqual({ seq: OUTBOX_LIMIT + 3, body: sel(`i${OUTBOX_LIMIT + 2}`) });
  expect(o.ack(1)).toBeUndefined();
});

test("acknowledged events do not count towards the limit", () => {
  const o = new Outbox();
  for (let i = 0; i < OUTBOX_LIMIT * 2; i++) o.ack(o.push(sel("x")).seq);
  expect(o.size).toBe(0);
  expect(o.overflowed).toBe(0);
});
