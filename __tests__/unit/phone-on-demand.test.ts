/**
 * Phone numbers without the parser chunk (sap-mashup/phone.ts, issue 7): canonical E.164 is taken
 * on its syntax alone; what needs the chunk is decided by pure functions from the data; the loader
 * fetches the chunk once, and after a failure again with backoff; a bad `defaultCountry` is refused
 * at start without it.
 */
import type { Leg, MessageOf } from "../../channel/protocol";
import { safeSessionStorage } from "../../channel/safe-storage";
import { ActivityLedger } from "../../sap-mashup/activity-ledger";
import { startMashup } from "../../sap-mashup/main";
import { ConnectorPanel, PANEL_ELEMENT } from "../../sap-mashup/connector-panel";
import * as chunk from "../../sap-mashup/phone-parser";
import { PhoneParserLoader, needsParser, toE164, unloadPhoneParser, type ParserImport } from "../../sap-mashup/phone";
import { legNeedsParser, planLeg } from "../../sap-mashup/sap-payload";
import { SapSync } from "../../sap-mashup/sap-sync";

beforeEach(() => unloadPhoneParser());

describe("without the chunk", () => {
  test.each(["+14696762938", "+4915112345678", "+1234567", "+123456789012345", "+999123456"])("canonical %s is used as it is", (n) => {
    expect(needsParser(n)).toBe(false);
    expect(toE164(n)).toEqual({ ok: true, e164: n });
  });

  test.each(["+1 650 305 4000", "+1-650-305-4000", " +14696762938", "+14696762938 ", "tel:+16503054000", "0049 151 12345678", "(650) 305-4000", "6503054000", "+123456", "+1234567890123456", "+01234567", "abc"])(
    "%j needs the chunk, and is not answered without it",
    (n) => {
      expect(needsParser(n)).toBe(true);
      expect(() => toE164(n, "US")).toThrow("the phone number parser is not loaded yet");
    },
  );

  test.each([undefined, null, 16503054000, "", "   ", "+".padEnd(70, "1")])("%j is no number, with or without the chunk", (n) => {
    expect(needsParser(n)).toBe(false);
    expect(toE164(n)).toEqual({ ok: false, reason: "not a phone number" });
  });
});

function leg(o: Partial<Leg> = {}): Leg {
  return {
    interactionId: "0ae913a4-c857-4705-8d49-000000000001", agentId: "agent-1", media: "telephony", channel: "telephony", direction: "INBOUND",
    role: "main", phase: "offered", held: false, customer: { ani: "+14155550100" }, dnis: "+18005550100", cad: {}, offeredAt: 1, ...o,
  };
}

describe("legNeedsParser: does planning this leg read a number only the chunk can?", () => {
  const channels = { channelIds: { whatsapp: "Sinch_WhatsApp" } };
  test.each<[string, boolean, Partial<Leg>]>([
    ["call, canonical ANI and DNIS", false, {}],
    ["call, formatted ANI", true, { customer: { ani: "+1 415 555 0100" } }],
    ["call, national DNIS", true, { dnis: "800 555 0100" }],
    ["call, no numbers", false, { customer: {}, dnis: undefined }],
    ["outdial, formatted number (matched to SAP's click-to-dial)", true, { direction: "OUTBOUND", customer: { ani: "(650) 305-4000" } }],
    ["chat keyed by e-mail", false, { media: "chat", channel: "chat", customer: { email: "li.wei@mail.example" }, dnis: "chat-entry-point" }],
    ["email", false, { media: "email", channel: "email", customer: { email: "a@b.example", ani: "a@b.example" }, dnis: "support@example.com" }],
    ["mapped WhatsApp message, formatted number", true, { media: "social", channel: "whatsapp", customer: { ani: "+49 151 12345678" } }],
    ["unmapped messaging channel: not reported, nothing read", false, { media: "social", channel: "sms", customer: { ani: "+49 151 12345678" } }],
    ["other media: not reported", false, { media: "other", channel: "other", customer: { ani: "0151 12345678" } }],
  ])("%s → %s", (_name, expected, o) => {
    expect(legNeedsParser(leg(o), channels)).toBe(expected);
  });

  test("what it says matches what planning does without the chunk", () => {
    for (const o of [{}, { customer: { ani: "+1 415 555 0100" } }, { media: "chat" as const, customer: { email: "x@y.example" }, dnis: "chat" }]) {
      const l = leg(o);
      const plan = () => planLeg({ ...l, phase: "ended" }, { ref: "r", interactionId: l.interactionId, agentId: l.agentId, posted: ["NOTIFY"], at: 0 }, {}, 2);
      if (legNeedsParser(l, {})) expect(plan).toThrow();
      else expect(plan).not.toThrow();
    }
  });
});

describe("SapSync.needsParser: a message needs the chunk if any number it makes SAP read does", () => {
  const agent = { status: "available" as const, idleCodes: [], outdialEnabled: true, agentId: "agent-1" };
  const snapshot = (legs: Leg[], complete: boolean): MessageOf<"snapshot"> => ({ p: "wxcc-sap", v: 1, t: "snapshot", instance: "w", agent, legs: legs.map((l) => ({ leg: l, acked: "none" })), complete });

  test("events and snapshots by their legs; agent state never", () => {
    const sync = new SapSync(new ActivityLedger(), {}, { post: () => undefined, notice: () => undefined, changed: () => undefined });
    expect(sync.needsParser({ kind: "leg", leg: leg() })).toBe(false);
    expect(sync.needsParser({ kind: "leg", leg: leg({ customer: { ani: "4155550100" } }) })).toBe(true);
    expect(sync.needsParser(snapshot([leg(), leg({ interactionId: "i-2", dnis: "0800 1234" })], false))).toBe(true);
    expect(sync.needsParser({ kind: "agent", agent })).toBe(false);
    expect(sync.needsParser({ kind: "outdial-failed", reason: "busy" })).toBe(false);
  });

  test("a complete snapshot also by the open legs in the ledger it would END", () => {
    const ledger = new ActivityLedger(safeSessionStorage(undefined));
    const open = leg({ interactionId: "i-open", customer: { ani: "+44 20 7946 0958" }, phase: "connected" });
    ledger.put({ ref: "R1", interactionId: open.interactionId, agentId: open.agentId, posted: ["NOTIFY", "ACCEPT"], leg: open, at: 1 });
    const sync = new SapSync(ledger, {}, { post: () => undefined, notice: () => undefined, changed: () => undefined });
    expect(sync.needsParser(snapshot([], false))).toBe(false);
    expect(sync.needsParser(snapshot([], true))).toBe(true);
    ledger.put({ ref: "R1", interactionId: open.interactionId, agentId: open.agentId, posted: ["NOTIFY", "ACCEPT", "END"], leg: open, at: 2 });
    expect(sync.needsParser(snapshot([], true))).toBe(false);
  });
});

describe("PhoneParserLoader", () => {
  function fetches(outcomes: ("ok" | "fail")[]) {
    const attempts: number[] = [];
    const load: ParserImport = async (attempt) => {
      attempts.push(attempt);
      if ((outcomes[attempts.length - 1] ?? "ok") === "fail") throw new Error("offline");
      return chunk;
    };
    return { attempts, load };
  }

  test("one fetch for any number of callers, then kept", async () => {
    const f = fetches(["ok"]);
    const loader = new PhoneParserLoader(() => undefined, { import: f.load });
    expect(loader.loaded).toBe(false);
    const [a, b] = await Promise.all([loader.load(), loader.load(), loader.ready()]);
    expect([a, b]).toEqual([true, true]);
    expect(loader.loaded).toBe(true);
    expect(toE164("+1 650 305 4000")).toEqual({ ok: true, e164: "+16503054000" });
    expect(await loader.load()).toBe(true);
    expect(f.attempts).toEqual([0]);
    loader.stop();
  });

  test("after a failure: told with the delay; no new fetch within the first delay; then one; the delay doubles up to its cap", async () => {
    let now = 0;
    const failures: number[] = [];
    const f = fetches(["fail", "fail", "fail", "ok"]);
    const loader = new PhoneParserLoader((_e, retryInMs) => failures.push(retryInMs), { import: f.load, retryMs: 60_000, maxRetryMs: 150_000, now: () => now });
    expect(await loader.load()).toBe(false);
    now += 59_999;
    expect(await loader.load()).toBe(false);
    expect(f.attempts).toEqual([0]);
    now += 1;
    expect(await loader.load()).toBe(false);
    now += 60_000;
    expect(await loader.load()).toBe(false);
    expect(failures).toEqual([60_000, 120_000, 150_000]);
    now += 60_000;
    expect(await loader.load()).toBe(true);
    expect(f.attempts).toEqual([0, 1, 2, 3]);
    loader.stop();
  });

  test("ready() waits through failures until a retry succeeds", async () => {
    const f = fetches(["fail", "fail", "ok"]);
    const loader = new PhoneParserLoader(() => undefined, { import: f.load, retryMs: 5 });
    await loader.ready();
    expect(loader.loaded).toBe(true);
    expect(f.attempts).toEqual([0, 1, 2]);
  });

  test("a stopped loader neither retries nor reports", async () => {
    const failures: unknown[] = [];
    const f = fetches(["fail"]);
    const loader = new PhoneParserLoader((e) => failures.push(e), { import: f.load, retryMs: 5 });
    const attempt = loader.load();
    loader.stop();
    expect(await attempt).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(f.attempts).toEqual([0]);
    expect(failures).toEqual([]);
  });
});

test("a bad defaultCountry is refused at start: the panel names the parameter, nothing starts, no chunk is fetched", async () => {
  history.replaceState(null, "", `/sap-mashup/index.html?sapOrigin=${encodeURIComponent("https://my1.crm.ondemand.com")}&desktopUrl=${encodeURIComponent("https://desktop.wxcc-us1.cisco.com/")}&defaultCountry=XX`);
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    expect(startMashup(window)).toBeUndefined();
    const panel = document.querySelector(PANEL_ELEMENT) as ConnectorPanel;
    await panel.updateComplete;
    expect(panel.status).toBe("config-error");
    expect(panel.configErrors).toEqual(['defaultCountry: "XX" is not an ISO 3166 country code']);
    expect(document.querySelector("iframe")).toBeNull();
    expect(new PhoneParserLoader(() => undefined).loaded).toBe(false);
  } finally {
    error.mockRestore();
    document.body.innerHTML = "";
    history.replaceState(null, "", "/");
  }
});
