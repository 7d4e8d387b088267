/**
 * Browser bundle for the benchmark's desktop frame: the emulated Webex host (the same sandbox the
 * tests use) installed as `window.AGENTX_SERVICE` before dist/widget.js loads the real SDK, and
 * hooks the driver calls to start and finish conversations. t0 is taken just before the host
 * emits the offer signal, on the time base shared by all frames (timeOrigin + now).
 *
 * Breakdown probes (nothing here changes what the product does): the time the host hands the offer
 * to the SDK's own listener, and the times the SDK calls the widget's offer listener and returns
 * from it. The latter two are a listener added just before and one just after the widget's, through
 * the SDK's public `addEventListener` on the `Desktop` object the widget uses: the SDK calls its
 * listeners in the order they were added.
 */
import { ContactCenter } from "../sandbox/desktop-host/contact-center";
import type { AgentContactMsg } from "../sandbox/desktop-host/messages";

const AGENT = "bench0000-0000-4000-8000-000000000001";
const OFFER = "eAgentOfferContact";
const cc = new ContactCenter();
// Routing offers only to Available agents; the bench measures pops, so its agent is Available.
const host = cc.addAgent({ agentId: AGENT, agentName: "Bench Agent", initialState: "Available" });
host.ready();
(window as unknown as { AGENTX_SERVICE: unknown }).AGENTX_SERVICE = host;

const now = () => performance.timeOrigin + performance.now();
const ids = new Map<string, string>();
/** Per interaction id: t0 and the probe times. */
const marks = new Map<string, Marks>();
type Marks = { t0?: number; sdkIn?: number; widgetIn?: number; widgetOut?: number };
const idOf = (msg: unknown) => (msg as AgentContactMsg | undefined)?.data?.interactionId ?? "";
/** Off during the soak: its 10,000 conversations are not samples. */
let sampling = true;
/** The id is known only once inbound() returns, after the offer went out: marks are filed by id as they come. */
function markOf(msg: unknown): Marks | undefined {
  if (!sampling) return undefined;
  const id = idOf(msg);
  let m = marks.get(id);
  if (!m) marks.set(id, (m = {}));
  return m;
}

// Host → SDK: wrap each listener the SDK gives the host's offer signal.
const offer = host.aqm.contact[OFFER];
const listen = offer.listen.bind(offer);
offer.listen = (fn: (m: AgentContactMsg) => void) =>
  listen((m: AgentContactMsg) => {
    const mark = markOf(m);
    if (mark && mark.sdkIn === undefined) mark.sdkIn = now();
    fn(m);
  });

// SDK → widget: probe listeners around the widget's own, added through the same public API.
type Listener = (msg: unknown) => void;
interface ContactApi { addEventListener(name: string, fn: Listener): unknown }
void customElements.whenDefined("wxcc-sap-connector").then((ctor) => {
  const desktop = (ctor as unknown as { desktop?: { agentContact: ContactApi } }).desktop;
  if (!desktop) return;
  const contact = desktop.agentContact;
  const add = contact.addEventListener.bind(contact);
  contact.addEventListener = (name: string, fn: Listener) => {
    if (name !== OFFER) return add(name, fn);
    add(name, (m) => {
      const mark = markOf(m);
      if (mark && mark.widgetIn === undefined) mark.widgetIn = now();
    });
    const r = add(name, fn);
    add(name, (m) => {
      const mark = markOf(m);
      if (mark && mark.widgetOut === undefined) mark.widgetOut = now();
    });
    return r;
  };
});

/**
 * Ends a call by RONA so the connector holds no more than one conversation at a time. RONA sends
 * the call back to its queue and sets the agent to the RONA idle state: the customer then hangs up
 * in the queue, and the agent goes Available again for the next offer.
 */
function finish(ani: string): void {
  const id = ids.get(ani);
  if (id) {
    cc.rona(id, AGENT);
    cc.customerEnds(id);
  }
  ids.delete(ani);
  void cc.stateChange(AGENT, "Available", "0");
}

(window as unknown as { bench: unknown }).bench = {
  /** Offers a call from `ani`; returns its interaction id. */
  start(ani: string): string {
    const t0 = now();
    const id = cc.inbound({ from: ani, to: AGENT });
    ids.set(ani, id);
    marks.set(id, { ...marks.get(id), t0 });
    return id;
  },
  finish,
  /**
   * The end-of-shift soak: `count` whole conversations as fast as the pipeline takes them, each
   * accepted, ended by the customer and wrapped up (so the activity ledger, the SDK's log buffer and
   * every bounded memory fill as in a long shift); one in five is a chat or an e-mail. They are not
   * samples: the probes are off meanwhile.
   */
  async soak(count: number): Promise<void> {
    sampling = false;
    try {
      for (let i = 0; i < count; i++) {
        const media = i % 10 === 4 ? "chat" : i % 10 === 9 ? "email" : "telephony";
        const from = media === "telephony" ? `+1415557${String(i % 10000).padStart(4, "0")}` : `soak${i}@example.com`;
        const id = cc.inbound({ from, to: AGENT, media });
        await cc.accept(AGENT, id);
        cc.customerEnds(id);
        await cc.wrapup(AGENT, id);
        await cc.stateChange(AGENT, "Available", "0");
        // Let the frames' message queues drain now and then, as a shift would.
        if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      sampling = true;
    }
  },
  marks: (): Record<string, Marks> => Object.fromEntries(marks),
  idOf: (ani: string): string | undefined => ids.get(ani),
};
