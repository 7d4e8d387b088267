/** The setup check's report: complete, and free of personal data (issue 15). */
import { buildStep, checkIds, type CheckInputs, type StepId } from "../../../sap-mashup/check/check-steps";
import { outcome, type StepAnswer } from "../../../sap-mashup/check/check-run";
import { checkReport, describePayload, postedIds, type CheckRecord } from "../../../sap-mashup/check/check-report";

const INPUTS: CheckInputs = { phone: "+14155550132", unknownPhone: "+12025550199", email: "li.wei@mail.example", custom: { Custom_1: "CUST-778899" } };
const RUN = "ABCD1234";

function records(answers: [StepId, StepAnswer["answer"], string?][]): CheckRecord[] {
  return answers.map(([id, answer, note]) => ({ step: buildStep(id, INPUTS, RUN, "updateactivity", "json"), answer: { id, answer, note: note ?? "" } }));
}

test("describePayload masks numbers, addresses and Custom values, and keeps IDs whole", () => {
  expect(describePayload({ Type: "CHAT", Action: "NOTIFY", Email: "li.wei@mail.example", ...checkIds(RUN, "D"), Custom_1: "CUST-778899" })).toBe(
    `Type=CHAT Action=NOTIFY Email=l***@m***.example ExternalReferenceID=WXSAPCHECKABCD1234D ExternalOriginalReferenceID=WXSAPCHECKABCD1234D Custom_1=C***`,
  );
});

test("the report lists every step with its answer, the findings, the URL and the IDs to delete; nothing personal", () => {
  const recs = records([
    ["pop", "yes"],
    ["pop-unknown", "yes"],
    ["accept", "yes"],
    ["end-updateactivity", "no", "still open; customer +1 415 555 0132 / li.wei@mail.example"],
    ["end-direction", "yes"],
    ["repeat-notify", "other", "showed a list"],
    ["chat", "yes"],
    ["custom-Custom_1", "no"],
  ]);
  const answers = recs.map((r) => r.answer);
  const text = checkReport({ records: recs, outcome: outcome(answers, "json"), recommendedUrl: "https://c.example/index.html?sapOrigin=x&endForm=direction", run: RUN, at: new Date("2026-12-02T10:00:00Z") });
  expect(text).toContain("Run ABCD1234, 2026-12-02T10:00:00.000Z");
  expect(text).toContain("4. end-updateactivity (json)");
  expect(text).toContain("   sent: Type=CALL EventType=UPDATEACTIVITY Action=END ANI=+*********32");
  expect(text).toContain("   answer: no (note: still open; customer +*********32 / l***@m***.example)");
  expect(text).toContain("   answer: something else (note: showed a list)");
  expect(text).toContain("- END form: direction");
  expect(text).toContain("- repeated NOTIFY brings the customer back (followSelection): not proven");
  expect(text).toContain("- identification by Custom_1: does not work");
  expect(text).toContain("https://c.example/index.html?sapOrigin=x&endForm=direction");
  for (const leg of ["A", "B", "C", "D", "F1"]) expect(text).toContain(`- WXSAPCHECK${RUN}${leg}`);
  for (const secret of ["4155550132", "415 555 0132", "li.wei", "mail.example", "CUST-778899", "2025550199"]) expect(text).not.toContain(secret);
});

test("postedIds: once each, in the order posted", () => {
  expect(postedIds(records([["pop", "yes"], ["accept", "yes"], ["pop-unknown", "yes"]]))).toEqual([`WXSAPCHECK${RUN}A`, `WXSAPCHECK${RUN}B`]);
});
