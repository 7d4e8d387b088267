/**
 * The setup check's words: its messages in the admin's language (../i18n/check/), and the titles
 * and findings built from them. The check page is its own bundle with its own @lit/localize, so
 * its catalogs are fetched together with the pane's (both by URL, beside the page's scripts).
 */
import { localized, setLanguage, withOwnCatalog, type Language } from "../i18n/localize";
import { checkEn, type CheckMessageId } from "../i18n/check/en";
import type { CheckOutcome } from "./check-run";
import type { CheckStep } from "./check-steps";

/** A check message in the current language, its placeholders `{0}`, `{1}` … filled with `args`. */
export function ct(id: CheckMessageId, ...args: readonly string[]): string {
  return localized(id, checkEn[id], args);
}

/** Switches the check page's language (its own localization, see above). */
export function setCheckLanguage(lang: Language, doc: Document): Promise<void> {
  return setLanguage(lang, doc, withOwnCatalog("check-"));
}

/** The step's title, e.g. "Ending the call closes the activity (UPDATEACTIVITY)". */
export function stepTitle(step: CheckStep, channel: string | undefined): string {
  switch (step.id) {
    case "pop":
      return ct("check.step.pop");
    case "pop-xml":
      return ct("check.step.popXml");
    case "pop-unknown":
      return ct("check.step.popUnknown");
    case "accept":
      return ct("check.step.accept");
    case "end-updateactivity":
      return ct("check.step.end", "EventType UPDATEACTIVITY");
    case "end-direction":
      return ct("check.step.end", "EventType INBOUND");
    case "repeat-notify":
      return ct("check.step.repeatNotify");
    case "chat":
      return ct("check.step.chat");
    case "message":
      return ct("check.step.message", channel ?? "");
    default:
      return ct("check.step.custom", step.id.slice("custom-".length));
  }
}

export function expectation(step: CheckStep): string {
  return ct(`check.expect.${step.expect}`);
}

const verdict = (v: boolean | undefined) => ct(v === undefined ? "check.value.unproven" : v ? "check.value.works" : "check.value.fails");

/** What the check found, as label and value rows (the report says the same in English). */
export function findings(o: CheckOutcome, hasChannel: boolean): [string, string][] {
  const rows: [string, string][] = [
    [ct("check.found.format"), o.format ? o.format.toUpperCase() : ct("check.value.unproven")],
    [ct("check.found.endForm"), o.endForm ?? ct("check.value.unproven")],
    [ct("check.found.follow"), verdict(o.followSelection)],
  ];
  if (o.chat !== undefined) rows.push([ct("check.found.chat"), verdict(o.chat)]);
  if (hasChannel) rows.push([ct("check.found.message"), verdict(o.message)]);
  for (const [field, ok] of Object.entries(o.custom)) rows.push([ct("check.found.custom", field), verdict(ok)]);
  return rows;
}
