/**
 * Property-based tests of every message entry point (issue 7): the widget's and the mashup's
 * channel listeners, the mashup's SAP listener. Random and hostile messages from right and wrong
 * origins: nothing throws into the page, nothing is dialled, nothing from a wrong origin gets
 * through, nothing is posted to an origin outside the configuration, no prototype is polluted.
 */
import fc from "fast-check";
import { Log } from "../../channel/log";
import { parseConfig } from "../../sap-mashup/config";
import { DesktopLink } from "../../sap-mashup/desktop-link";
import { MashupApp } from "../../sap-mashup/mashup-app";
import { toE164 } from "../../sap-mashup/phone";
import { WidgetLink } from "../../widget/mashup-link";
import { FakeWindow, RUNS, hostileValue, protocolish, prototypesIntact } from "./support";
import { loadPhoneParser } from "../support/phone-parser";

// The SAP listener test checks dials synchronously: the parser chunk is loaded first, as in a page that already met a formatted number.
beforeAll(loadPhoneParser);

const SAP = "https://my123456.crm.ondemand.com";
const MASHUP = "https://connector.example.com";
const DESKTOP = "https://desktop.wxcc-us1.cisco.com";
const EVIL = ["https://evil.example", "null", "", "https://connector.example.com.evil.example", "http://connector.example.com", "https://CONNECTOR.example.com"];

const origin = (right: string) => fc.oneof(fc.constant(right), fc.constantFrom(...EVIL), fc.webUrl().map((u) => new URL(u).origin), fc.string({ maxLength: 20 }));

test("widget channel listener: hostile messages never run a command, never post outside the mashup origin", () => {
  const desktopWin = new FakeWindow("desktop");
  const mashupWin = new FakeWindow("mashup");
  const stranger = new FakeWindow("stranger");
  desktopWin.parent = mashupWin;
  const commands: unknown[] = [];
  const link = new WidgetLink(
    desktopWin.asWindow,
    [MASHUP],
    {
      snapshot: () => ({ agent: { status: "available", idleCodes: [] } as never, legs: [], complete: true }),
      acknowledged: () => undefined,
      command: async (c) => {
        commands.push({ command: c, linked: link.linked });
        return undefined;
      },
    },
    new Log("fuzz widget", false),
  );
  link.start();
  try {
    fc.assert(
      fc.property(fc.oneof(protocolish([link.instance, "mashup-1"]), hostileValue), origin(MASHUP), fc.constantFrom(mashupWin, stranger, null), (data, from, source) => {
        mashupWin.posts.length = 0;
        stranger.posts.length = 0;
        expect(() => desktopWin.dispatch(data, from, source)).not.toThrow();
        if (from !== MASHUP) expect(mashupWin.posts.length + stranger.posts.length).toBe(0);
        for (const p of [...mashupWin.posts, ...stranger.posts]) expect(p.origin).toBe(MASHUP);
        expect(prototypesIntact()).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // A command runs only over a completed handshake: from the mashup's origin and window, with a
    // welcome naming this widget's instance (the generator can build one by chance).
    expect(commands.filter((c) => !(c as { linked: boolean }).linked)).toEqual([]);
  } finally {
    link.stop();
  }
});

test("mashup channel listener: a linked desktop link takes nothing from a wrong origin or a wrong window", () => {
  const mashupWin = new FakeWindow("mashup");
  const desktopWin = new FakeWindow("desktop");
  const stranger = new FakeWindow("stranger");
  const calls: { kind: string; from: string; source: unknown }[] = [];
  let current = { from: "", source: null as unknown };
  const link = new DesktopLink(
    mashupWin.asWindow,
    [DESKTOP],
    {
      snapshot: () => void calls.push({ kind: "snapshot", ...current }),
      event: () => void calls.push({ kind: "event", ...current }),
      linkChanged: () => undefined,
    },
    new Log("fuzz mashup", false),
  );
  link.start();
  link.attach(desktopWin.asWindow);
  // A real widget says hello, so the link is up and its instance ids are in play.
  mashupWin.dispatch({ p: "wxcc-sap", v: 1, t: "hello", role: "widget", instance: "widget-1" }, DESKTOP, desktopWin);
  expect(link.linked).toBe(true);
  try {
    fc.assert(
      fc.property(fc.oneof(protocolish([link.instance, "widget-1"]), hostileValue), origin(DESKTOP), fc.constantFrom(desktopWin, stranger, null), (data, from, source) => {
        current = { from, source };
        desktopWin.posts.length = 0;
        stranger.posts.length = 0;
        expect(() => mashupWin.dispatch(data, from, source)).not.toThrow();
        if (from !== DESKTOP) expect(desktopWin.posts.length + stranger.posts.length).toBe(0);
        for (const p of [...desktopWin.posts, ...stranger.posts]) expect(p.origin).toBe(DESKTOP);
        expect(prototypesIntact()).toBe(true);
      }),
      { numRuns: RUNS },
    );
    for (const c of calls) expect(c.from).toBe(DESKTOP);
  } finally {
    link.stop();
  }
});

test("mashup SAP listener: click-to-dial only from SAP's origin and only for a number that normalises", () => {
  const sapWin = new FakeWindow("sap");
  const mashupWin = new FakeWindow("mashup");
  mashupWin.parent = sapWin;
  const parsed = parseConfig(`?sapOrigin=${encodeURIComponent(SAP)}&desktopUrl=${encodeURIComponent(DESKTOP + "/")}&defaultCountry=US`);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const app = new MashupApp(mashupWin as never, parsed.config, { linkChanged: () => undefined, notice: () => undefined, render: () => undefined }, undefined);
  (app.log as unknown as { toConsole: boolean }).toConsole = false;
  const dials: string[] = [];
  app.link.command = async (c) => {
    if (c.kind === "dial") dials.push(c.destination);
    return "not linked";
  };
  app.start();
  const clickToDial = fc.record(
    {
      PhoneNumber: fc.oneof(fc.constantFrom("+14155550100", "(650) 305-4000", "0049 151 12345678", "tel:+442079460958", "12", ""), fc.string({ maxLength: 30 }), hostileValue),
      ActivityUUID: fc.oneof(fc.uuid(), fc.string({ maxLength: 70 }), hostileValue),
      Extra: hostileValue,
    },
    { requiredKeys: ["PhoneNumber"] },
  );
  try {
    fc.assert(
      fc.property(fc.oneof(clickToDial, hostileValue), origin(SAP), (data, from) => {
        dials.length = 0;
        sapWin.posts.length = 0;
        expect(() => mashupWin.dispatch(data, from, sapWin)).not.toThrow();
        const number = (data as { PhoneNumber?: unknown } | null)?.PhoneNumber;
        if (from !== SAP) expect(dials).toEqual([]);
        else if (dials.length > 0) {
          // Dialled only what the normaliser accepted, and only once.
          const n = toE164(number, "US");
          expect(n.ok && [n.e164]).toEqual(dials);
        }
        for (const p of sapWin.posts) expect(p.origin).toBe(SAP);
        expect(prototypesIntact()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  } finally {
    app.stop();
  }
});
