/**
 * Breakdown probe for the benchmark's mashup frame, served before the mashup's own script (bench
 * server). Records, per offered leg, when its channel message reached the mashup window (a
 * listener added before the app's) and when the app's own handling of it returned (a listener
 * added after the app's: a window calls its listeners in the order they were added). Read only:
 * it changes nothing the mashup does.
 */
const now = () => performance.timeOrigin + performance.now();
const marks: Record<string, { in: number; out?: number }> = {};

/** The interaction id of a channel event announcing a newly offered leg, else undefined. */
function offeredLeg(data: unknown): string | undefined {
  const d = data as { p?: string; t?: string; body?: { kind?: string; leg?: { phase?: string; interactionId?: string } } } | null;
  if (d?.p !== "wxcc-sap" || d.t !== "event" || d.body?.kind !== "leg" || d.body.leg?.phase !== "offered") return undefined;
  return d.body.leg.interactionId;
}

let after = false;
addEventListener(
  "message",
  (e) => {
    // The app listens from its start, before any message: the first message is the moment to add
    // the second probe, which then runs after the app's listener for every later message.
    if (!after) {
      after = true;
      addEventListener("message", (e2) => {
        const id = offeredLeg(e2.data);
        const m = id === undefined ? undefined : marks[id];
        if (m && m.out === undefined) m.out = now();
      });
    }
    const id = offeredLeg(e.data);
    if (id !== undefined && !marks[id]) marks[id] = { in: now() };
  },
  true,
);
(window as unknown as { benchMarks: () => typeof marks }).benchMarks = () => marks;
