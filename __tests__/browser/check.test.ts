/** @jest-environment node */
/**
 * Issue 15: the whole setup check against the SAP stand-in, in each way a tenant may behave
 * (sandbox/sap-host/tenant-variant.ts), acting as the admin: type the test data, press Send, look
 * at what SAP did, answer. Each run must end with the right recommended URL, post exactly its
 * steps' payloads (every ExternalReferenceID with the check's prefix, each valid for SAP), and
 * nothing at all before the admin presses a button or without a configured sapOrigin. The
 * screenshots in docs/screenshots/check-*.png are taken here, in SAP's 360 px pane.
 */
import { join } from "node:path";
import { frameOf, sapState, sleep, SCREENSHOTS, type Stage, useStage } from "./browser-support";
import { judge, openCheck, phases, settledPayloads, shown, stageOf, stepOf, type CheckRun } from "./check-support";

jest.setTimeout(120_000);

let s: Stage;
useStage((x) => (s = x));

const MARIA = { id: "1000121", phone: "+14155550132", email: "maria.lopez@sunrisefoods.example" };
const UNKNOWN = "+12025550199";

interface Outcome {
  steps: string[];
  answers: string[];
  /** `format Type EventType Action leg` per payload SAP received, the leg being the ID after the run. */
  payloads: string[];
  url: string;
  report: string;
  ids: string[];
}

/** Runs the check to the end as the admin; `shots` names screenshots to take on the way. */
async function runCheck(r: CheckRun, form: Record<string, string>, shots = false): Promise<Outcome> {
  const shot = (name: string) => (shots ? r.page.locator("#cti").screenshot({ path: join(SCREENSHOTS, `check-${name}.png`) }) : Promise.resolve(undefined));
  expect((await sapState(r.page)).payloads).toEqual([]);
  for (const [field, value] of Object.entries(form)) await r.check.locator(`#${field}`).fill(value);
  await shot("start");
  await r.check.locator("button[part=start]").click();
  await r.check.locator("section[data-step]").waitFor();
  await sleep(300);
  expect((await sapState(r.page)).payloads).toEqual([]); // started, nothing sent before Send

  const steps: string[] = [];
  const answers: string[] = [];
  let total = 0;
  for (let guard = 0; guard < 20; guard++) {
    const step = (await stepOf(r))!;
    if (step === "result") break;
    const [setup, send, after] = phases(step);
    if ((await stageOf(r)) === "setup") {
      await r.check.locator("button[part=set-up]").click();
      await settledPayloads(r.page, (total += setup));
      if (shots) await r.check.locator("button[part=send]").scrollIntoViewIfNeeded();
      await shot("repeat");
      // The admin navigates away from the customer in SAP before the repeated NOTIFY.
      await r.page.click("#nav button[data-view=activities]");
    }
    await r.check.locator("button[part=send]").click();
    const st = await settledPayloads(r.page, (total += send));
    const answer = judge(step, MARIA, await shown(r.page), st);
    if (step === "accept") await shot("step");
    steps.push(step);
    answers.push(answer);
    await r.check.locator(`button[part=answer-${answer}]`).click();
    await settledPayloads(r.page, (total += after));
  }
  const st = await sapState(r.page);
  expect(st.payloads.flatMap((p) => p.violations)).toEqual([]);
  const ids = await r.check.locator("ul[part=ids] li").allTextContents();
  await shot("result");
  return {
    steps,
    answers,
    payloads: st.payloads.map((p) => `${p.format} ${p.fields.Type} ${p.fields.EventType} ${p.fields.Action} ${(p.fields.ExternalReferenceID ?? "").replace(/^WXSAPCHECK[A-Z0-9]{8}/, "")}`),
    url: await r.check.locator("textarea[part=url]").inputValue(),
    report: await r.check.locator("textarea[part=report]").inputValue(),
    ids,
  };
}

/** Every payload's ExternalReferenceID has the check's prefix, and the list to delete names each leg once. */
async function onlyCheckIds(r: CheckRun, o: Outcome): Promise<void> {
  const st = await sapState(r.page);
  const refs = st.payloads.map((p) => p.fields.ExternalReferenceID ?? "");
  expect(refs.filter((id) => !/^WXSAPCHECK[A-Z0-9]{8}[A-Z0-9]{1,2}$/.test(id))).toEqual([]);
  expect(o.ids).toEqual([...new Set(refs)]);
}

/** The connector URL the check should recommend: the check page's own, without `check`, with `extra` changes. */
function expectedUrl(query: Record<string, string>, extra: Record<string, string | null> = {}): string {
  const c = s.sandbox.config;
  const q = new URLSearchParams({ sapOrigin: c.sap, ...query, desktopUrl: `${c.desktops[0]}/` });
  for (const [k, v] of Object.entries(extra)) v === null ? q.delete(k) : q.set(k, v);
  return `${c.mashup}/sap-mashup/index.html?${q}`;
}

const BASE = ["pop", "pop-unknown", "accept", "end-updateactivity", "repeat-notify"];
const basePayloads = (f: string, end = "UPDATEACTIVITY") => [
  `${f} CALL INBOUND NOTIFY A`,
  `${f} CALL INBOUND NOTIFY B`,
  `${f} CALL INBOUND ACCEPT A`,
  `${f} CALL UPDATEACTIVITY END A`,
  `${f} CALL INBOUND NOTIFY C`,
  `${f} CALL INBOUND ACCEPT C`,
  `${f} CALL INBOUND NOTIFY C`,
  `${f} CALL ${end} END C`,
];

test("default tenant: every step as described; the URL keeps the defaults (screenshots of the check)", async () => {
  const r = await openCheck(s, "");
  const o = await runCheck(r, { phone: MARIA.phone, unknownPhone: UNKNOWN, email: MARIA.email }, true);
  expect(o.steps).toEqual([...BASE, "chat"]);
  expect(o.answers).toEqual(["yes", "yes", "yes", "yes", "yes", "yes"]);
  expect(o.payloads).toEqual([...basePayloads("json"), "json CHAT INBOUND NOTIFY D", "json CHAT INBOUND ACCEPT D", "json CHAT UPDATEACTIVITY END D"]);
  expect(o.url).toBe(expectedUrl({}));
  await onlyCheckIds(r, o);
  expect(o.report).toContain("- format: json\n- END form: updateactivity\n- repeated NOTIFY brings the customer back (followSelection): yes (on)\n- chat by e-mail: works");
  expect(o.report).not.toContain(MARIA.phone.slice(4));
  expect(o.report).not.toContain("maria.lopez");
  const dl = r.check.locator("a[part=download]");
  expect(await dl.getAttribute("href")).toMatch(/^blob:/);
  expect(await dl.getAttribute("download")).toMatch(/^wxcc-sap-check-[A-Z0-9]{8}\.txt$/);
  await r.page.close();
});

test("XML-only tenant: the JSON pop is ignored, XML works, and the rest runs in XML; the URL says format=xml", async () => {
  const r = await openCheck(s, "&tenant=xml-only");
  const o = await runCheck(r, { phone: MARIA.phone, unknownPhone: UNKNOWN });
  expect(o.steps).toEqual(["pop", "pop-xml", ...BASE.slice(1)]);
  expect(o.answers).toEqual(["no", "yes", "yes", "yes", "yes", "yes"]);
  expect(o.payloads).toEqual(["json CALL INBOUND NOTIFY A", ...basePayloads("xml")]);
  const st = await sapState(r.page);
  expect((st.payloads[0] as { ignored?: string }).ignored).toBe("ignored: this tenant reads XML only");
  expect(o.url).toBe(expectedUrl({ format: "xml" }));
  await onlyCheckIds(r, o);
  await r.page.close();
});

test("END-by-direction tenant: UPDATEACTIVITY leaves the activity open, the direction form closes it; the URL says endForm=direction", async () => {
  const r = await openCheck(s, "&tenant=end-direction");
  const o = await runCheck(r, { phone: MARIA.phone, unknownPhone: UNKNOWN });
  expect(o.steps).toEqual(["pop", "pop-unknown", "accept", "end-updateactivity", "end-direction", "repeat-notify"]);
  expect(o.answers).toEqual(["yes", "yes", "yes", "no", "yes", "yes"]);
  const p = basePayloads("json", "INBOUND");
  expect(o.payloads).toEqual([...p.slice(0, 4), "json CALL INBOUND END A", ...p.slice(4)]);
  expect(o.url).toBe(expectedUrl({}, { endForm: "direction" }));
  await onlyCheckIds(r, o);
  await r.page.close();
});

test("a tenant that ignores a repeated NOTIFY: SAP stays where the admin went; the URL turns followSelection off", async () => {
  const r = await openCheck(s, "&tenant=no-refocus");
  const o = await runCheck(r, { phone: MARIA.phone, unknownPhone: UNKNOWN });
  expect(o.steps).toEqual(BASE);
  expect(o.answers).toEqual(["yes", "yes", "yes", "yes", "no"]);
  expect(o.payloads).toEqual(basePayloads("json"));
  expect(o.url).toBe(expectedUrl({}, { followSelection: "off" }));
  await onlyCheckIds(r, o);
  await r.page.close();
});

test("a channel and two Custom_n mappings on a tenant that identifies by Custom_1 only: channel kept, Custom_2 dropped", async () => {
  const query = { channels: "whatsapp:WHATSAPP_1", cad: "CustId:Custom_2,Segment:Custom_1" };
  const r = await openCheck(s, `&${new URLSearchParams(query)}&tenant=custom-Custom_1`);
  const o = await runCheck(r, { phone: MARIA.phone, unknownPhone: UNKNOWN, Custom_1: MARIA.id, Custom_2: MARIA.id });
  expect(o.steps).toEqual([...BASE, "message", "custom-Custom_1", "custom-Custom_2"]);
  expect(o.answers).toEqual(["yes", "yes", "yes", "yes", "yes", "yes", "yes", "no"]);
  expect(o.payloads).toEqual([
    ...basePayloads("json"),
    "json MESSAGE INBOUND NOTIFY E",
    "json MESSAGE INBOUND ACCEPT E",
    "json MESSAGE UPDATEACTIVITY END E",
    "json CALL INBOUND NOTIFY F1",
    "json CALL INBOUND NOTIFY F2",
  ]);
  const st = await sapState(r.page);
  expect(st.payloads.filter((p) => p.fields.Type === "MESSAGE").map((p) => p.fields.ChannelId)).toEqual(["WHATSAPP_1", "WHATSAPP_1", "WHATSAPP_1"]);
  expect(o.url).toBe(expectedUrl({ format: "json", ...query }, { format: null, cad: "Segment:Custom_1" }));
  await onlyCheckIds(r, o);
  await r.page.close();
});

test("without sapOrigin the check does not start: the configuration error is shown and SAP gets nothing", async () => {
  const r = await openCheck(s, "");
  const c = s.sandbox.config;
  await r.page.evaluate((src) => ((document.getElementById("cti") as HTMLIFrameElement).src = src), `${c.mashup}/sap-mashup/index.html?check=on&desktopUrl=${encodeURIComponent(c.desktops[0] + "/")}`);
  await r.page.waitForFunction(() => (document.getElementById("cti") as HTMLIFrameElement).src.includes("check=on&"));
  await sleep(300);
  const mashup = await frameOf(r.page, c.mashup);
  const errors = mashup.locator("wxcc-sap-panel [part=config-errors]");
  await errors.waitFor();
  expect(await errors.textContent()).toContain("sapOrigin");
  expect(await mashup.locator("wxcc-sap-check").count()).toBe(0);
  await sleep(500);
  expect((await sapState(r.page)).payloads).toEqual([]);
  s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !e.includes("configuration error: sapOrigin")));
  await r.page.close();
});

test("a tenant variant the stand-in does not know is named on the SAP page", async () => {
  const page = await s.context.newPage();
  await page.goto(`${s.sandbox.config.sap}/sap?agent=1&check=on&tenant=xml-only,json-only`);
  await page.locator("#tenant-error").waitFor();
  expect(await page.locator("#tenant-error").textContent()).toBe('tenant: "json-only" is not one of xml-only, end-direction, end-updateactivity, no-refocus, custom-none, custom-Custom_1, custom-Custom_2, custom-Custom_3, custom-Custom_4');
  await page.close();
});
