/**
 * The setup check against the SAP test double (issue 15): it posts only when the admin acts, only
 * its steps' payloads, every one with the check's ID prefix and valid for SAP, and ends with the
 * recommended URL and a masked report.
 */
import { parseConfig } from "../../sap-mashup/config";
import { CheckApp } from "../../sap-mashup/check/check-app";
import { CHECK_ID_PREFIX } from "../../sap-mashup/check/check-steps";
import { SapRecorder } from "../../sandbox/sap-host/sap-recorder";
import { WindowBus } from "../support/window-bus";

const SAP = "https://my123456.crm.ondemand.com";
const MASHUP = "https://connector.example.com";
const PAGE = `${MASHUP}/sap-mashup/index.html?sapOrigin=${encodeURIComponent(SAP)}&channels=whatsapp:Sinch_WhatsApp&cad=CustId:Custom_2&check=on`;

function setUp(url = PAGE) {
  const bus = new WindowBus();
  const sapWin = bus.window(SAP);
  const mashupWin = bus.window(MASHUP, sapWin);
  const sap = new SapRecorder(sapWin.self, [MASHUP]);
  const r = parseConfig(new URL(url).search);
  if (!r.ok) throw new Error(r.errors.join("; "));
  const app = new CheckApp(mashupWin.self.parent, r.config, url, "RUN00001", () => Date.parse("2026-12-02T10:00:00Z"));
  return { bus, sap, app };
}

const INPUTS = { phone: "+14155550132", unknownPhone: "+12025550199", email: "li.wei@mail.example", custom: { Custom_2: "CUST-77" } };

test("nothing is posted before the admin starts and presses Send; then exactly each step's payloads", async () => {
  const { bus, sap, app } = setUp();
  jest.spyOn(console, "info").mockImplementation(() => undefined);
  await bus.settle();
  expect(sap.payloads).toEqual([]);
  app.start(INPUTS);
  await bus.settle();
  expect(sap.payloads).toEqual([]);

  const seen: string[] = [];
  for (let guard = 0; !app.done && guard < 30; guard++) {
    const id = app.step!.id;
    if (app.stage === "setup") app.setUp();
    if (app.stage === "prepare") app.prepared();
    app.send();
    app.answer("yes");
    await bus.settle();
    seen.push(id);
  }
  expect(seen).toEqual(["pop", "pop-unknown", "accept", "end-updateactivity", "repeat-notify", "chat", "message", "custom-Custom_2"]);
  const leg = (l: string) => `${CHECK_ID_PREFIX}RUN00001${l}`;
  expect(sap.payloads.map((p) => `${p.fields.Type} ${p.fields.EventType} ${p.fields.Action} ${p.fields.ExternalReferenceID}`)).toEqual([
    `CALL INBOUND NOTIFY ${leg("A")}`,
    `CALL INBOUND NOTIFY ${leg("B")}`,
    `CALL INBOUND ACCEPT ${leg("A")}`,
    `CALL UPDATEACTIVITY END ${leg("A")}`,
    `CALL INBOUND NOTIFY ${leg("C")}`,
    `CALL INBOUND ACCEPT ${leg("C")}`,
    `CALL INBOUND NOTIFY ${leg("C")}`,
    `CALL UPDATEACTIVITY END ${leg("C")}`,
    `CHAT INBOUND NOTIFY ${leg("D")}`,
    `CHAT INBOUND ACCEPT ${leg("D")}`,
    `CHAT UPDATEACTIVITY END ${leg("D")}`,
    `MESSAGE INBOUND NOTIFY ${leg("E")}`,
    `MESSAGE INBOUND ACCEPT ${leg("E")}`,
    `MESSAGE UPDATEACTIVITY END ${leg("E")}`,
    `CALL INBOUND NOTIFY ${leg("F2")}`,
  ]);
  expect(sap.violations).toEqual([]);
  expect(app.postedIds).toEqual(["A", "B", "C", "D", "E", "F2"].map(leg));
  expect(new URL(app.recommendedUrl()).searchParams.get("check")).toBeNull();
  expect(app.report()).toContain(`- ${leg("F2")}`);
  expect(app.report()).not.toContain("4155550132");
});

test("out-of-order presses post nothing: Send twice, an answer before Send", async () => {
  const { bus, sap, app } = setUp();
  jest.spyOn(console, "info").mockImplementation(() => undefined);
  app.start(INPUTS);
  app.answer("yes"); // before Send: ignored
  app.send();
  app.send(); // again: ignored
  await bus.settle();
  expect(sap.payloads.map((p) => p.fields.Action)).toEqual(["NOTIFY"]);
  expect(app.step!.id).toBe("pop");
});

test("XML when JSON did not pop: the next payloads are XML documents", async () => {
  const { bus, sap, app } = setUp();
  jest.spyOn(console, "info").mockImplementation(() => undefined);
  app.start(INPUTS);
  app.send();
  app.answer("no", "nothing happened");
  expect(app.step!.id).toBe("pop-xml");
  app.send();
  app.answer("yes");
  app.send(); // pop-unknown, in XML now
  await bus.settle();
  expect(sap.payloads.map((p) => p.format)).toEqual(["json", "xml", "xml"]);
  expect(sap.violations).toEqual([]);
});
