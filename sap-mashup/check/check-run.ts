/**
 * The setup check's course: which step comes next given the admin's answers so far, and what the
 * answers prove. Pure: the page asks, shows and posts; this only decides.
 */
import type { CustomField } from "../sap-payload";
import { END_FORMS, type CheckInputs, type EndForm, type StepId } from "./check-steps";

/** "yes, as described" / "no" / "something else" (with a note). */
export type Answer = "yes" | "no" | "other";

export interface StepAnswer {
  id: StepId;
  answer: Answer;
  /** Free text from the admin; may hold personal data, so it is masked wherever it is shown again. */
  note: string;
}

/** What the check found. `undefined`: not proven either way (the step was skipped or answered "something else"). */
export interface CheckOutcome {
  /** The payload format SAP took for a screen pop. */
  format: "json" | "xml" | undefined;
  /** The END form that closed the activity. */
  endForm: EndForm | undefined;
  /** Whether a repeated NOTIFY brings SAP back to the customer (the mashup's `followSelection`). */
  followSelection: boolean | undefined;
  chat: boolean | undefined;
  message: boolean | undefined;
  custom: Partial<Record<CustomField, boolean>>;
}

const said = (answers: readonly StepAnswer[], id: StepId): Answer | undefined => answers.find((a) => a.id === id)?.answer;
const proven = (a: Answer | undefined): boolean | undefined => (a === "yes" ? true : a === "no" ? false : undefined);

/** The format the steps after the first pop use: XML only once JSON failed and XML worked. */
export function formatInUse(answers: readonly StepAnswer[], configured: "json" | "xml"): "json" | "xml" {
  return said(answers, "pop") !== "yes" && said(answers, "pop-xml") === "yes" ? "xml" : configured;
}

/** The END form the later steps close their legs with: the one proven, else the connector's default. */
export function endFormInUse(answers: readonly StepAnswer[]): EndForm {
  return END_FORMS.find((f) => said(answers, `end-${f}`) === "yes") ?? END_FORMS[0]!;
}

/** Custom fields the check can try: mapped in the mashup's `cad` and given a test value. */
export function customSteps(inputs: CheckInputs): StepId[] {
  return (Object.keys(inputs.custom) as CustomField[]).filter((f) => inputs.custom[f]).sort().map((f): StepId => `custom-${f}`);
}

/** The step to take next, or undefined when the check is complete. */
export function nextStep(inputs: CheckInputs, configured: "json" | "xml", answers: readonly StepAnswer[]): StepId | undefined {
  const open = (id: StepId) => said(answers, id) === undefined;
  if (open("pop")) return "pop";
  // "JSON, and XML if JSON did not work": only a JSON-configured mashup tries the other format.
  if (said(answers, "pop") !== "yes" && configured === "json" && open("pop-xml")) return "pop-xml";
  if (open("pop-unknown")) return "pop-unknown";
  if (open("accept")) return "accept";
  // Closing is only observable for an activity that was created.
  if (said(answers, "accept") === "yes") {
    for (const form of END_FORMS) {
      const id: StepId = `end-${form}`;
      if (open(id)) return id;
      if (said(answers, id) === "yes") break;
    }
  }
  const rest: StepId[] = ["repeat-notify"];
  if (inputs.email) rest.push("chat");
  if (inputs.channelId) rest.push("message");
  rest.push(...customSteps(inputs));
  return rest.find(open);
}

export function outcome(answers: readonly StepAnswer[], configured: "json" | "xml"): CheckOutcome {
  const pop = said(answers, "pop");
  const xml = said(answers, "pop-xml");
  const format = pop === "yes" ? configured : xml === "yes" ? "xml" : undefined;
  const endForm = END_FORMS.find((f) => said(answers, `end-${f}`) === "yes");
  const custom: Partial<Record<CustomField, boolean>> = {};
  for (const a of answers) {
    if (!a.id.startsWith("custom-")) continue;
    const p = proven(a.answer);
    if (p !== undefined) custom[a.id.slice("custom-".length) as CustomField] = p;
  }
  return { format, endForm, followSelection: proven(said(answers, "repeat-notify")), chat: proven(said(answers, "chat")), message: proven(said(answers, "message")), custom };
}

/** Parameters only the check page reads: dropped from the URL it recommends. */
export const CHECK_ONLY_PARAMS = ["check"] as const;

/**
 * The mashup URL with the settings that worked: the check page's own URL (the admin's real
 * configuration) without the check parameter, with the proven format, END form and
 * follow-selection, and without the channel or `Custom_n` mappings SAP did not act on. What was not
 * proven either way is left as configured; a default is written by leaving its parameter out.
 */
export function recommendedUrl(checkUrl: string, o: CheckOutcome, channelWebex: string | undefined): string {
  const url = new URL(checkUrl);
  const q = url.searchParams;
  for (const p of CHECK_ONLY_PARAMS) q.delete(p);
  if (o.format === "xml") q.set("format", "xml");
  else if (o.format === "json") q.delete("format");
  if (o.endForm && o.endForm !== END_FORMS[0]) q.set("endForm", o.endForm);
  else if (o.endForm) q.delete("endForm");
  if (o.followSelection === false) q.set("followSelection", "off");
  else if (o.followSelection === true) q.delete("followSelection");
  if (o.message === false && channelWebex) setList(q, "channels", (pair) => pairKey(pair) !== channelWebex.toLowerCase());
  const failed = (Object.keys(o.custom) as CustomField[]).filter((f) => o.custom[f] === false);
  if (failed.length > 0) setList(q, "cad", (pair) => !failed.some((f) => pairValue(pair).toLowerCase() === f.toLowerCase()));
  return url.href;
}

const pairKey = (pair: string) => pair.slice(0, Math.max(0, pair.indexOf(":"))).trim().toLowerCase();
const pairValue = (pair: string) => pair.slice(pair.indexOf(":") + 1).trim();

/** Keeps the comma-separated entries of `name` that `keep` accepts; removes the parameter when none is left. */
function setList(q: URLSearchParams, name: string, keep: (pair: string) => boolean): void {
  const kept = (q.get(name) ?? "").split(",").map((p) => p.trim()).filter((p) => p && keep(p));
  if (kept.length > 0) q.set(name, kept.join(","));
  else q.delete(name);
}
