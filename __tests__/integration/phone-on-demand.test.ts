/**
 * The phone parser chunk fetched on demand (sap-mashup/phone.ts, issue 7), end to end through the
 * real @wxcc-desktop/sdk. Numbers in canonical E.164 (as Webex gives them) need no chunk. Anything
 * else waits for it; meanwhile the mashup holds that message and every later one, in order and
 * unacknowledged (desktop-link.ts), so the product's guarantees hold: NOTIFY and ACCEPT at most
 * once per leg, END never lost, a leg's payloads in order.
 */
import { Harness, actions, wrapupRequest, type AgentChain } from "../support/harness";
import * as chunk from "../../sap-mashup/phone-parser";
import { unloadPhoneParser, type ParserImport } from "../../sap-mashup/phone";
import { legReferenceId } from "../../sap-mashup/reference-ids";
import { safeSessionStorage } from "../../channel/safe-storage";
import { tabStorage } from "../support/tab-storage";

/** Stands in for the network: each fetch of the chunk waits until the test lets it through or fails it. */
class ChunkFetches {
  readonly attempts: number[] = [];
  private readonly pending: { resolve(): void; reject(e: Error): void }[] = [];
  readonly import: ParserImport = (attempt) => {
    this.attempts.push(attempt);
    return new Promise((resolve, reject) => this.pending.push({ resolve: () => resolve(chunk), reject }));
  };
  release(): void {
    this.next().resolve();
  }
  fail(): void {
    this.next().reject(new TypeError("Failed to fetch dynamically imported module: https://connector.example.com/sap-mashup/phone-parser.js"));
  }
  private next() {
    const p = this.pending.shift();
    if (!p) throw new Error("no fetch of the chunk is pending");
    return p;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Acknowledgements the widget has received from a mashup. */
const acks = (a: AgentChain) => a.desktopWin.received.filter((m) => (m.data as { t?: string }).t === "ack").length;
const sent = (a: AgentChain) => a.sap.payloads.map((p) => `${p.fields.Type} ${p.fields.Action} ${p.fields.ANI ?? p.fields.Email}`);
const outdials = (a: AgentChain) =>
  a.host.requests.filter((r) => r.method === "aqm.dialer.startOutdial").map((r) => (r.payload as { data: { destination: string } }).data.destination);

let h: Harness;
beforeEach(() => {
  unloadPhoneParser(); // each test is a fresh page that never fetched the chunk
  h = Harness.quiet(["info", "warn", "error"]);
});
afterEach(() => h.close());

test("canonical E.164 numbers, as Webex gives them, need no chunk: calls, chats and a click-to-dial", async () => {
  const fetches = new ChunkFetches();
  const a = await h.agent({ phone: { import: fetches.import } });
  const call = h.cc.inbound({ from: "+14696762938", to: a.agentId, dnis: "+18005550100" });
  const chat = h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: call });
  await h.settle();
  await actions(a).end({ interactionId: call });
  h.cc.customerEnds(chat);
  await h.settle();
  a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "+16503054000" });
  await h.settle();

  expect(sent(a)).toEqual([
    "CALL NOTIFY +14696762938",
    "CHAT NOTIFY li.wei@mail.example",
    "CALL ACCEPT +14696762938",
    "CALL END +14696762938",
    "CHAT END li.wei@mail.example",
    "CALL NOTIFY +16503054000",
  ]);
  expect(a.sap.payloads[0]?.fields.DNIS).toBe("+18005550100");
  expect(outdials(a)).toEqual(["+16503054000"]);
  expect(fetches.attempts).toEqual([]);
  expect(a.mashup.phone.loaded).toBe(false);
  expect(a.sap.violations).toEqual([]);
});

test("a formatted ANI: that call and every later message wait, unacknowledged, for the chunk; then NOTIFY/ACCEPT/END once each, in order", async () => {
  const fetches = new ChunkFetches();
  const a = await h.agent({ phone: { import: fetches.import } });
  const acked = acks(a);
  const call = h.cc.inbound({ from: "+1 (415) 555-0132", to: a.agentId });
  await h.settle();
  expect(fetches.attempts).toEqual([0]);
  // Later events of other conversations (a chat needs no parser) queue behind the call's offer.
  const chat = h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: call });
  await h.settle();
  await actions(a).end({ interactionId: call });
  await h.settle();
  await actions(a).accept({ interactionId: chat });
  await h.settle();

  expect(a.sap.payloads).toEqual([]);
  expect(acks(a)).toBe(acked);
  expect(a.widget.link.pending).toBeGreaterThanOrEqual(5);
  expect(a.mashup.link.heldMessages).toBe(a.widget.link.pending);

  fetches.release();
  await h.settle();
  expect(sent(a)).toEqual([
    "CALL NOTIFY +14155550132",
    "CHAT NOTIFY li.wei@mail.example",
    "CALL ACCEPT +14155550132",
    "CALL END +14155550132",
    "CHAT ACCEPT li.wei@mail.example",
  ]);
  expect(a.mashup.link.heldMessages).toBe(0);
  expect(a.widget.link.pending).toBe(0);
  expect(fetches.attempts).toEqual([0]);
  expect(a.notices).toEqual([]);
  expect(a.sap.violations).toEqual([]);

  // Kept: the next formatted number is read at once.
  h.cc.inbound({ from: "0044 20 7946 0958", to: a.agentId });
  await h.settle();
  expect(sent(a).at(-1)).toBe("CALL NOTIFY +442079460958");
  expect(fetches.attempts).toEqual([0]);
});

test("the mashup reloaded while messages are held: the widget replays them to the new page, nothing lost or doubled", async () => {
  const first = new ChunkFetches();
  const a = await h.agent({ phone: { import: first.import } });
  const call = h.cc.inbound({ from: "+49 (0)151 1234 5678", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: call });
  await h.settle();
  expect(a.sap.payloads).toEqual([]);
  expect(a.mashup.link.heldMessages).toBeGreaterThanOrEqual(2);

  // F5 on the mashup frame: the page and what it held go; its fetch fails as the page unloads.
  const old = a.mashup;
  a.mashupWin.hide();
  a.mashupWin.closed = false;
  const second = new ChunkFetches();
  h.startMashup(a, undefined, { import: second.import });
  first.fail();
  await h.settle();
  expect(old.link.heldMessages).toBe(0);
  expect(a.sap.payloads).toEqual([]);
  expect(second.attempts).toEqual([0]);

  second.release();
  await h.settle();
  await actions(a).end({ interactionId: call });
  await h.settle();
  expect(sent(a)).toEqual(["CALL NOTIFY +4915112345678", "CALL ACCEPT +4915112345678", "CALL END +4915112345678"]);
  expect(a.sap.forLeg(legReferenceId(call, a.agentId))).toHaveLength(3);
  expect(a.widget.link.pending).toBe(0);
  expect(first.attempts).toEqual([0]); // the unloaded page did not retry
  expect(a.notices).toEqual([]);
  expect(a.sap.violations).toEqual([]);
});

test("a call that ended while the desktop reloaded is closed from the ledger once the chunk is there (its stored number is formatted)", async () => {
  // The tab's sessionStorage: what SAP was told survives the reload of the page.
  const storage = tabStorage();
  const a = await h.agent({ store: safeSessionStorage({ sessionStorage: storage }) });
  const call = h.cc.inbound({ from: "+44 20 7946 0958", to: a.agentId });
  await h.settle();
  await actions(a).accept({ interactionId: call });
  await h.settle();
  expect(sent(a)).toEqual(["CALL NOTIFY +442079460958", "CALL ACCEPT +442079460958"]);

  // The desktop goes while the call ends and is wrapped up; the SAP page is reloaded meanwhile.
  a.widget.stop();
  h.cc.customerEnds(call);
  await a.host.aqm.contact.wrapup(wrapupRequest(call));
  unloadPhoneParser();
  const fetches = new ChunkFetches();
  h.startMashup(a, undefined, { import: fetches.import });
  await h.reloadDesktop(a);
  // The new widget's complete snapshot no longer lists the call: its END comes from the ledger.
  expect(sent(a)).toHaveLength(2);
  expect(fetches.attempts).toEqual([0]);
  expect(a.mashup.link.heldMessages).toBeGreaterThanOrEqual(1);

  fetches.release();
  await h.settle();
  expect(sent(a)).toEqual(["CALL NOTIFY +442079460958", "CALL ACCEPT +442079460958", "CALL END +442079460958"]);
  expect(a.sap.violations).toEqual([]);
});

describe("the chunk fails to load", () => {
  test("a visible notice, nothing acknowledged; a later message retries once the first delay has passed; then everything in order", async () => {
    const fetches = new ChunkFetches();
    let clock = 1_000_000;
    // A long timer (not reached here), a clock the test moves: the retry comes from the later message.
    const a = await h.agent({ phone: { import: fetches.import, retryMs: 10_000, now: () => clock } });
    const acked = acks(a);
    h.cc.inbound({ from: "(0)30 901820", to: a.agentId, dnis: "030 901820" });
    await h.settle();
    fetches.fail();
    await h.settle();
    expect(a.notices).toEqual([{ level: "error", text: "Phone number support did not load, so SAP is not being updated for now. The connector keeps trying; check the network connection." }]);
    expect(a.mashup.log.recent().some((l) => l.text.startsWith("the phone number parser did not load"))).toBe(true);

    clock += 5_000; // within the first delay: a new message does not retry yet
    h.cc.inbound({ media: "email", from: "new.customer@mail.example", to: a.agentId });
    await h.settle();
    expect(fetches.attempts).toEqual([0]);
    clock += 5_000;
    h.cc.inbound({ media: "chat", from: "li.wei@mail.example", to: a.agentId });
    await h.settle();
    expect(fetches.attempts).toEqual([0, 1]);
    fetches.fail(); // a second failure says nothing new
    await h.settle();
    expect(a.notices).toHaveLength(1);
    expect(a.sap.payloads).toEqual([]);
    expect(acks(a)).toBe(acked);
    expect(a.mashup.link.heldMessages).toBe(a.widget.link.pending);

    clock += 10_000;
    h.cc.inbound({ from: "+14155550100", to: a.agentId });
    await h.settle();
    expect(fetches.attempts).toEqual([0, 1, 2]);
    fetches.release();
    await h.settle();
    // The first call's number, national with no default country, is refused as before: no ANI, a warning.
    expect(sent(a)).toEqual(["CALL NOTIFY undefined", "CHAT NOTIFY new.customer@mail.example", "CHAT NOTIFY li.wei@mail.example", "CALL NOTIFY +14155550100"]);
    expect(a.notices).toEqual([
      { level: "error", text: "Phone number support did not load, so SAP is not being updated for now. The connector keeps trying; check the network connection." },
      { level: "warn", text: "The customer's number *******20 cannot be used, so SAP cannot find the caller. Search for them in SAP." },
    ]);
    // Its cause gone, the failure notice cleared itself; the log says the parser came.
    expect(a.mashup.notices.items.map((r) => r.notice.kind)).toEqual(["n.badNumber"]);
    expect(a.mashup.log.recent().some((l) => l.text === "the phone number parser loaded: SAP is brought up to date")).toBe(true);
    expect(a.widget.link.pending).toBe(0);
  });

  test("the timer retries with growing delays", async () => {
    const fetches = new ChunkFetches();
    const a = await h.agent({ phone: { import: fetches.import, retryMs: 20, maxRetryMs: 40 } });
    h.cc.inbound({ from: "+1 415 555 0100", to: a.agentId });
    await h.settle();
    fetches.fail();
    for (let i = 0; i < 200 && fetches.attempts.length < 2; i++) await sleep(10);
    expect(fetches.attempts).toEqual([0, 1]);
    fetches.fail();
    for (let i = 0; i < 200 && fetches.attempts.length < 3; i++) await sleep(10);
    expect(fetches.attempts).toEqual([0, 1, 2]);
    fetches.release();
    await h.settle();
    expect(sent(a)).toEqual(["CALL NOTIFY +14155550100"]);
    expect(a.notices.map((n) => n.level)).toEqual(["error"]);
    expect(a.mashup.notices.items).toEqual([]);
  });
});

describe("click-to-dial with a formatted number", () => {
  test('"+1 650 305 4000" waits for the chunk, then dials +16503054000; dials keep SAP\'s order', async () => {
    const fetches = new ChunkFetches();
    const a = await h.agent({ phone: { import: fetches.import } });
    const dials: string[] = [];
    const command = a.mashup.link.command.bind(a.mashup.link);
    a.mashup.link.command = (c) => {
      if (c.kind === "dial") dials.push(c.destination);
      return command(c);
    };
    a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "+1 650 305 4000", ActivityUUID: "00163e2a-1234-1eda-b895-42c904e08752" });
    await h.settle();
    a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "+14155550100" }); // canonical, but after the first
    await h.settle();
    expect(dials).toEqual([]);
    expect(fetches.attempts).toEqual([0]);

    fetches.release();
    await h.settle();
    expect(dials).toEqual(["+16503054000", "+14155550100"]);
    expect(outdials(a)[0]).toBe("+16503054000"); // the second is the widget's to refuse: the agent is on the first
    expect(a.sap.payloads[0]?.fields).toMatchObject({ Type: "CALL", EventType: "OUTBOUND", Action: "NOTIFY", ANI: "+16503054000", ActivityUUID: "00163e2a-1234-1eda-b895-42c904e08752" });
  });

  test("a chunk that does not load refuses the dial visibly, and it is not placed later", async () => {
    const fetches = new ChunkFetches();
    const a = await h.agent({ phone: { import: fetches.import, retryMs: 10_000 } });
    a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "(650) 305-4000" });
    await h.settle();
    fetches.fail();
    await h.settle();
    expect(a.notices.map((n) => n.text)).toEqual([
      "Phone number support did not load, so SAP is not being updated for now. The connector keeps trying; check the network connection.",
      "********00 was not dialled: phone number support has not loaded yet. Click the number again in a moment.",
    ]);
    expect(outdials(a)).toEqual([]);
  });
});
