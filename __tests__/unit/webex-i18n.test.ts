/**
 * Issue 13: the "Webex in SAP" pane's messages. Every language has every English message with the
 * same placeholders, translated (not a copy); one catalog file per language; none of them is in
 * the agents' page catalog (so the other topologies' page does not grow).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { en } from "../../sap-mashup/i18n/en";
import { LANGUAGES, setLanguage, type Catalog, type Language } from "../../sap-mashup/i18n/localize";
import { webexEn, type WebexCatalog, type WebexMessageId } from "../../sap-mashup/i18n/webex/en";
import { notice } from "../../sap-mashup/notices";
import { STATION_LOGGED_OUT } from "../../sap-mashup/webex-in-sap/cc-desktop-port";
import { IN_THIS_PANE, webexNoticeText, wt } from "../../sap-mashup/webex-in-sap/webex-text";

const others = LANGUAGES.filter((l) => l !== "en") as Exclude<Language, "en">[];
const catalogs = Object.fromEntries(others.map((l) => [l, (require(`../../sap-mashup/i18n/webex/${l}`) as { templates: WebexCatalog }).templates])) as Record<Exclude<Language, "en">, WebexCatalog>;
const ids = Object.keys(webexEn) as WebexMessageId[];
const placeholders = (text: string) => [...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort();

test("one catalog per language besides English, and English itself", () => {
  expect(readdirSync(join(__dirname, "../../sap-mashup/i18n/webex")).sort()).toEqual(["en.ts", ...others.map((l) => `${l}.ts`)].sort());
});

test("the topology's messages are its own: none is in the pane's catalog", () => {
  expect(Object.keys(en).filter((id) => id.startsWith("wx."))).toEqual([]);
  expect(ids.every((id) => id.startsWith("wx."))).toBe(true);
});

describe.each(others)("%s", (lang) => {
  const cat = catalogs[lang];
  test("has every message, and only those, with the same placeholders", () => {
    expect(Object.keys(cat).sort()).toEqual([...ids].sort());
    for (const id of ids) expect([id, placeholders(cat[id])]).toEqual([id, placeholders(webexEn[id])]);
  });
  test("is a translation: no sentence left in English, none empty", () => {
    const sentences = ids.filter((id) => webexEn[id].split(" ").length > 3);
    expect(sentences.filter((id) => cat[id] === webexEn[id])).toEqual([]);
    for (const id of ids) expect([id, cat[id].trim().length > 0]).toEqual([id, true]);
  });
});

test("messages in the agent's language, placeholders filled", async () => {
  const load = async (l: Exclude<Language, "en">) => ({ templates: { ...catalogs[l] } as unknown as Catalog });
  await setLanguage("de", undefined, load);
  expect(wt("wx.signIn")).toBe("Mit Webex anmelden");
  expect(wt("wx.loggedOut", "Mittagspause")).toBe("Von der Station abgemeldet: Mittagspause");
  await setLanguage("en", undefined, load);
  expect(wt("wx.loggedOut", "Lunch")).toBe("Logged out of the station: Lunch");
});

test("every core notice that sends the agent to the Agent Desktop is worded for this pane, or cannot arise here", () => {
  const toDesktop = Object.keys(en).filter((id) => id.startsWith("n.") && en[id as keyof typeof en].includes("Agent Desktop"));
  // The connector runs in this page and opens no window: its link cannot be lost, no desktop window can be blocked.
  const cannotArise = ["n.linkLost", "n.linkLostAlongside", "n.popupBlocked"];
  expect(toDesktop.sort()).toEqual([...Object.keys(IN_THIS_PANE), ...cannotArise].sort());
  for (const [id, own] of Object.entries(IN_THIS_PANE)) {
    expect([own, webexEn[own!].includes("Agent Desktop")]).toEqual([own, false]);
    expect([own, placeholders(webexEn[own!])]).toEqual([own, placeholders(en[id as keyof typeof en])]);
  }
});

test("the pane says the core's notices in its own words where it has them, else in the pane catalog's", async () => {
  const load = async (l: Exclude<Language, "en">) => ({ templates: { ...catalogs[l] } as unknown as Catalog });
  await setLanguage("en", undefined, load);
  expect(webexNoticeText(notice("n.dialNotPlaced", ["+1650***4000"], { cause: "dial" }))).toBe("The call to +1650***4000 was not placed: Webex refused it. Try again, or dial it from this pane.");
  // The dial the port refused because the agent is logged out of the station: what to do is known.
  expect(webexNoticeText(notice("n.dialNotPlaced", ["+1650***4000"], { cause: "dial", detail: STATION_LOGGED_OUT }))).toBe("The call to +1650***4000 was not placed: you are logged out of the station. Log in to the station in this pane, then click the number again.");
  expect(webexNoticeText(notice("n.signOutRefused", [], { cause: "sign-out" }))).toBe("You were not logged out: Webex refused it. Try again.");
  expect(webexNoticeText(notice("n.notANumber", ["c***"], { cause: "dial" }))).toBe("“c***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again.");
  await setLanguage("de", undefined, load);
  expect(webexNoticeText(notice("n.noSapType"))).toBe("Dieses Gespräch erscheint nicht in SAP: SAP kennt keinen Typ für diese Art von Gespräch. Bearbeiten Sie es in diesem Bereich.");
  await setLanguage("en", undefined, load);
});
