/**
 * The "Webex in SAP" pane's words in the agent's language: its own catalog (../i18n/webex/), fetched
 * together with the pane's (sign-out reasons are translated there), both by URL beside the scripts.
 * This bundle has its own @lit/localize, like the setup check's page.
 */
import { msg } from "@lit/localize";
import { setLanguage, template, type Catalog, type Language } from "../i18n/localize";
import { webexEn, type WebexCatalog, type WebexMessageId } from "../i18n/webex/en";

const HAS_PLACEHOLDER = /\{\d\}/;

/** A message of this topology in the current language, its placeholders filled with `args`. */
export function wt(id: WebexMessageId, ...args: readonly string[]): string {
  const source: string = webexEn[id];
  return msg(HAS_PLACEHOLDER.test(source) ? template(source, args) : source, { id }) as string;
}

async function loadBoth(lang: Exclude<Language, "en">): Promise<{ templates: Catalog }> {
  const pane = `./lang-${lang}.js`; // variables, so the bundler leaves the imports to the browser
  const own = `./webex-lang-${lang}.js`;
  const [a, b] = (await Promise.all([import(pane), import(own)])) as [{ templates: Catalog }, { templates: WebexCatalog }];
  return { templates: { ...a.templates, ...b.templates } as Catalog };
}

/** Switches this pane's language (its own localization, see above). */
export function setWebexLanguage(lang: Language, doc: Document): Promise<void> {
  return setLanguage(lang, doc, loadBoth);
}
