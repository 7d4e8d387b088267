/**
 * Personal data in logs (issue 7): a full scenario — calls, a chat, an e-mail, a social message,
 * click-to-dial that works, one Webex refuses and one SAP sends with a bad number, a hostile
 * message — through the real SDK and both halves of the connector. Every line the connector wrote
 * (both ring logs, every console call) is scanned for the customers' numbers, addresses and names
 * in every written form; none may appear.
 */
import { Harness, SAP_ORIGIN, type AgentChain, WRAP_UP } from "../support/harness";

interface AgentActions {
  accept(p: { interactionId: string }): Promise<unknown>;
  end(p: { interactionId: string }): Promise<unknown>;
  wrapup(p: { interactionId: string; data: Record<string, string> }): Promise<unknown>;
}
const act = (a: AgentChain): AgentActions => a.desktop.agentContact as unknown as AgentActions;
const WRAP = WRAP_UP;

const CUSTOMERS = {
  phones: ["+14696762938", "+4915112345678", "+16503054000", "+442079460958", "+33142685300"],
  /** The same numbers as people and SAP write them. */
  written: ["469-676-2938", "(469) 676-2938", "0151 12345678", "650 305 4000", "020 7946 0958", "4696762938", "15112345678", "6503054000", "2079460958"],
  emails: ["jane.doe@example.com", "max.mustermann@beispiel.de", "ozzy@shop.example.org"],
  names: ["Jane Doe", "Max Mustermann", "Priya Raman", "Ozzy Osbourne"],
};

let h: Harness;
let consoleLines: string[];
beforeEach(() => {
  h = new Harness();
  consoleLines = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" ")));
  }
});
afterEach(() => {
  h.close();
  jest.restoreAllMocks();
});

function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** Every spelling of a number a log could contain: as written, digits only, and each run of 7+ of its digits. */
function needles(): string[] {
  const out = new Set<string>([...CUSTOMERS.written, ...CUSTOMERS.emails, ...CUSTOMERS.names]);
  for (const p of CUSTOMERS.phones) {
    out.add(p);
    out.add(p.slice(1));
  }
  for (const n of CUSTOMERS.names) for (const part of n.split(" ")) out.add(part);
  for (const e of CUSTOMERS.emails) out.add(e.split("@")[0]!);
  return [...out];
}

test("no customer number, address or name appears in any log line after a full scenario", async () => {
  const a = await h.agent({ query: "&defaultCountry=US" });
  const [jane, max, priya, ozzy] = CUSTOMERS.names;

  // Inbound call, accepted, ended, wrapped up.
  const call = h.cc.inbound({ from: "+14696762938", name: jane, to: a.agentId });
  await h.settle();
  await act(a).accept({ interactionId: call });
  await h.settle();
  await act(a).end({ interactionId: call });
  await act(a).wrapup({ interactionId: call, data: WRAP });
  await h.settle();

  // A call not answered (RONA), from a number written nationally.
  const missed = h.cc.inbound({ from: "0151 12345678", name: max, to: a.agentId });
  await h.settle();
  h.cc.rona(missed, a.agentId);
  await h.settle();
  // RONA put the agent in the RONA idle state; nothing more is offered until they are Available again.
  await a.desktop.agentStateInfo.stateChange({ state: "Available", auxCodeIdArray: "0" });
  await h.settle();

  // Chat, e-mail and a social message, each handled to the end.
  for (const c of [
    { media: "chat" as const, from: "jane.doe@example.com", name: jane },
    { media: "email" as const, from: "max.mustermann@beispiel.de", name: max },
    { media: "social" as const, channel: "whatsapp", from: "+442079460958", name: ozzy },
  ]) {
    const id = h.cc.inbound({ ...c, to: a.agentId });
    await h.settle();
    await act(a).accept({ interactionId: id });
    h.cc.customerEnds(id);
    await h.settle();
    await act(a).wrapup({ interactionId: id, data: WRAP });
    await h.settle();
  }

  // Click-to-dial that works, one Webex refuses, one with a number nobody can dial.
  a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "650 305 4000", ActivityUUID: "00163e2a-1234-1eda-b895-42c904e08752" });
  await h.settle();
  const out = [...h.cc.live.keys()].pop() as string; // the outdial is the newest interaction
  h.cc.customerAnswers(out);
  await h.settle();
  await act(a).end({ interactionId: out });
  await act(a).wrapup({ interactionId: out, data: WRAP });
  await h.settle();
  h.cc.failNextOutdial.set(a.agentId, "Destination +33142685300 is busy");
  a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "+33 1 42 68 53 00" });
  await h.settle();
  a.mashupWin.receiveFrom(a.sapWin, { PhoneNumber: "020 7946 0958 ext. Priya Raman" });
  await h.settle();

  // Hostile traffic: a click-to-dial from a wrong origin, and a malformed channel message carrying customer data.
  a.mashupWin.receiveFrom(h.bus.window("https://evil.example"), { PhoneNumber: "+14696762938" });
  a.mashupWin.receiveFrom(a.desktopWin, { p: "wxcc-sap", v: 1, t: "event", instance: "x", seq: 1, body: { kind: "leg", leg: { customer: { ani: "+14696762938", email: "ozzy@shop.example.org", name: priya } } } });
  await h.settle();

  // The scenario really happened (otherwise an empty log would pass).
  expect(a.sap.summary.length).toBeGreaterThanOrEqual(12);
  expect(a.notices.length).toBeGreaterThanOrEqual(2);

  const lines = [
    ...a.widget.log.recent().map((l) => `widget ${l.level}: ${l.text}`),
    ...a.mashup.log.recent().map((l) => `mashup ${l.level}: ${l.text}`),
    ...consoleLines.filter((l) => !l.includes('"agentx-js-api"')),
  ];
  expect(lines.length).toBeGreaterThan(10);
  const leaksIn = (ls: string[]) => ls.flatMap((line) => needles().filter((n) => line.includes(n)).map((n) => `${JSON.stringify(n)} in: ${line}`));
  // The scan itself would catch an unmasked line of each kind.
  expect(leaksIn(["ANI 469-676-2938", "from jane.doe@example.com", "name Priya Raman"])).toHaveLength(6);
  expect(leaksIn(lines)).toEqual([]);

  // Issue 11: masking never alters an identifier. Every leg SAP got is named whole in the mashup's
  // log, and in the console as support sees it.
  const refs = [...new Set(a.sap.payloads.map((p) => p.fields.ExternalReferenceID as string))];
  expect(refs.length).toBeGreaterThanOrEqual(5);
  const mashupLines = a.mashup.log.recent().map((l) => l.text);
  for (const ref of refs) {
    expect(mashupLines.filter((l) => l.includes(`leg ${ref}`)).length).toBeGreaterThan(0);
    expect(consoleLines.filter((l) => l.includes(ref)).length).toBeGreaterThan(0);
  }
});
