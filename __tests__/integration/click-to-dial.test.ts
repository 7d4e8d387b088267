/**
 * Click-to-dial end to end through the real @wxcc-desktop/sdk (issue 2, contract §6): SAP's object
 * posted into the mashup → dial command over the channel → `Desktop.dialer.startOutdial` through the
 * emulated host → the outbound call reported to SAP with EventType OUTBOUND and the ActivityUUID.
 */
import { Harness, SAP_ORIGIN, type AgentChain, actions } from "../support/harness";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

const UUID = "00163e2a-1234-1eda-b895-42c904e08752";
const SAP_OBJECT = { PhoneNumber: "+1 650 305 4000", ActivityUUID: UUID, ObjectTypeCode: "39" };

const act = actions;

let h: Harness;
beforeEach(() => (h = Harness.quiet(["info", "warn", "error"])));
afterEach(() => h.close());

function outdials(a: AgentChain): unknown[] {
  return a.host.requests.filter((r) => r.method === "aqm.dialer.startOutdial").map((r) => r.payload);
}

/** The interaction the contact center created for the outdial (the only live one). */
function outdialInteraction(): string {
  const ids = [...h.cc.live.keys()];
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

async function clickToDial(a: AgentChain, data: unknown = SAP_OBJECT): Promise<void> {
  a.mashupWin.receiveFrom(a.sapWin, data);
  await h.settle();
}

describe("click-to-dial from SAP", () => {
  test("dials the normalised number on the configured entry point, then OUTBOUND NOTIFY/ACCEPT/END with the ActivityUUID", async () => {
    const a = await h.agent();
    await clickToDial(a);

    expect(outdials(a)).toEqual([
      { data: { entryPointId: "ep-outdial-1", destination: "+16503054000", direction: "OUTBOUND", attributes: {}, mediaType: "telephony", outboundType: "OUTDIAL" } },
    ]);
    const id = outdialInteraction();
    const ref = legReferenceId(id, a.agentId);
    const orig = originalReferenceId(id);
    const base = { Type: "CALL", ANI: "+16503054000", ExternalReferenceID: ref, ExternalOriginalReferenceID: orig, DNIS: "+18005550199", ActivityUUID: UUID };
    expect(a.sap.payloads.map((p) => p.fields)).toEqual([{ ...base, EventType: "OUTBOUND", Action: "NOTIFY" }].map(order));

    h.cc.customerAnswers(id);
    await h.settle();
    await act(a).end({ interactionId: id });
    await h.settle();

    expect(a.sap.payloads.map((p) => p.fields)).toEqual(
      [
        { ...base, EventType: "OUTBOUND", Action: "NOTIFY" },
        { ...base, EventType: "OUTBOUND", Action: "ACCEPT" },
        { ...base, EventType: "UPDATEACTIVITY", Action: "END" },
      ].map(order),
    );
    expect(a.sap.violations).toEqual([]);
    expect(a.notices).toEqual([]);
    expect(a.mashup.sync.dials.size).toBe(0);
    expect(a.widget.link.pending).toBe(0);
    // Both sides logged the dial, neither with the customer's number in clear.
    const lines = [...a.mashup.log.recent(), ...a.widget.log.recent()].map((l) => l.text);
    expect(lines.some((l) => l.startsWith("click-to-dial +*********00"))).toBe(true);
    expect(lines.filter((l) => l.includes("3054000"))).toEqual([]);
  });

  test("with outdialAni configured, the request carries it as origin", async () => {
    const a = await h.agent();
    a.widget.setOutdial("ep-outdial-1", "+18005550123");
    await clickToDial(a);
    expect(outdials(a)).toEqual([
      {
        data: {
          entryPointId: "ep-outdial-1",
          destination: "+16503054000",
          direction: "OUTBOUND",
          origin: "+18005550123",
          attributes: {},
          mediaType: "telephony",
          outboundType: "OUTDIAL",
        },
      },
    ]);
    expect(a.sap.payloads.map((p) => `${p.fields.EventType} ${p.fields.Action} ${p.fields.ActivityUUID} ${p.fields.DNIS}`)).toEqual([
      `OUTBOUND NOTIFY ${UUID} +18005550123`,
    ]);
  });

  test("numbers written the ways CRM data has them are all dialled as the same E.164 number", async () => {
    const a = await h.agent();
    for (const PhoneNumber of ["tel:+1-650-305-4000", "001 (650) 305-4000"]) {
      await clickToDial(a, { PhoneNumber });
      const id = outdialInteraction();
      await act(a).end({ interactionId: id });
      await h.settle();
      await act(a).wrapup({ interactionId: id, data: { wrapUpReason: "Resolved", auxCodeId: "wrap-resolved", isAutoWrapup: "false" } });
      await h.settle();
    }
    expect(outdials(a).map((p) => (p as { data: { destination: string } }).data.destination)).toEqual(["+16503054000", "+16503054000"]);
    // No ActivityUUID was sent, so none is echoed.
    expect(a.sap.payloads.some((p) => "ActivityUUID" in p.fields)).toBe(false);
  });
});

describe("click-to-dial failures: a visible notice, nothing dialled, nothing posted to SAP", () => {
  test("outdial disabled for the agent", async () => {
    const a = await h.agent({ outboundEnabled: false });
    await clickToDial(a);
    expect(outdials(a)).toEqual([]);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text: "The call to +*********00 was not placed: outgoing calls are not set up for you in Webex. Ask your contact center administrator." }]);
    expect(a.raised.map((n) => [n.kind, n.args, n.detail])).toEqual([["n.dialNotAllowed", ["+*********00"], "Outdial is not enabled for this agent in Webex Contact Center."]]);
    expect(a.mashup.sync.dials.size).toBe(0);
  });

  test("no outdial entry point configured", async () => {
    const a = await h.agent({ outdialEp: undefined });
    await clickToDial(a);
    expect(outdials(a)).toEqual([]);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text: "The call to +*********00 was not placed: outgoing calls are not set up for you in Webex. Ask your contact center administrator." }]);
    expect(a.raised[0]?.detail).toBe("No outdial entry point is configured for this agent (outdialEp).");
  });

  test("Webex rejects the request", async () => {
    const a = await h.agent();
    h.cc.failNextOutdial.set(a.agentId, "Invalid number");
    await clickToDial(a);
    // The request did go to Webex, which refused it: no call, no payload.
    expect(outdials(a)).toHaveLength(1);
    expect(h.cc.live.size).toBe(0);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text: "The call to +*********00 was not placed: Webex refused it. Try again, or dial from the Agent Desktop." }]);
    // Webex's own words go to the log only.
    expect(a.raised[0]?.detail).toBe("Invalid number (1008)");
    expect(a.mashup.sync.dials.size).toBe(0);
  });

  test("eOutdialFailed arrives while the request is pending", async () => {
    const a = await h.agent();
    // Webex accepts the request but never offers the call; eOutdialFailed follows instead.
    const backend = h.cc as unknown as { startOutdial: (...args: unknown[]) => Promise<unknown> };
    const original = backend.startOutdial.bind(h.cc);
    let release: (() => void) | undefined;
    backend.startOutdial = () => new Promise((resolve) => (release = () => resolve(undefined)));
    a.mashupWin.receiveFrom(a.sapWin, SAP_OBJECT);
    await h.settle();
    expect(outdials(a)).toHaveLength(1);
    const failed = failureMessage(a, "Destination busy");
    a.host.outdialFailed(failed);
    await h.settle();
    release?.();
    await h.settle();
    backend.startOutdial = original;
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text: "The call to +*********00 was not placed: Webex refused it. Try again, or dial from the Agent Desktop." }]);
    expect(a.raised[0]?.detail).toBe("Destination busy (1017)");
    expect(a.mashup.sync.dials.size).toBe(0);
  });

  test("eOutdialFailed arriving on its own is reported too", async () => {
    const a = await h.agent();
    a.host.outdialFailed(failureMessage(a, "No answer"));
    await h.settle();
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text: "Your outgoing call did not go through: Webex reported it as failed. Check the number and try again." }]);
    expect(a.raised[0]?.detail).toBe("No answer (1017)");
    expect(a.widget.link.pending).toBe(0);
  });

  test.each([
    ["abc", "“a***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["hello", "“h***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["12", "1*** has no country code, so it was not dialled. Add the country code (for example +49) in SAP and click it again."],
    ["+999 1", "“+***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again."],
    ["", "SAP sent no number to dial, so nothing was dialled. Click a phone number in SAP."],
    [" tel: ", "SAP sent no number to dial, so nothing was dialled. Click a phone number in SAP."],
  ])("a number that cannot be normalised (%j) is refused visibly, shown masked", async (PhoneNumber, text) => {
    const a = await h.agent();
    await clickToDial(a, { PhoneNumber, ActivityUUID: UUID });
    expect(outdials(a)).toEqual([]);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([{ level: "error", text }]);
    expect(a.mashup.sync.dials.size).toBe(0);
  });

  test("a number with an extension dials the main number and tells the agent the extension was not dialled", async () => {
    const a = await h.agent();
    await clickToDial(a, { PhoneNumber: "+1 650 305 4000 ext. 42", ActivityUUID: UUID });
    expect(outdials(a).map((p) => (p as { data: { destination: string } }).data.destination)).toEqual(["+16503054000"]);
    expect(a.notices).toEqual([{ level: "info", text: "Dialling +*********00. The extension 42 was not dialled: once connected, ask for it or key it in." }]);
  });

  test("a refusal clears itself once the agent's next click-to-dial goes through", async () => {
    const a = await h.agent();
    await clickToDial(a, { PhoneNumber: "hello" });
    expect(a.mashup.notices.items.map((r) => r.notice.kind)).toEqual(["n.notANumber"]);
    await clickToDial(a);
    expect(outdials(a)).toHaveLength(1);
    expect(a.mashup.notices.items).toEqual([]);
  });

  test.each([
    ["PhoneNumber not a string", { PhoneNumber: 16503054000 }],
    ["ActivityUUID with markup", { PhoneNumber: "+16503054000", ActivityUUID: "<x>" }],
  ])("a malformed click-to-dial object (%s) is refused visibly", async (_name, data) => {
    const a = await h.agent();
    await clickToDial(a, data);
    expect(outdials(a)).toEqual([]);
    expect(a.notices).toEqual([
      { level: "error", text: "SAP sent a click-to-dial request that cannot be read, so nothing was dialled. Click the number again; if this keeps happening, tell your SAP administrator." },
    ]);
  });

  test("a click-to-dial from a wrong origin is dropped and counted; nothing is dialled", async () => {
    const a = await h.agent();
    const evil = h.bus.window("https://evil.example.com");
    const lookalike = h.bus.window(SAP_ORIGIN + ".evil.example.com");
    const before = a.mashup.log.dropped.get("origin") ?? 0;
    a.mashupWin.receiveFrom(evil, SAP_OBJECT);
    a.mashupWin.receiveFrom(lookalike, SAP_OBJECT);
    await h.settle();
    expect(outdials(a)).toEqual([]);
    expect(a.sap.payloads).toEqual([]);
    expect(a.notices).toEqual([]);
    expect(a.mashup.log.dropped.get("origin")).toBe(before + 2);
    expect(a.mashup.sync.dials.size).toBe(0);
  });

  test("the desktop not being linked is a visible error, not a silent loss", async () => {
    const a = await h.agent();
    a.widget.stop();
    const mashup = h.startMashup(a);
    await h.settle();
    expect(mashup.link.linked).toBe(false);
    await clickToDial(a);
    expect(outdials(a)).toEqual([]);
    expect(a.notices).toEqual([
      { level: "error", text: "The call to +*********00 was not placed: the Agent Desktop is not linked. Wait for the link, then click the number again." },
    ]);
    expect(mashup.sync.dials.size).toBe(0);
  });
});

/** The field order the mashup posts in (Type, EventType, Action, customer, IDs, extras). */
function order(f: Record<string, string>): Record<string, string> {
  const keys = ["Type", "EventType", "Action", "ANI", "ExternalReferenceID", "ExternalOriginalReferenceID", "DNIS", "ActivityUUID"];
  return Object.fromEntries(keys.filter((k) => k in f).map((k) => [k, f[k] as string]));
}

/** What Webex sends with eOutdialFailed: a routing message whose data carries the reason. */
function failureMessage(a: AgentChain, reason: string) {
  return {
    type: "RoutingMessage",
    orgId: h.cc.orgId,
    trackingId: "t-outdial-failed",
    data: { type: "AgentOutboundFailed", agentId: a.agentId, interactionId: "0ae913a4-c857-4705-8d49-0000000000ff", reason, reasonCode: 1017 },
  } as never;
}
