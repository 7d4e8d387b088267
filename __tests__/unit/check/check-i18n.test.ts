/**
 * Issue 15: the setup check's messages. Every language has every English message with the same
 * placeholders, translated (not a copy); a catalog file per language and nothing else; the
 * check's words are not in the agents' catalog (so the pane does not grow); step titles and
 * findings come out of the catalog in the chosen language.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkEn, type CheckCatalog, type CheckMessageId } from "../../../sap-mashup/i18n/check/en";
import { en } from "../../../sap-mashup/i18n/en";
import { LANGUAGES, setLanguage, type Catalog, type Language } from "../../../sap-mashup/i18n/localize";
import { buildStep } from "../../../sap-mashup/check/check-steps";
import { ct, findings, stepTitle } from "../../../sap-mashup/check/check-text";

const others = LANGUAGES.filter((l) => l !== "en") as Exclude<Language, "en">[];
const catalogs = Object.fromEntries(others.map((l) => [l, (require(`../../../sap-mashup/i18n/check/${l}`) as { templates: CheckCatalog }).templates])) as Record<Exclude<Language, "en">, CheckCatalog>;
const ids = Object.keys(checkEn) as CheckMessageId[];
const placeholders = (text: string) => [...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort();

test("one check catalog per language besides English, and English itself", () => {
  expect(readdirSync(join(__dirname, "../../../sap-mashup/i18n/check")).sort()).toEqual(["en.ts", ...others.map((l) => `${l}.ts`)].sort());
});

test("the check's messages are its own: none is in the pane's catalog", () => {
  expect(Object.keys(en).filter((id) => id.startsWith("check."))).toEqual([]);
  expect(ids.every((id) => id.startsWith("check."))).toBe(true);
});

describe.each(others)("%s", (lang) => {
  const cat = catalogs[lang];
  test("has every message, and only those, with the same placeholders", () => {
    expect(Object.keys(cat).sort()).toEqual([...ids].sort());
    for (const id of ids) expect([id, placeholders(cat[id])]).toEqual([id, placeholders(checkEn[id])]);
  });
  test("is a translation: no sentence left in English", () => {
    const sentences = ids.filter((id) => checkEn[id].split(" ").length > 4);
    expect(sentences.filter((id) => cat[id] === checkEn[id])).toEqual([]);
    for (const id of ids) expect([id, cat[id].trim().length > 0]).toEqual([id, true]);
  });
});

test("titles and findings in the admin's language, from the check catalog", async () => {
  const load = async (l: Exclude<Language, "en">) => ({ templates: { ...catalogs[l] } as unknown as Catalog });
  const step = buildStep("end-direction", { phone: "+14155550132", unknownPhone: "+12025550199", custom: {} }, "RUN1", "updateactivity", "json");
  await setLanguage("de", undefined, load);
  expect(stepTitle(step, undefined)).toBe("Das Ende des Anrufs schließt die Aktivität ab (EventType INBOUND)");
  expect(ct("check.safety", "WXSAPCHECK")).toContain("mit WXSAPCHECK beginnt");
  expect(findings({ format: "xml", endForm: "direction", followSelection: false, chat: undefined, message: true, custom: { Custom_2: false } }, true)).toEqual([
    ["Payload-Format", "XML"],
    ["Form des END", "direction"],
    ["Wiederholte Benachrichtigung holt den Kunden zurück (followSelection)", "funktioniert nicht"],
    ["Messaging-Kanal", "funktioniert"],
    ["Identifizierung über Custom_2", "funktioniert nicht"],
  ]);
  await setLanguage("en", undefined, load);
  expect(stepTitle(step, undefined)).toBe("Ending the call closes the activity (EventType INBOUND)");
});
