/** @jest-environment node */
/**
 * Issue 15: the setup check as a person uses it in SAP's 360 px CTI pane: operable by keyboard
 * alone (each new step and the question take the focus), free of WCAG 2.1 A/AA violations
 * (axe-core) at the form, a step and the result in all four SAP themes, and in the admin's
 * language.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Frame, Page } from "playwright-core";
import { frameOf, type Stage, useStage } from "./browser-support";

jest.setTimeout(120_000);

let s: Stage;
useStage((x) => (s = x));

/** A page on SAP's origin whose whole 360×640 pane is the mashup in check mode (as SAP's Live Activity pane). */
async function openPane(params: Record<string, string>): Promise<{ page: Page; mashup: Frame }> {
  const c = s.sandbox.config;
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  const q = new URLSearchParams({ sapOrigin: c.sap, desktopUrl: `${c.desktops[0]}/`, check: "on", ...params });
  await page.goto(`${c.sap}/sandbox/config.json`);
  await page.setContent(`<!doctype html><html lang="en"><title>SAP CTI pane</title><style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style><iframe id="cti" title="Live Activity" src="${`${c.mashup}/sap-mashup/index.html?${q}`.replace(/&/g, "&amp;")}"></iframe>`);
  const mashup = await frameOf(page, c.mashup);
  await mashup.locator("wxcc-sap-check form").waitFor();
  return { page, mashup };
}

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include("#cti").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`));
}

/** What has the focus inside the check: its id or part. */
const focused = (mashup: Frame) =>
  mashup.evaluate(() => {
    const el = document.querySelector("wxcc-sap-check")!.shadowRoot!.activeElement;
    return el ? el.id || el.getAttribute("part") || el.tagName : null;
  });

test("keyboard only: test data, Start, Send and the answer, with the focus where the next action is", async () => {
  const { page, mashup } = await openPane({});
  const key = (k: string) => page.keyboard.press(k);
  await key("Tab");
  expect(await focused(mashup)).toBe("phone");
  await page.keyboard.type("+14155550132");
  await key("Tab");
  expect(await focused(mashup)).toBe("unknownPhone");
  await key("Tab");
  await key("Tab");
  expect(await focused(mashup)).toBe("start");
  const outline = await mashup.evaluate(() => getComputedStyle(document.querySelector("wxcc-sap-check")!.shadowRoot!.activeElement!).outlineStyle);
  expect(outline).toBe("solid");
  await key("Enter");
  await mashup.locator("wxcc-sap-check section[data-step=pop]").waitFor();
  expect(await focused(mashup)).toBe("step-heading");
  await key("Tab");
  expect(await focused(mashup)).toBe("send");
  await key("Enter");
  await mashup.locator("wxcc-sap-check section[data-stage=answer]").waitFor();
  expect(await focused(mashup)).toBe("question");
  await key("Tab");
  expect(await focused(mashup)).toBe("note");
  await page.keyboard.type("opened Maria at +14155550132");
  await key("Tab");
  expect(await focused(mashup)).toBe("answer-yes");
  await key("Enter");
  await mashup.locator("wxcc-sap-check section[data-step=pop-unknown]").waitFor();
  expect(await focused(mashup)).toBe("step-heading");
  await page.close();
});

test("a bad number is refused with a message naming it, tied to its field; nothing starts", async () => {
  const { page, mashup } = await openPane({});
  const check = mashup.locator("wxcc-sap-check");
  await check.locator("#phone").fill("0415 555 0132");
  await check.locator("button[part=start]").click();
  await check.locator("#phone-error").waitFor();
  expect(await check.locator("#phone-error").textContent()).toBe("“0415 555 0132” is not a phone number in international form: + and the country code, then the number, without spaces.");
  expect(await check.locator("#phone").getAttribute("aria-describedby")).toBe("phone-hint phone-error");
  expect(await focused(mashup)).toBe("phone");
  expect(await check.locator("section[data-step]").count()).toBe(0);
  await page.close();
});

test.each([
  ["sap_horizon", "en", "Setup check"],
  ["sap_horizon_dark", "fr", "Vérification de la configuration"],
  ["sap_horizon_hcb", "de", "Einrichtungsprüfung"],
  ["sap_horizon_hcw", "ja", "セットアップチェック"],
])("axe finds nothing in %s (%s) at the form, a step and the result", async (theme, language, title) => {
  const { page, mashup } = await openPane({ theme, language, channels: "whatsapp:WHATSAPP_1", cad: "CustId:Custom_2" });
  const check = mashup.locator("wxcc-sap-check");
  await check.locator("h1", { hasText: title }).waitFor();
  expect(await violations(page)).toEqual([]);
  await check.locator("#phone").fill("+14155550132");
  await check.locator("#email").fill("maria.lopez@sunrisefoods.example");
  await check.locator("#Custom_2").fill("1000121");
  await check.locator("button[part=start]").click();
  await check.locator("button[part=send]").click();
  await check.locator("section[data-stage=answer]").waitFor();
  expect(await violations(page)).toEqual([]);
  for (let guard = 0; guard < 20 && (await check.locator("section[data-step=result]").count()) === 0; guard++) {
    if (await check.locator("button[part=set-up]").count()) await check.locator("button[part=set-up]").click();
    if (await check.locator("button[part=send]").count()) await check.locator("button[part=send]").click();
    await check.locator("button[part=answer-yes]").click();
  }
  await check.locator("section[data-step=result]").waitFor();
  expect(await violations(page)).toEqual([]);
  await page.close();
});
