/**
 * Alongside topology, two SAP tabs, one desktop window: the tab that takes over the pops must
 * talk to a desktop window it cannot reach. Browsers keep a window's opener and its named windows
 * per tab, so the desktop window the agent opened from one tab (its widget finds that tab's mashup
 * through `window.opener`) is out of reach of the other tab's mashup. Both mashups, though, share
 * a `BroadcastChannel` (same origin, same SAP site): the tab that can reach the desktop window
 * relays, and the tab that owns the pops talks to the desktop through it.
 *
 * - A tab standing by passes what a desktop window says to it up the channel (`up`), and passes
 *   what the owner sends down (`down`) to that window.
 * - The owner hands what comes up to its desktop link as if the desktop had posted it, from a
 *   stand-in window per relaying tab whose `postMessage` sends `down` to that tab. The link's
 *   protocol is unchanged: the widget sees a mashup that reloaded (a new instance from the same
 *   frame), shakes hands again and sends its snapshot and everything unacknowledged, and the
 *   ledger the tabs share keeps SAP from getting anything twice (tab-ownership.ts).
 * - `everywhere` is a stand-in window for "whatever desktop any tab can reach": the new owner
 *   greets through it, so the widget links at once rather than at its next ping.
 *
 * Only in the alongside topology: embedded, each tab frames its own desktop. An owner with its own
 * desktop window linked ignores relays (two widgets would take turns at its one link).
 */
import type { Log } from "../channel/log";
import type { TabChannel } from "./tab-ownership";

/** The name of the relay's channel: apart from the tabs' ownership talk, per desktop origins. */
export const RELAY_CHANNEL = "wxcc-sap-relay";

/** What the owner's desktop link gets: a message event's fields, from a stand-in window. */
export interface RelayedMessage {
  data: unknown;
  origin: string;
  source: MessageEventSource;
}

export interface DesktopRelayHost {
  /** Whether this tab owns the pops now. */
  owner(): boolean;
  /** Whether this tab has a desktop window of its own linked (then it takes no relays). */
  direct(): boolean;
  /** The owner's desktop link handles a relayed message as one from the desktop. */
  deliver(m: RelayedMessage): void;
}

type RelayMessage = { t: "up"; from: string; origin: string; data: unknown } | { t: "down"; to: string; origin: string; data: unknown };

const EVERY_TAB = "*";

function read(data: unknown): RelayMessage | undefined {
  const m = data as Partial<RelayMessage> | null;
  if (typeof m !== "object" || m === null || typeof m.origin !== "string") return undefined;
  if (m.t === "up" && typeof m.from === "string") return m as RelayMessage;
  if (m.t === "down" && typeof m.to === "string") return m as RelayMessage;
  return undefined;
}

export class DesktopRelay {
  /** The desktop window that last spoke to this tab, and its origin: where `down` goes. */
  #desktop: { window: MessageEventSource; origin: string } | undefined;
  readonly #standIns = new Map<string, MessageEventSource>();
  readonly #onMessage = (e: MessageEvent) => this.handle(e.data);
  /** The stand-in for any desktop window any tab can reach. */
  readonly everywhere: MessageEventSource;

  constructor(
    private readonly channel: TabChannel,
    private readonly desktopOrigins: readonly string[],
    private readonly host: DesktopRelayHost,
    private readonly log: Log,
    private readonly tab: string,
  ) {
    this.everywhere = this.standIn(EVERY_TAB);
  }

  /** The desktop window that spoke to this tab while it stood by, if one did. */
  get desktop(): MessageEventSource | undefined {
    return this.#desktop?.window;
  }

  start(): void {
    this.channel.addEventListener("message", this.#onMessage);
  }

  stop(): void {
    this.channel.removeEventListener("message", this.#onMessage);
  }

  /**
   * A message reached this tab's window. From a desktop window while another tab owns the pops:
   * relayed to the owner (returns true). Anything else is not the relay's business.
   */
  fromWindow(e: MessageEvent): boolean {
    let origin: string, source: MessageEventSource | null, data: unknown;
    try {
      ({ origin, source, data } = e);
    } catch {
      return false;
    }
    if (this.host.owner() || !source || !this.desktopOrigins.includes(origin)) return false;
    this.#desktop = { window: source, origin };
    this.send({ t: "up", from: this.tab, origin, data });
    return true;
  }

  private handle(raw: unknown): void {
    const m = read(raw);
    if (!m) return this.log.drop("malformed", "relay message");
    if (m.t === "up") {
      if (m.from === this.tab || !this.host.owner() || this.host.direct()) return;
      if (!this.desktopOrigins.includes(m.origin)) return this.log.drop("origin", `relayed from ${m.origin}`);
      return this.host.deliver({ data: m.data, origin: m.origin, source: this.standIn(m.from) });
    }
    if (m.to !== this.tab && m.to !== EVERY_TAB) return;
    // The owner's link picks the target origin; it must be the desktop's, as posting directly would.
    const d = this.#desktop;
    if (!d || this.host.owner() || m.origin !== d.origin) return;
    try {
      d.window.postMessage(m.data, { targetOrigin: d.origin });
    } catch (e) {
      this.log.debug(`relay to the desktop failed: ${(e as Error)?.name ?? "error"}`);
    }
  }

  /** A window-like object standing for the desktop reached through tab `to`. */
  private standIn(to: string): MessageEventSource {
    let w = this.#standIns.get(to);
    if (!w) {
      const post = (data: unknown, origin: unknown) => {
        const target = typeof origin === "string" ? origin : (origin as { targetOrigin?: string } | undefined)?.targetOrigin ?? "/";
        this.send({ t: "down", to, origin: target, data });
      };
      w = { postMessage: post } as unknown as MessageEventSource;
      this.#standIns.set(to, w);
    }
    return w;
  }

  private send(m: RelayMessage): void {
    try {
      this.channel.postMessage(m);
    } catch (e) {
      this.log.debug(`relay message not sent: ${(e as Error)?.name ?? "error"}`);
    }
  }
}
