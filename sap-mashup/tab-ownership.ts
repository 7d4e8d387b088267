/**
 * One SAP tab owns the pops (issue 14). An agent who opens SAP in a second tab or window must not
 * get every screen pop and activity twice: the mashups of one SAP site in one browser agree that
 * exactly one of them talks to the Agent Desktop and posts to SAP; the others stand by and say so,
 * with a control to take over.
 *
 * How they agree: a `BroadcastChannel`, which reaches every mashup frame of our origin under the
 * same SAP site, also where the browser blocks third-party storage (checked in Chromium: Web Locks
 * and sessionStorage are refused there, the channel is not). The first tab keeps ownership until it
 * goes (it says so on `pagehide`; a crashed one is noticed when its heartbeat stops) or until the
 * agent takes over in another tab. Each change of owner opens a new term, so a heartbeat still in
 * flight from the previous owner cannot win ownership back; two claims in the same term (two tabs
 * inheriting at once) are settled by the lower tab id. The owner also shares its ledger of what SAP was told, so a tab
 * that takes over (or inherits) ownership posts only what SAP is still missing: no second activity,
 * no lost END. Where the browser has no BroadcastChannel every tab owns its pops, as before.
 *
 * Timers are a fallback only: browsers slow timers in background tabs to once a minute, so a crash
 * can take that long to be noticed; an orderly close, a reload and a take-over are immediate.
 */
import type { Log } from "../channel/log";
import type { LegRecord } from "./sap-payload";

export const TAB_CHANNEL = "wxcc-sap-tabs";
/** How long a starting tab listens for an owner before it owns the pops itself. */
export const CLAIM_WAIT_MS = 800;
export const HEARTBEAT_MS = 2000;
/** An owner unheard for this long is taken to be gone (crashed or frozen). */
export const OWNER_SILENT_MS = 10000;

/** The part of `BroadcastChannel` used here (tests give an in-memory one). */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: "message", fn: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", fn: (e: MessageEvent) => void): void;
  close(): void;
}

export interface TabOwnershipHost {
  /** This tab now owns the pops (true) or stands by (false). */
  ownerChanged(owner: boolean): void;
  /** What SAP was told about a leg, as the owner recorded it: unchecked, the ledger checks it. */
  record(rec: unknown): void;
  /** Everything this tab's ledger knows, for a tab that joins. */
  records(): LegRecord[];
  /** SAP's click-to-dial, made in a tab that stands by: the owner dials. */
  dial(request: unknown): void;
}

type TabMessage =
  | { t: "who"; tab: string }
  | { t: "owner"; tab: string; term: number; since: number }
  | { t: "take"; tab: string; term: number; since: number }
  | { t: "bye"; tab: string }
  | { t: "record"; tab: string; rec: unknown }
  | { t: "records"; tab: string; to: string; recs: unknown[] }
  | { t: "dial"; tab: string; request: unknown };

const KINDS = new Set(["who", "owner", "take", "bye", "record", "records", "dial"]);

/** Our own code on the other end, but a frame of ours may run an older version: check the shape. */
function read(data: unknown): TabMessage | undefined {
  const m = data as Partial<TabMessage> | null;
  if (typeof m !== "object" || m === null || !KINDS.has(String(m.t)) || typeof m.tab !== "string") return undefined;
  if ((m.t === "owner" || m.t === "take") && (!Number.isSafeInteger(m.term) || typeof m.since !== "number")) return undefined;
  if (m.t === "record" && (typeof m.rec !== "object" || m.rec === null)) return undefined;
  if (m.t === "records" && (typeof m.to !== "string" || !Array.isArray(m.recs))) return undefined;
  return m as TabMessage;
}

/**
 * A channel the SAP tabs of this site coordinate on (`name`: who owns the pops, TAB_CHANNEL; the
 * relay to a desktop window, desktop-relay.ts), or none where the browser has no BroadcastChannel:
 * then this tab owns its pops alone. Named after the Agent Desktop the tabs talk to: the agent's
 * tabs compete for one desktop, while pages for other desktops (the sandbox's second agent, beside
 * the first in one window) have nothing to agree on. The "Webex in SAP" pane names the desktop the
 * same agent may also use (`webexDesktopOrigin`), so it joins that desktop's tabs: one posts to SAP.
 */
export function openTabChannel(win: Window & typeof globalThis, name: string, desktopOrigins: readonly string[]): TabChannel | undefined {
  try {
    return typeof win.BroadcastChannel === "function" ? new win.BroadcastChannel(`${name} ${desktopOrigins.join(" ")}`) : undefined;
  } catch {
    return undefined;
  }
}

export class TabOwnership {
  #owner = false;
  /** Whether ownerChanged was called at all: the page waits for the first answer. */
  #decided = false;
  /** The highest ownership term seen; this tab's own while it owns. */
  #term = 0;
  /** When this tab became owner (its clock): of two claims in one term, the older stands. */
  #since = 0;
  #ownerTab: string | undefined;
  /** Another tab of this site has said anything at all (see `shareRecord`). */
  #othersHeard = false;
  #ownerHeard = 0;
  #claimTimer: ReturnType<typeof setTimeout> | undefined;
  #beat: ReturnType<typeof setInterval> | undefined;
  readonly #onMessage = (e: MessageEvent) => this.handle(e.data);

  constructor(
    private readonly channel: TabChannel | undefined,
    private readonly host: TabOwnershipHost,
    private readonly log: Log,
    readonly tab: string,
    private readonly now: () => number = Date.now,
  ) {}

  get owner(): boolean {
    return this.#owner;
  }

  /** Another tab has the pops (false also while this tab has not heard yet). */
  get standingBy(): boolean {
    return this.#decided && !this.#owner;
  }

  /** Whether tabs can coordinate at all (false: this tab owns its pops alone). */
  get shared(): boolean {
    return this.channel !== undefined;
  }

  start(): void {
    if (!this.channel) return this.become(true);
    this.channel.addEventListener("message", this.#onMessage);
    this.send({ t: "who", tab: this.tab });
    this.#claimTimer = setTimeout(() => this.claim(), CLAIM_WAIT_MS);
    this.#beat = setInterval(() => this.tick(), HEARTBEAT_MS);
  }

  /** The page goes away: an owner hands over at once instead of after a silence. */
  stop(): void {
    if (this.#owner) this.send({ t: "bye", tab: this.tab });
    if (this.#claimTimer) clearTimeout(this.#claimTimer);
    if (this.#beat) clearInterval(this.#beat);
    this.#claimTimer = this.#beat = undefined;
    this.channel?.removeEventListener("message", this.#onMessage);
    try {
      this.channel?.close();
    } catch {
      /* already closed */
    }
  }

  /** The agent asked for the pops in this tab. */
  takeOver(): void {
    if (this.#owner) return;
    this.#term++;
    this.#since = this.now();
    this.send({ t: "take", tab: this.tab, term: this.#term, since: this.#since });
    this.log.info("this SAP tab takes over the connector");
    this.become(true);
  }

  /**
   * This tab can no longer deliver (the "Webex in SAP" pane whose session Webex closed for a newer
   * one, docs/reference/webex-cc-sdk.md §3.6): it hands the pops to the other tabs at once, as on
   * `pagehide`, and stands by until the agent takes over again.
   */
  release(): void {
    if (this.#owner) {
      this.send({ t: "bye", tab: this.tab });
      this.become(false);
    }
  }

  /**
   * SAP's click-to-dial arrived in this tab while another owns the pops: the agent clicked here, the
   * owner dials (its desktop link is the one that can). Checked again by the owner like any
   * click-to-dial from SAP.
   */
  forwardDial(request: unknown): void {
    if (!this.#owner) this.send({ t: "dial", tab: this.tab, request });
  }

  /**
   * The owner shares each record it writes, so whichever tab owns next knows what SAP has. Alone
   * (no other tab ever heard) there is nobody to tell: a tab that joins later asks, and gets every
   * record at once (`who` → `records`), so the usual single tab posts nothing per payload here.
   */
  shareRecord(rec: LegRecord): void {
    if (this.#owner && this.#othersHeard) this.send({ t: "record", tab: this.tab, rec });
  }

  private handle(data: unknown): void {
    const m = read(data);
    if (!m) return this.log.drop("malformed", "tab message");
    if (m.tab === this.tab) return;
    this.#othersHeard = true;
    switch (m.t) {
      case "who":
        if (!this.#owner) return;
        this.send({ t: "owner", tab: this.tab, term: this.#term, since: this.#since });
        this.send({ t: "records", tab: this.tab, to: m.tab, recs: this.host.records() });
        return;
      case "owner":
      case "take":
        return this.ownerSeen(m.tab, m.term, m.since);
      case "bye":
        if (m.tab !== this.#ownerTab) return;
        this.#ownerTab = undefined;
        // Every waiting tab claims; of several at once the earliest claim keeps it (see "owner").
        return this.claim();
      case "record":
        return this.host.record(m.rec);
      case "records":
        if (m.to === this.tab) for (const rec of m.recs) this.host.record(rec);
        return;
      case "dial":
        if (this.#owner) this.host.dial(m.request);
        return;
    }
  }

  /** Another tab says it owns, in `term`. */
  private ownerSeen(tab: string, term: number, since: number): void {
    // A heartbeat from an owner since replaced, or the loser of a tie: this tab's claim stands.
    const older = this.#since < since || (this.#since === since && this.tab < tab);
    const mine = this.#owner && (term < this.#term || (term === this.#term && older));
    if (mine) return this.send({ t: "owner", tab: this.tab, term: this.#term, since: this.#since });
    if (term < this.#term) return;
    this.#term = term;
    this.follow(tab);
  }

  /** Another tab owns: stand by. */
  private follow(tab: string): void {
    if (this.#claimTimer) clearTimeout(this.#claimTimer);
    this.#claimTimer = undefined;
    this.#ownerTab = tab;
    this.#ownerHeard = this.now();
    if (this.#owner) this.log.info("another SAP tab has the connector now");
    this.become(false);
  }

  private claim(): void {
    this.#claimTimer = undefined;
    if (this.#owner || this.#ownerTab) return;
    this.#term++;
    this.#since = this.now();
    this.send({ t: "owner", tab: this.tab, term: this.#term, since: this.#since });
    this.become(true);
  }

  private tick(): void {
    if (this.#owner) return this.send({ t: "owner", tab: this.tab, term: this.#term, since: this.#since });
    if (this.#ownerTab && this.now() - this.#ownerHeard > OWNER_SILENT_MS) {
      this.log.warn("the SAP tab that had the connector went silent; taking over");
      this.#ownerTab = undefined;
      this.claim();
    }
  }

  private become(owner: boolean): void {
    if (this.#decided && owner === this.#owner) return;
    this.#decided = true;
    this.#owner = owner;
    this.host.ownerChanged(owner);
  }

  private send(m: TabMessage): void {
    try {
      this.channel?.postMessage(m);
    } catch (e) {
      this.log.debug(`tab message not sent: ${(e as Error)?.name ?? "error"}`);
    }
  }
}
