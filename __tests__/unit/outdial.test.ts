/** The widget's side of click-to-dial (contract §6): checks, then the exact startOutdial data. */
import { failureReason, outdialRequest } from "../../widget/outdial";

const agent = { isOutboundEnabledForAgent: true, isOutboundEnabledForTenant: true };

test("the exact request of contract §6, without and with outdialAni", () => {
  expect(outdialRequest("+16503054000", agent, "ep-1", undefined)).toEqual({
    ok: true,
    data: { entryPointId: "ep-1", destination: "+16503054000", direction: "OUTBOUND", attributes: {}, mediaType: "telephony", outboundType: "OUTDIAL" },
  });
  const r = outdialRequest("+16503054000", agent, "ep-1", "+18005550123");
  expect(r).toEqual({
    ok: true,
    data: { entryPointId: "ep-1", destination: "+16503054000", direction: "OUTBOUND", origin: "+18005550123", attributes: {}, mediaType: "telephony", outboundType: "OUTDIAL" },
  });
  // "origin" only when configured: no undefined key that the SDK would pass on.
  expect("origin" in (outdialRequest("+16503054000", agent, "ep-1", "") as { data: object }).data).toBe(false);
});

test("an agent record that says nothing about outbound is not refused (Webex decides)", () => {
  expect(outdialRequest("+16503054000", {}, "ep-1", undefined).ok).toBe(true);
});

test.each([
  [{ ...agent, isOutboundEnabledForAgent: false }, "ep-1", "Outdial is not enabled for this agent in Webex Contact Center."],
  [{ ...agent, isOutboundEnabledForTenant: false }, "ep-1", "Outdial is not enabled for this agent in Webex Contact Center."],
  [agent, undefined, "No outdial entry point is configured for this agent (outdialEp)."],
  [agent, "", "No outdial entry point is configured for this agent (outdialEp)."],
])("refused: %j with entry point %j", (a, ep, error) => {
  expect(outdialRequest("+16503054000", a, ep, undefined)).toEqual({ ok: false, error });
});

test.each(["16503054000", "+0650305400", "+1", "+1234567890123456", "+1 650 305 4000", "", "+16503054000\n"])("a destination %j not in E.164 is refused", (d) => {
  expect(outdialRequest(d, agent, "ep-1", undefined)).toEqual({ ok: false, error: "The number is not in E.164 format." });
});

describe("the agent's dial plan (outDialRegex)", () => {
  test("a number the regex allows is dialled", () => {
    expect(outdialRequest("+16503054000", { ...agent, outDialRegex: "^\\+1[0-9]{10}$" }, "ep-1", undefined).ok).toBe(true);
  });
  test("a number the regex does not allow is refused", () => {
    expect(outdialRequest("+4915112345678", { ...agent, outDialRegex: "^\\+1[0-9]{10}$" }, "ep-1", undefined)).toEqual({
      ok: false,
      error: "The number is not allowed by the agent's dial plan.",
    });
  });
  test("an unreadable regex or a non-string is left to Webex", () => {
    expect(outdialRequest("+16503054000", { ...agent, outDialRegex: "([" }, "ep-1", undefined).ok).toBe(true);
    expect(outdialRequest("+16503054000", { ...agent, outDialRegex: 42 }, "ep-1", undefined).ok).toBe(true);
  });
});

describe("failureReason", () => {
  test.each([
    [{ details: { trackingId: "t", data: { reason: "Invalid number", reasonCode: 1008 } } }, "Invalid number (1008)"],
    [{ data: { reason: "Destination busy", reasonCode: 1017 } }, "Destination busy (1017)"],
    [{ data: { reasonCode: 7 } }, "Webex refused the call (7)"],
    [new Error("network down"), "network down"],
    [undefined, "Webex refused the call"],
    [null, "Webex refused the call"],
    ["boom", "Webex refused the call"],
    [{ data: { reason: "" } }, "Webex refused the call"],
  ])("%j → %j", (err, text) => {
    expect(failureReason(err)).toBe(text);
  });
  test("is bounded", () => {
    expect(failureReason({ data: { reason: "x".repeat(1000) } })).toHaveLength(200);
  });
});
