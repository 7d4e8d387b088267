/**
 * Browser bundle for the benchmark's desktop frame: the emulated Webex host (the same sandbox the
 * tests use) installed as `window.AGENTX_SERVICE` before dist/widget.js loads the real SDK, and
 * hooks the driver calls to start and finish conversations. t0 is taken just before the host
 * emits the offer signal, on the time base shared by all frames (timeOrigin + now).
 */
import { ContactCenter } from "../sandbox/desktop-host/contact-center";

const AGENT = "bench0000-0000-4000-8000-000000000001";
const cc = new ContactCenter();
// Routing offers only to Available agents; the bench measures pops, so its agent is Available.
const host = cc.addAgent({ agentId: AGENT, agentName: "Bench Agent", initialState: "Available" });
host.ready();
(window as unknown as { AGENTX_SERVICE: unknown }).AGENTX_SERVICE = host;

const ids = new Map<string, string>();
const t0 = new Map<string, number>();

(window as unknown as { bench: unknown }).bench = {
  /** Offers a call from `ani`; returns t0. */
  start(ani: string): number {
    const t = performance.timeOrigin + performance.now();
    t0.set(ani, t);
    ids.set(ani, cc.inbound({ from: ani, to: AGENT }));
    return t;
  },
  /**
   * Ends it (RONA) so the connector holds no more than one conversation at a time. RONA sends the
   * call back to its queue and sets the agent to the RONA idle state: the customer then hangs up
   * in the queue, and the agent goes Available again for the next offer.
   */
  finish(ani: string): void {
    const id = ids.get(ani);
    if (id) {
      cc.rona(id, AGENT);
      cc.customerEnds(id);
    }
    ids.delete(ani);
    void cc.stateChange(AGENT, "Available", "0");
  },
  t0s: (): Record<string, number> => Object.fromEntries(t0),
};
