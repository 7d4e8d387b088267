/**
 * The mashup's languages: which one to use, loading its catalog (one lazily fetched module per
 * language, @lit/localize runtime mode), and looking a message up. English is the source and the
 * fallback; it is always in the page, every other language is fetched only when chosen.
 */
import { configureLocalization, msg, type LocaleModule, type StrResult } from "@lit/localize";
import { en, type MessageId } from "./en";

/** The languages the mashup speaks (BCP 47), English first. */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "pt-BR", "nl", "ja", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A translated catalog: every message of the English one, under the same id, with the same placeholders. */
export type Catalog = Record<MessageId, string>;

/** The placeholders of a message, `{0}` … `{9}`. */
const PLACEHOLDER = /\{(\d)\}/g;
const HAS_PLACEHOLDER = /\{\d\}/;

/**
 * A catalog message as @lit/localize's `str` template: the text between placeholders, and the
 * placeholders' numbers in the order this language puts them (`values`). With `args`, a source
 * template: `values` are then the arguments by number (English keeps its placeholders in order,
 * a test holds it to that, so this is also the order they appear in).
 */
export function template(text: string, args?: readonly string[]): StrResult {
  const strings = text.split(/\{\d\}/);
  const order = [...text.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
  const raw = Object.assign([...strings], { raw: strings });
  return { strTag: true, strings: raw as unknown as TemplateStringsArray, values: args ? [...args] : order };
}

/** A fetched catalog as @lit/localize's locale module: messages with placeholders become templates. */
function localeModule(catalog: Catalog): LocaleModule {
  const templates: Record<string, string | StrResult> = {};
  for (const [id, text] of Object.entries(catalog)) templates[id] = HAS_PLACEHOLDER.test(text) ? template(text) : text;
  return { templates };
}

/**
 * The language a tag asks for, or undefined when none of ours fits. Matches on the primary
 * subtag, case-insensitively ("de-AT" → de, "pt" → pt-BR, "zh-Hans-CN" → zh-CN), and knows SAP's
 * own one- and two-letter codes ("D", "E", "ZH", "1" for Chinese in `sap-language`).
 */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace(/_/g, "-").toLowerCase();
  const sap: Record<string, Language> = { d: "de", e: "en", f: "fr", s: "es", i: "it", p: "pt-BR", n: "nl", j: "ja", "1": "zh-CN" };
  if (sap[t]) return sap[t];
  const primary = t.split("-")[0];
  if (primary === "zh") return /-(tw|hk|mo|hant)\b/.test(t) ? undefined : "zh-CN";
  if (primary === "pt") return "pt-BR";
  return LANGUAGES.find((l) => l.toLowerCase() === primary);
}

/** The browser's languages, most preferred first; none where they cannot be read. */
export function browserLanguages(win: Pick<Window, "navigator">): readonly string[] {
  try {
    return win.navigator.languages ?? [win.navigator.language];
  } catch {
    return [];
  }
}

/**
 * The language to speak: the `language` URL parameter (or SAP's `sap-language`), else the Agent
 * Desktop's when the widget told it, else the browser's first that we speak; English otherwise.
 * An unknown `language` value is a configuration error (config.ts), not a silent fallback.
 */
export function chooseLanguage(param: string | undefined, desktop: string | undefined, browser: readonly string[]): Language {
  return matchLanguage(param) ?? matchLanguage(desktop) ?? browser.map(matchLanguage).find((l) => l !== undefined) ?? "en";
}

/** Fetches a language's catalog (./locales/<lang>.ts as built). */
export type CatalogLoader = (lang: Exclude<Language, "en">) => Promise<{ templates: Catalog }>;

/**
 * The built page's loader: each language is a file of its own beside mashup.js (lang-de.js, …,
 * mashup.build.ts), named here by URL so that the page's bundle does not take it in.
 */
export const loadBuiltCatalog: CatalogLoader = (lang) => {
  const url = `./lang-${lang}.js`; // a variable, so the bundler leaves the import to the browser
  return import(url) as Promise<{ templates: Catalog }>;
};

/**
 * The loader of a bundle with a catalog of its own, `<prefix>lang-<tag>.js` beside the page's
 * (check-lang-de.js, webex-lang-de.js, …): the pane's catalog and its own, fetched together as one.
 */
export function withOwnCatalog(prefix: string): CatalogLoader {
  return async (lang) => {
    const own = `./${prefix}lang-${lang}.js`; // a variable, so the bundler leaves the import to the browser
    const [pane, mine] = await Promise.all([loadBuiltCatalog(lang), import(own) as Promise<{ templates: Record<string, string> }>]);
    return { templates: { ...pane.templates, ...mine.templates } as Catalog };
  };
}

let runtime: ReturnType<typeof configureLocalization> | undefined;

/**
 * Switches the mashup's language (fetching its catalog the first time) and sets `<html lang>`.
 * The loader is fixed by the first call (@lit/localize is configured once per page).
 */
export async function setLanguage(lang: Language, doc?: Document, load: CatalogLoader = loadBuiltCatalog): Promise<void> {
  runtime ??= configureLocalization({
    sourceLocale: "en",
    targetLocales: LANGUAGES.filter((l) => l !== "en"),
    loadLocale: (l) => load(l as Exclude<Language, "en">).then((m) => localeModule(m.templates)),
  });
  await runtime.setLocale(lang);
  if (doc) doc.documentElement.lang = lang;
}

/** The language now in use. */
export function currentLanguage(): Language {
  return (runtime?.getLocale() as Language | undefined) ?? "en";
}

/**
 * Message `id` in the current language, from its English `source`, its placeholders `{0}`, `{1}` …
 * filled with `args`: `t` below, and the bundles with catalogs of their own (the setup check, the
 * Webex in SAP pane).
 */
export function localized(id: string, source: string, args: readonly string[]): string {
  // Strings and `str` templates in, always a string out (only lit `html` templates give templates back).
  return msg(HAS_PLACEHOLDER.test(source) ? template(source, args) : source, { id }) as string;
}

/** A message in the current language, its placeholders `{0}`, `{1}` … filled with `args`. */
export function t(id: MessageId, ...args: readonly string[]): string {
  return localized(id, en[id], args);
}

/** A message in English, whatever the page's language: for the connector's log, which support reads. */
export function english(id: MessageId, ...args: readonly string[]): string {
  return (en[id] as string).replace(PLACEHOLDER, (_, i: string) => args[Number(i)] ?? "");
}
