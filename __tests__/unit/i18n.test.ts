/**
 * Issue 11: the mashup's languages. Every catalog has every English message with the same
 * placeholders (and is a translation, not a copy); a language is picked from the URL, the Agent
 * Desktop or the browser, English last; placeholders may move; `<html lang>` follows.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { en, type MessageId } from "../../sap-mashup/i18n/en";
import { LANGUAGES, chooseLanguage, currentLanguage, english, matchLanguage, setLanguage, t, type Catalog, type Language } from "../../sap-mashup/i18n/localize";
import { parseLook } from "../../sap-mashup/look";
import { LEVELS } from "../../sap-mashup/notices";

const catalogs: Record<Exclude<Language, "en">, Catalog> = Object.fromEntries(
  LANGUAGES.filter((l) => l !== "en").map((l) => [l, (require(`../../sap-mashup/i18n/locales/${l}`) as { templates: Catalog }).templates]),
) as Record<Exclude<Language, "en">, Catalog>;

const placeholders = (text: string) => [...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort();
const ids = Object.keys(en) as MessageId[];

test("one catalog file per language besides English, and nothing else", () => {
  expect(readdirSync(join(__dirname, "../../sap-mashup/i18n/locales")).sort()).toEqual(LANGUAGES.filter((l) => l !== "en").map((l) => `${l}.ts`).sort());
});

test("English keeps its placeholders in order, {0} first", () => {
  for (const id of ids) {
    const ph = [...(en[id] as string).matchAll(/\{(\d)\}/g)].map((m) => Number(m[1]));
    expect([id, ph]).toEqual([id, ph.map((_, i) => i)]);
  }
});

describe.each(Object.keys(catalogs))("%s", (lang) => {
  const cat = catalogs[lang as Exclude<Language, "en">];
  test("has every message, and only those, with the same placeholders", () => {
    expect(Object.keys(cat).sort()).toEqual([...ids].sort());
    for (const id of ids) expect([id, placeholders(cat[id])]).toEqual([id, placeholders(en[id])]);
  });
  test("is a translation: no message left empty, and the sentences are not English", () => {
    for (const id of ids) expect([id, cat[id].trim().length > 0]).toEqual([id, true]);
    // Short words may be the same ("Chat", "Status"); the notices, which are sentences, never are.
    const same = ids.filter((id) => id.startsWith("n.") && cat[id] === en[id]);
    expect(same).toEqual([]);
  });
});

test("every notice kind has a level, and every notice message is a kind", () => {
  expect(Object.keys(LEVELS).sort()).toEqual(ids.filter((id) => id.startsWith("n.")).sort());
});

describe("choosing the language", () => {
  test.each([
    ["de", "de"],
    ["de-AT", "de"],
    ["DE_ch", "de"],
    ["D", "de"],
    ["E", "en"],
    ["fr-CA", "fr"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["zh", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["1", "zh-CN"],
    ["ja-JP", "ja"],
    ["nl-BE", "nl"],
    ["zh-TW", undefined],
    ["ru", undefined],
    ["", undefined],
  ])("%j → %s", (tag, lang) => {
    expect(matchLanguage(tag)).toBe(lang);
  });
  test("the URL's language, else the desktop's, else the browser's first we speak, else English", () => {
    expect(chooseLanguage("fr", "de-DE", ["ja"])).toBe("fr");
    expect(chooseLanguage(undefined, "de-DE", ["ja"])).toBe("de");
    expect(chooseLanguage(undefined, undefined, ["ru", "it-IT", "ja"])).toBe("it");
    expect(chooseLanguage(undefined, "xx", ["ru"])).toBe("en");
  });
  test("language / sap-language / theme parameters; an unknown value is an error naming the parameter and the value", () => {
    expect(parseLook("?language=de&theme=sap_horizon_dark")).toEqual({ look: { language: "de", theme: "sap_horizon_dark" }, errors: [] });
    expect(parseLook("?sap-language=J")).toEqual({ look: { language: "ja" }, errors: [] });
    expect(parseLook("?language=nl&sap-language=D")).toEqual({ look: { language: "nl" }, errors: [] });
    expect(parseLook("")).toEqual({ look: {}, errors: [] });
    expect(parseLook("?theme=sap_fiori_3&language=klingon")).toEqual({
      look: {},
      errors: [
        'theme: "sap_fiori_3" is not one of sap_horizon, sap_horizon_dark, sap_horizon_hcb, sap_horizon_hcw',
        'language: "klingon" is not a language the connector speaks (en, de, fr, es, it, pt-BR, nl, ja, zh-CN)',
      ],
    });
  });
});

describe("messages at run time", () => {
  const loader = async (l: string) => ({ templates: catalogs[l as Exclude<Language, "en">] });
  afterAll(() => setLanguage("en", document, loader));

  test("English by default, placeholders filled; the log's English stays English whatever the page speaks", async () => {
    expect(t("conv.from", "Call", "+*********32")).toBe("Call from +*********32");
    await setLanguage("de", document, loader);
    expect(currentLanguage()).toBe("de");
    expect(document.documentElement.lang).toBe("de");
    expect(t("conv.from", "Anruf", "+*********32")).toBe("Anruf von +*********32");
    expect(t("n.extension", "+*********00", "42")).toBe("+*********00 wird gewählt. Die Durchwahl 42 wurde nicht mitgewählt: Fragen Sie nach dem Verbinden danach oder geben Sie sie über die Tastatur ein.");
    expect(english("n.extension", "+*********00", "42")).toBe("Dialling +*********00. The extension 42 was not dialled: once connected, ask for it or key it in.");
  });

  test("a language may put the placeholders in another order", async () => {
    await setLanguage("ja", document, loader);
    expect(t("conv.from", "通話", "+*********32")).toBe("+*********32 からの通話");
    await setLanguage("zh-CN", document, loader);
    expect(t("conv.to", "通话", "+*********32")).toBe("发往 +*********32 的通话");
    expect(document.documentElement.lang).toBe("zh-CN");
  });
});
