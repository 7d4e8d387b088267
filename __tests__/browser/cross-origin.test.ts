/** @jest-environment node */
/**
 * Issue 2 in a real browser: the built widget (dist/widget.js with the real SDK, in the emulated
 * desktop on 127.0.0.3) and the built mashup (127.0.0.2) inside the SAP sandbox page (127.0.0.1),
 * each on its own origin, so every postMessage crosses origins exactly as in production.
 */
import { AGENTS } from "../../sandbox/server";
import { act, hostRequests, openSap, sapState, sim, summary, waitPayloads, waitTask, type Stage, useStage } from "./browser-support";
import { goAvailable } from "./sandbox-flow";

jest.setTimeout(60_000);
let s: Stage;
useStage((x) => (s = x));

const agent1 = AGENTS[0]!.agentId;

test("an inbound call's NOTIFY, ACCEPT and END reach the SAP page across origins", async () => {
  const a = await openSap(s, 1);
  await goAvailable(a.desktop); // routing offers nothing to an Idle agent
  const id = (await sim(s, "inbound", { from: "+14155550132", to: agent1, dnis: "+18005550100" })) as string;
  await waitPayloads(a.page, 1);
  await act(a.desktop, "accept", id);
  await waitPayloads(a.page, 2);
  await act(a.desktop, "end", id);
  await act(a.desktop, "wrapup", id);
  await waitTask(a.desktop, id, null);
  const st = await waitPayloads(a.page, 3);
  expect(summary(st)).toEqual(["CALL INBOUND NOTIFY", "CALL INBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
  expect(st.payloads.map((p) => p.fields.ANI)).toEqual(["+14155550132", "+14155550132", "+14155550132"]);
  expect(new Set(st.payloads.map((p) => p.fields.ExternalReferenceID)).size).toBe(1);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  expect(st.activities).toHaveLength(1);
  expect(st.activities[0]).toMatchObject({ type: "Phone Call", direction: "Inbound", status: "Completed", customer: "Maria Lopez" });
  expect(s.errors).toEqual([]);
  await a.page.close();
});

test("click-to-dial on a lead: startOutdial with the normalised number, then OUTBOUND payloads with the ActivityUUID", async () => {
  const a = await openSap(s, 1);
  await goAvailable(a.desktop); // routing offers nothing to an Idle agent
  await a.page.click("#nav button[data-view=Lead]");
  await a.page.click("a.record-link:text('Tom Becker')");
  await a.page.click("a.dial");
  await a.desktop.waitForFunction(() => (window as unknown as { sandboxDesktop: { tasks(): unknown[] } }).sandboxDesktop.tasks().length === 1);
  const reqs = (await hostRequests(a.desktop)).filter((r) => r.method === "aqm.dialer.startOutdial");
  expect(reqs.map((r) => r.payload)).toEqual([{ data: { entryPointId: "ep-outdial-1", destination: "+4915112345678", direction: "OUTBOUND", attributes: {}, mediaType: "telephony", outboundType: "OUTDIAL" } }]);
  const [task] = (await a.desktop.evaluate(() => (window as unknown as { sandboxDesktop: { tasks(): { id: string }[] } }).sandboxDesktop.tasks())) as { id: string }[];
  await sim(s, "customerAnswers", task!.id);
  await waitPayloads(a.page, 2);
  await act(a.desktop, "end", task!.id);
  const st = await waitPayloads(a.page, 3);
  await act(a.desktop, "wrapup", task!.id);
  const planned = st.activities.find((x) => x.activityUUID);
  expect(summary(st)).toEqual(["CALL OUTBOUND NOTIFY", "CALL OUTBOUND ACCEPT", "CALL UPDATEACTIVITY END"]);
  expect(st.payloads.map((p) => p.fields.ActivityUUID)).toEqual([planned!.activityUUID, planned!.activityUUID, planned!.activityUUID]);
  expect(st.payloads[0]!.fields.ANI).toBe("+4915112345678");
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  // SAP's pre-created activity was completed; no second activity appeared.
  expect(st.activities).toHaveLength(1);
  expect(planned).toMatchObject({ type: "Phone Call", direction: "Outbound", status: "Completed", customer: "Tom Becker" });
  expect(s.errors).toEqual([]);
  await a.page.close();
});

test("messages from a wrong origin are dropped: a click-to-dial not from SAP, a forged payload to SAP, a forged channel event", async () => {
  const a = await openSap(s, 1);
  await goAvailable(a.desktop); // routing offers nothing to an Idle agent
  const before = (await sapState(a.page)).payloads.length;
  // The desktop's origin is not SAP's: its click-to-dial must not dial.
  await a.desktop.evaluate(() => window.parent.postMessage({ PhoneNumber: "+14155550132", ActivityUUID: "forged" }, "*"));
  // A payload-shaped message from the desktop's origin to the SAP page: SAP listens only to the mashup.
  await a.desktop.evaluate(() => window.top!.postMessage({ payload: { Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+15555550100", ExternalReferenceID: "FORGED1", ExternalOriginalReferenceID: "FORGED1" } }, "*"));
  // A channel event from the SAP page's origin into the mashup: only the desktop's origin may send those.
  await a.page.evaluate(() => (document.getElementById("cti") as HTMLIFrameElement).contentWindow!.postMessage({ p: "wxcc-sap", v: 1, t: "event", instance: "forged", seq: 1, body: { kind: "select", interactionId: "x" } }, "*"));
  await a.page.waitForTimeout(500);
  const reqs = await hostRequests(a.desktop);
  expect(reqs.filter((r) => r.method === "aqm.dialer.startOutdial")).toEqual([]);
  const st = await sapState(a.page);
  expect(st.payloads.length).toBe(before);
  expect((await a.page.evaluate(() => (window as unknown as { sapSandbox: { state(): { ignored: number } } }).sapSandbox.state().ignored))).toBe(1);
  expect(s.errors).toEqual([]);
  await a.page.close();
});
