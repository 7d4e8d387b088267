/**
 * The setup check's report: what the admin copies or downloads at the end and may hand to support.
 * Plain text, in the terms SAP and this connector's documentation use (field names, step names), so
 * it reads the same whoever receives it. No personal data: numbers and addresses are masked as in
 * the log, and so is anything in the admin's notes that looks like one. Pure.
 */
import { maskText, maskValue } from "../../channel/mask";
import type { SapPayload } from "../sap-payload";
import type { CheckOutcome, StepAnswer } from "./check-run";
import { CHECK_ID_PREFIX, type CheckStep } from "./check-steps";

export interface CheckRecord {
  step: CheckStep;
  answer: StepAnswer;
}

const ANSWER_TEXT: Record<StepAnswer["answer"], string> = { yes: "yes, as described", no: "no", other: "something else" };
const PERSONAL: readonly string[] = ["ANI", "Email", "Custom_1", "Custom_2", "Custom_3", "Custom_4"];

/** One payload on one line, personal values masked. */
export function describePayload(p: SapPayload): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${PERSONAL.includes(k) ? maskValue(v) : v}`)
    .join(" ");
}

/** Every ExternalReferenceID the check posted, in order, once each: the activities to delete in SAP. */
export function postedIds(records: readonly CheckRecord[]): string[] {
  const ids = records.flatMap((r) => [...r.step.setup, ...r.step.send, ...r.step.after]).map((p) => p.ExternalReferenceID ?? "");
  return [...new Set(ids.filter((id) => id.startsWith(CHECK_ID_PREFIX)))];
}

const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? "not proven" : v ? yes : no);

export function checkReport(o: {
  records: readonly CheckRecord[];
  outcome: CheckOutcome;
  recommendedUrl: string;
  run: string;
  at: Date;
}): string {
  const lines = [
    "Webex Contact Center for SAP: setup check",
    `Run ${o.run}, ${o.at.toISOString()}`,
    "",
    "Steps:",
  ];
  o.records.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.step.id} (${r.step.format}): SAP should show "${r.step.expect}"`);
    for (const p of [...r.step.setup, ...r.step.send]) lines.push(`   sent: ${describePayload(p)}`);
    for (const p of r.step.after) lines.push(`   then: ${describePayload(p)}`);
    lines.push(`   answer: ${ANSWER_TEXT[r.answer.answer]}${r.answer.note.trim() ? ` (note: ${maskText(r.answer.note.trim())})` : ""}`);
  });
  const c = o.outcome;
  lines.push(
    "",
    "Found:",
    `- format: ${c.format ?? "not proven"}`,
    `- END form: ${c.endForm ?? "not proven"}`,
    `- repeated NOTIFY brings the customer back (followSelection): ${yesNo(c.followSelection, "yes (on)", "no (off)")}`,
    `- chat by e-mail: ${yesNo(c.chat, "works", "does not work")}`,
    `- messaging channel: ${yesNo(c.message, "works", "does not work")}`,
  );
  for (const [field, ok] of Object.entries(c.custom)) lines.push(`- identification by ${field}: ${ok ? "works" : "does not work"}`);
  lines.push(
    "",
    "Recommended mashup URL:",
    o.recommendedUrl,
    "",
    `Activities the check created (ExternalReferenceID starting with ${CHECK_ID_PREFIX}; delete them in SAP):`,
    ...postedIds(o.records).map((id) => `- ${id}`),
  );
  return lines.join("\n");
}
