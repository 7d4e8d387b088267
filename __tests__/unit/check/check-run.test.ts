/** The setup check's course and findings (issue 15), on plain data. */
import { CHECK_ID_PREFIX, buildStep, checkIds, newRunId, type CheckInputs, type StepId } from "../../../sap-mashup/check/check-steps";
import { endFormInUse, formatInUse, nextStep, outcome, recommendedUrl, type Answer, type StepAnswer } from "../../../sap-mashup/check/check-run";

const INPUTS: CheckInputs = { phone: "+14155550132", unknownPhone: "+12025550199", email: "li.wei@mail.example", channelId: "Sinch_WhatsApp", custom: { Custom_2: "CUST-77", Custom_1: "C-1" } };
const RUN = "ABCD1234";

/** Answers the steps in order as `answer(id)` says, and returns the ids taken. */
function walk(inputs: CheckInputs, configured: "json" | "xml", answer: (id: StepId) => Answer): { ids: StepId[]; answers: StepAnswer[] } {
  const answers: StepAnswer[] = [];
  const ids: StepId[] = [];
  for (let id = nextStep(inputs, configured, answers); id; id = nextStep(inputs, configured, answers)) {
    ids.push(id);
    answers.push({ id, answer: answer(id), note: "" });
    if (ids.length > 50) throw new Error("the check does not end");
  }
  return { ids, answers };
}

test("everything works: each step once, in order; the default settings are proven", () => {
  const { ids, answers } = walk(INPUTS, "json", () => "yes");
  expect(ids).toEqual(["pop", "pop-unknown", "accept", "end-updateactivity", "repeat-notify", "chat", "message", "custom-Custom_1", "custom-Custom_2"]);
  expect(outcome(answers, "json")).toEqual({ format: "json", endForm: "updateactivity", followSelection: true, chat: true, message: true, custom: { Custom_1: true, Custom_2: true } });
});

test("JSON does not pop but XML does: XML for every later step, and recommended", () => {
  const { ids, answers } = walk(INPUTS, "json", (id) => (id === "pop" ? "no" : "yes"));
  expect(ids.slice(0, 3)).toEqual(["pop", "pop-xml", "pop-unknown"]);
  expect(formatInUse(answers, "json")).toBe("xml");
  expect(outcome(answers, "json").format).toBe("xml");
  const step = buildStep("accept", INPUTS, RUN, endFormInUse(answers), formatInUse(answers, "json"));
  expect(step.format).toBe("xml");
});

test("an XML-configured mashup is not offered JSON", () => {
  const { ids } = walk(INPUTS, "xml", (id) => (id === "pop" ? "no" : "yes"));
  expect(ids).not.toContain("pop-xml");
});

test("UPDATEACTIVITY does not close the activity, the direction form does: later steps close with it", () => {
  const { ids, answers } = walk(INPUTS, "json", (id) => (id === "end-updateactivity" ? "no" : "yes"));
  expect(ids.slice(3, 6)).toEqual(["end-updateactivity", "end-direction", "repeat-notify"]);
  expect(endFormInUse(answers)).toBe("direction");
  expect(buildStep("repeat-notify", INPUTS, RUN, "direction", "json").after).toEqual([
    { Type: "CALL", EventType: "INBOUND", Action: "END", ANI: INPUTS.phone, ...checkIds(RUN, "C") },
  ]);
});

test("no END form closes it: none proven, the default kept", () => {
  const { answers } = walk(INPUTS, "json", (id) => (id.startsWith("end-") ? "no" : "yes"));
  expect(outcome(answers, "json").endForm).toBeUndefined();
  expect(endFormInUse(answers)).toBe("updateactivity");
});

test("no activity on ACCEPT: closing cannot be observed, so no END step", () => {
  const { ids } = walk(INPUTS, "json", (id) => (id === "accept" ? "no" : "yes"));
  expect(ids.some((id) => id.startsWith("end-"))).toBe(false);
});

test("steps without their test data are skipped", () => {
  const { ids } = walk({ phone: "+14155550132", unknownPhone: "+12025550199", custom: { Custom_3: "" } }, "json", () => "yes");
  expect(ids).toEqual(["pop", "pop-unknown", "accept", "end-updateactivity", "repeat-notify"]);
});

describe("payloads", () => {
  test("every ExternalReferenceID starts with the prefix, fits SAP's rule, and differs per leg", () => {
    const steps = (["pop", "pop-unknown", "accept", "end-direction", "repeat-notify", "chat", "message", "custom-Custom_2"] as StepId[]).map((id) => buildStep(id, INPUTS, RUN, "updateactivity", "json"));
    const all = steps.flatMap((s) => [...s.setup, ...s.send, ...s.after]);
    for (const p of all) {
      expect(p.ExternalReferenceID).toMatch(new RegExp(`^${CHECK_ID_PREFIX}${RUN}[A-Z0-9]{1,2}$`));
      expect(p.ExternalReferenceID!.length).toBeLessThanOrEqual(35);
      expect(p.ExternalOriginalReferenceID).toBe(p.ExternalReferenceID);
    }
    expect(new Set(all.map((p) => p.ExternalReferenceID)).size).toBe(6);
  });

  test("each step's exact payloads", () => {
    const a = checkIds(RUN, "A");
    expect(buildStep("pop", INPUTS, RUN, "updateactivity", "json").send).toEqual([{ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550132", ...a }]);
    expect(buildStep("end-updateactivity", INPUTS, RUN, "updateactivity", "json").send).toEqual([{ Type: "CALL", EventType: "UPDATEACTIVITY", Action: "END", ANI: "+14155550132", ...a }]);
    expect(buildStep("end-direction", INPUTS, RUN, "updateactivity", "json").send).toEqual([{ Type: "CALL", EventType: "INBOUND", Action: "END", ANI: "+14155550132", ...a }]);
    const repeat = buildStep("repeat-notify", INPUTS, RUN, "updateactivity", "json");
    expect(repeat.setup.map((p) => p.Action)).toEqual(["NOTIFY", "ACCEPT"]);
    expect(repeat.send).toEqual([repeat.setup[0]]);
    expect(repeat.prepare).toBe("navigate-away");
    expect(buildStep("chat", INPUTS, RUN, "updateactivity", "json").send[0]).toEqual({ Type: "CHAT", EventType: "INBOUND", Action: "NOTIFY", Email: "li.wei@mail.example", ...checkIds(RUN, "D") });
    expect(buildStep("message", INPUTS, RUN, "updateactivity", "json").send[0]).toEqual({ Type: "MESSAGE", EventType: "INBOUND", Action: "NOTIFY", ANI: "+14155550132", ...checkIds(RUN, "E"), ChannelId: "Sinch_WhatsApp" });
    expect(buildStep("custom-Custom_2", INPUTS, RUN, "updateactivity", "json").send).toEqual([{ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY", ...checkIds(RUN, "F2"), Custom_2: "CUST-77" }]);
  });

  test("run ids are 8 characters [A-Z0-9]", () => {
    expect(newRunId(1_764_650_000_000, () => 0.5)).toMatch(/^[A-Z0-9]{8}$/);
    expect(newRunId(1_764_650_000_000, () => 0.1)).not.toBe(newRunId(1_764_650_000_000, () => 0.9));
  });
});

describe("recommendedUrl", () => {
  const CHECK = "https://connector.example.com/sap-mashup/index.html?sapOrigin=https%3A%2F%2Fmy1.crm.ondemand.com&desktopUrl=https%3A%2F%2Fdesktop.wxcc-us1.cisco.com%2F&channels=whatsapp%3ASinch_WhatsApp%2Csms%3ASMS_1&cad=CaseNo%3ACustom_1%2CCustId%3ACustom_2&check=on";
  const q = (url: string) => Object.fromEntries(new URL(url).searchParams);

  test("all defaults proven: the check parameter goes, the rest stays", () => {
    const url = recommendedUrl(CHECK, { format: "json", endForm: "updateactivity", followSelection: true, chat: true, message: true, custom: { Custom_1: true, Custom_2: true } }, "whatsapp");
    expect(q(url)).toEqual({ sapOrigin: "https://my1.crm.ondemand.com", desktopUrl: "https://desktop.wxcc-us1.cisco.com/", channels: "whatsapp:Sinch_WhatsApp,sms:SMS_1", cad: "CaseNo:Custom_1,CustId:Custom_2" });
  });

  test("XML, the direction END, no follow-selection, a channel and a Custom field that did nothing", () => {
    const url = recommendedUrl(CHECK, { format: "xml", endForm: "direction", followSelection: false, chat: true, message: false, custom: { Custom_1: false, Custom_2: true } }, "WhatsApp");
    expect(q(url)).toEqual({
      sapOrigin: "https://my1.crm.ondemand.com",
      desktopUrl: "https://desktop.wxcc-us1.cisco.com/",
      channels: "sms:SMS_1",
      cad: "CustId:Custom_2",
      format: "xml",
      endForm: "direction",
      followSelection: "off",
    });
  });

  test("what was not proven either way is left as configured", () => {
    const url = recommendedUrl(`${CHECK}&format=xml&endForm=direction`, { format: undefined, endForm: undefined, followSelection: undefined, chat: undefined, message: undefined, custom: {} }, "whatsapp");
    expect(q(url)).toMatchObject({ format: "xml", endForm: "direction", channels: "whatsapp:Sinch_WhatsApp,sms:SMS_1" });
    expect(q(url).check).toBeUndefined();
  });
});
