/** @jest-environment node */
/**
 * Issue 11: the pane in each of its languages. With `language=<lang>` no English text remains in
 * the mashup — every visible string, label and option is compared with the English catalog —
 * `<html lang>` is set, and the screen reader hears of a new conversation in that language.
 */
import type { Frame } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { en, type MessageId } from "../../sap-mashup/i18n/en";
import { LANGUAGES, type Catalog, type Language } from "../../sap-mashup/i18n/localize";
import { act, sim, waitTask, type Stage, useStage } from "./browser-support";
import { openPane, panelText, raiseFiveNotices } from "./pane-support";

jest.setTimeout(120_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
// The configuration-error state is checked too, and it logs its reason to the console on purpose.
useStage((x) => (s = x), { consoleErrors: "allowed" });

const catalogOf = (lang: Language): Record<MessageId, string> =>
  lang === "en" ? en : ((require(`../../sap-mashup/i18n/locales/${lang}`) as { templates: Catalog }).templates as Record<MessageId, string>);
const fill = (text: string, ...args: string[]) => text.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? "");
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\d\}/g, ".*?")}$`);

/** Every string the mashup shows or gives assistive technology: own text of each element, labels, titles, options. */
function visibleStrings(mashup: Frame): Promise<string[]> {
  return mashup.evaluate(() => {
    const out: string[] = [];
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll("*")) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").replace(/\s+/g, " ").trim();
        if (own) out.push(own);
        for (const a of ["aria-label", "title"]) {
          const v = el.getAttribute(a);
          if (v) out.push(v.trim());
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out.filter((t) => t !== "×" && t !== "·");
  });
}

/** The strings that are an English message where this language has its own. */
function englishIn(strings: string[], cat: Record<MessageId, string>): string[] {
  const english: string[] = [];
  for (const text of strings) {
    for (const mid of Object.keys(en) as MessageId[]) {
      if (cat[mid] === en[mid]) continue; // the same word in both ("Chat", "Status")
      if (pattern(en[mid]).test(text) && !pattern(cat[mid]).test(text)) english.push(`${mid}: ${text}`);
    }
  }
  return english;
}

describe.each(LANGUAGES.filter((l) => l !== "en"))("%s", (lang) => {
  test("a configuration error, too, is in the language: the setting and its value", async () => {
    const cat = catalogOf(lang);
    const q = new URLSearchParams({ desktopUrl: `${s.sandbox.config.desktops[0]}/`, format: "yaml", language: lang });
    const pane = await openPane(s, { width: 360, height: 640, query: q.toString() });
    try {
      await panelText(pane.mashup, (t) => t.includes(cat["status.configError"]), "the configuration error");
      const strings = await visibleStrings(pane.mashup);
      expect(strings).toEqual(expect.arrayContaining([fill(cat["config.missing"], "sapOrigin"), fill(cat["config.invalid"], "format", "yaml"), cat["config.details"]]));
      expect(englishIn(strings, cat)).toEqual([]);
      expect(await pane.mashup.evaluate(() => document.documentElement.lang)).toBe(lang);
    } finally {
      await pane.close();
    }
  });

  test("no English left in the pane, <html lang> set, the new conversation announced in it", async () => {
    const cat = catalogOf(lang);
    const pane = await openPane(s, { width: 420, height: 900, language: lang });
    let id: string | undefined;
    try {
      expect(await pane.mashup.evaluate(() => document.documentElement.lang)).toBe(lang);
      await panelText(pane.mashup, (t) => t.includes(cat["status.linked"]), "the link, in the language");
      id = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
      const announced = fill(cat["live.newConversation"], fill(cat["conv.from"], cat["media.telephony"], "+*********32"));
      await panelText(pane.mashup, (t) => t.includes(announced), "the announcement");
      expect(await pane.mashup.evaluate(() => document.querySelector("wxcc-sap-panel")!.shadowRoot!.querySelector('[part="live"]')!.textContent)).toBe(announced);
      await raiseFiveNotices(pane, s);
      await pane.mashup.locator('wxcc-sap-panel [part="conversations"] summary').click();
      await pane.mashup.locator('wxcc-sap-panel [part="sign-out-toggle"]').click();

      const strings = await visibleStrings(pane.mashup);
      // Sanity: the pane did render its parts in this language.
      expect(strings).toEqual(expect.arrayContaining([cat["signOut.button"], cat["signOut.reason"], fill(cat["notices.more"], "3")]));
      expect(englishIn(strings, cat)).toEqual([]);
    } finally {
      if (id) {
        await act(pane.desktop!, "accept", id).catch(() => undefined);
        await waitTask(pane.desktop!, id, "AgentContactAssigned").catch(() => undefined);
        await act(pane.desktop!, "end", id);
        await waitTask(pane.desktop!, id, "AgentWrapup");
        await act(pane.desktop!, "wrapup", id);
        await waitTask(pane.desktop!, id, null);
      }
      await pane.close();
    }
  });
});
