/**
 * The mashup's side of the channel: welcomes the widget, acknowledges its events once they are
 * handled (so anything unacknowledged is replayed, and nothing is handled twice), and sends commands.
 */
import type { Log } from "../channel/log";
import { message, parseToMashup, type Command, type EventBody, type MessageOf } from "../channel/protocol";
import { LINK_TIMEOUT_MS, PING_INTERVAL_MS, newInstanceId, post, receive } from "../channel/receive";

export interface DesktopLinkHost {
  snapshot(s: MessageOf<"snapshot">): void;
  event(body: EventBody): void;
  linkChanged(linked: boolean): void;
  /** An event was handled but, the page going away, will never be acknowledged: forget its effect. */
  retract?(body: EventBody): void;
  /**
   * Undefined when this message can be handled now; otherwise a promise that settles when it may
   * be asked again (e.g. the phone parser chunk is loading). Until then this message and every
   * later one wait, in order and unacknowledged, so the widget keeps them all and replays them to
   * the next mashup should this one go away.
   */
  ready?(m: Inbound): Promise<unknown> | undefined;
}

/** The messages that carry the widget's picture, handled strictly in the order they came. */
export type Inbound = MessageOf<"snapshot"> | MessageOf<"event">;

interface Peer {
  window: MessageEventSource;
  origin: string;
  instance: string;
  lastHeard: number;
  /** Sequence numbers already handled for this widget instance. */
  seen: Set<number>;
  maxSeen: number;
}

/** A command's answer while another SAP tab has the connector. */
export const PAUSED = "Another SAP tab has the connector.";
/** A command's answer when no widget is linked (the mashup tells the agent to wait for the link). */
export const NOT_LINKED = "The Agent Desktop is not linked.";
/** How long to wait for the widget's answer to a command. */
export const COMMAND_TIMEOUT_MS = 15000;
/** Handled sequence numbers older than this many are forgotten (the widget never replays that far back). */
export const SEEN_WINDOW = 10000;
/**
 * How long the acknowledgement of a leg's END is held back. When the SAP page reloads, a payload
 * posted to it just before its document is replaced is silently lost, and the mashup cannot see
 * that across origins; but its own page is torn down in the same moment (`pagehide`). An END not
 * yet acknowledged then is replayed by the widget to the next mashup. A duplicate END is harmless;
 * a lost one leaves an activity open for ever. NOTIFY and ACCEPT are acknowledged at once, so a
 * reload can never cause a second activity.
 */
export const END_ACK_GRACE_MS = 600;

export class DesktopLink {
  readonly instance = newInstanceId();
  #peer: Peer | undefined;
  #target: { window: Window; origins: readonly string[] } | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #nextCommand = 1;
  readonly #waiting = new Map<string, { resolve(error: string | undefined): void; timer: ReturnType<typeof setTimeout> }>();
  readonly #onMessage = (e: MessageEvent) => this.handle(e);
  readonly #onPageHide = () => this.pageHidden();
  readonly #onPageShow = () => {
    this.#hidden = false;
    this.drain();
  };
  /** The page is being unloaded (or frozen into the back-forward cache): acknowledge nothing more. */
  #hidden = false;
  /** Another SAP tab owns the pops: no link, nothing handled (see `pause`). */
  #paused = false;
  /**
   * This frame started its own navigation (e.g. a reload of the mashup alone): SAP's page stays,
   * so an END posted to it was delivered. The Navigation API's `navigate` event fires only for
   * navigations of this frame itself, not when the SAP page around it is reloaded.
   */
  #selfNavigating = false;
  readonly #onNavigate = () => (this.#selfNavigating = true);
  readonly #deferred = new Map<number, { body: EventBody; timer: ReturnType<typeof setTimeout> }>();
  /** Inbound messages not handled yet, oldest first: the first waits for `host.ready`, the rest behind it. */
  #held: { peer: Peer; m: Inbound }[] = [];
  #waitingForHost = false;

  readonly #win: Window;
  readonly #origins: readonly string[];
  readonly #host: DesktopLinkHost;
  readonly #log: Log;
  readonly #now: () => number;
  readonly #endAckGraceMs: number;

  constructor(win: Window, origins: readonly string[], host: DesktopLinkHost, log: Log, now: () => number = Date.now, endAckGraceMs = END_ACK_GRACE_MS) {
    this.#win = win;
    this.#origins = origins;
    this.#host = host;
    this.#log = log;
    this.#now = now;
    this.#endAckGraceMs = endAckGraceMs;
  }

  get linked(): boolean {
    return this.#peer !== undefined;
  }

  /** ENDs handled whose acknowledgement is still held back. */
  get deferredAcks(): number {
    return this.#deferred.size;
  }

  /** Inbound messages waiting to be handled (see `DesktopLinkHost.ready`). */
  get heldMessages(): number {
    return this.#held.length;
  }

  start(): void {
    this.#win.addEventListener("message", this.#onMessage);
    this.#win.addEventListener("pagehide", this.#onPageHide);
    this.#win.addEventListener("pageshow", this.#onPageShow);
    navigationOf(this.#win)?.addEventListener("navigate", this.#onNavigate);
    this.#timer = setInterval(() => this.tick(), PING_INTERVAL_MS);
  }

  stop(): void {
    this.#win.removeEventListener("message", this.#onMessage);
    this.#win.removeEventListener("pagehide", this.#onPageHide);
    this.#win.removeEventListener("pageshow", this.#onPageShow);
    navigationOf(this.#win)?.removeEventListener("navigate", this.#onNavigate);
    for (const d of this.#deferred.values()) clearTimeout(d.timer);
    this.#deferred.clear();
    this.#held = [];
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    for (const [, w] of this.#waiting) {
      clearTimeout(w.timer);
      w.resolve("the mashup stopped");
    }
    this.#waiting.clear();
  }

  /** Another SAP tab has the connector (tab-ownership.ts): this one talks to no widget. */
  get paused(): boolean {
    return this.#paused;
  }

  /**
   * Stands by while another SAP tab owns the pops. ENDs whose acknowledgement was held back are
   * confirmed now: this page stays, so SAP got them. Whatever was not handled yet stays
   * unacknowledged, so the widget gives it to the owner (alongside) or to this tab again when it
   * owns once more (embedded: its own desktop).
   */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    const peer = this.#peer;
    for (const [seq, { timer }] of this.#deferred) {
      clearTimeout(timer);
      if (peer) post(peer.window, message({ t: "ack", instance: this.instance, seq }), peer.origin, this.#log);
    }
    this.#deferred.clear();
    this.#held = [];
    for (const [, w] of this.#waiting) {
      clearTimeout(w.timer);
      w.resolve(PAUSED);
    }
    this.#waiting.clear();
    // Not a lost link: the page says another tab has the connector (MashupView.ownerChanged).
    this.#peer = undefined;
  }

  /** This tab owns the pops again: link to the desktop as at start. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.invite();
  }

  /** Invites a desktop window we know of (the embedded frame, or the window we opened) to link. */
  attach(window: Window): void {
    this.#target = { window, origins: this.#origins };
    this.invite();
  }

  /** Sends a command; resolves with an error text, or undefined on success. */
  command(command: Command): Promise<string | undefined> {
    const peer = this.#peer;
    if (!peer) return Promise.resolve(NOT_LINKED);
    const id = `c${this.#nextCommand++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        resolve("The Agent Desktop did not answer in time.");
      }, COMMAND_TIMEOUT_MS);
      this.#waiting.set(id, { resolve, timer });
      post(peer.window, message({ t: "command", instance: this.instance, id, command }), peer.origin, this.#log);
    });
  }

  private invite(): void {
    if (this.#target) this.greet(this.#target.window);
  }

  /** Invites a desktop in `window` to link (a stand-in of desktop-relay.ts, say), unless standing by. */
  greet(window: MessageEventSource): void {
    if (this.#paused) return;
    const hello = message({ t: "hello", role: "mashup", instance: this.instance });
    for (const origin of this.#origins) post(window, hello, origin, this.#log);
  }

  private tick(): void {
    if (this.#paused) return;
    const peer = this.#peer;
    if (peer && this.#now() - peer.lastHeard > LINK_TIMEOUT_MS) {
      this.#peer = undefined;
      this.#log.warn("Agent Desktop link lost");
      this.#host.linkChanged(false);
    }
    if (!this.#peer || !peer) this.invite();
    else post(peer.window, message({ t: "ping", instance: this.instance }), peer.origin, this.#log);
  }

  /** A message from the desktop that reached us another way (desktop-relay.ts): handled as if posted to this window. */
  handle(event: Pick<MessageEvent, "data" | "origin" | "source">): void {
    const inc = receive(event, this.#origins, this.#log, parseToMashup);
    if (!inc || !inc.source) return;
    if (this.#paused) return this.#log.drop("standby", inc.message.t);
    const m = inc.message;
    if (m.t === "hello") {
      if (m.role !== "widget") return this.#log.drop("unexpected", "mashup hello");
      this.welcome(inc.source, inc.origin, m.instance);
      return;
    }
    const peer = this.#peer;
    if (!peer || !("instance" in m) || m.instance !== peer.instance || inc.source !== peer.window) {
      // Not the widget we linked with; a widget announces itself with hello, so ask it to.
      post(inc.source, message({ t: "hello", role: "mashup", instance: this.instance }), inc.origin, this.#log);
      return this.#log.drop("unlinked", m.t);
    }
    peer.lastHeard = this.#now();
    switch (m.t) {
      case "snapshot":
      case "event":
        this.inbound(peer, m);
        return;
      case "result": {
        const w = this.#waiting.get(m.id);
        if (!w) return this.#log.drop("stale", "result");
        this.#waiting.delete(m.id);
        clearTimeout(w.timer);
        w.resolve(m.ok ? undefined : m.error ?? "The Agent Desktop refused the command.");
        return;
      }
      case "ping":
        return;
    }
  }

  private welcome(source: MessageEventSource, origin: string, instance: string): void {
    const known = this.#peer && this.#peer.instance === instance && this.#peer.window === source;
    if (!known) {
      this.#peer = { window: source, origin, instance, lastHeard: this.#now(), seen: new Set(), maxSeen: 0 };
      this.#log.info("Agent Desktop linked");
      this.#host.linkChanged(true);
    } else if (this.#peer) this.#peer.lastHeard = this.#now();
    post(source, message({ t: "welcome", instance: this.instance, widgetInstance: instance }), origin, this.#log);
  }

  private pageHidden(): void {
    this.#hidden = true;
    for (const [seq, { body, timer }] of this.#deferred) {
      clearTimeout(timer);
      // Only this frame is going: SAP got the END, confirm it now. Otherwise SAP's page may be
      // going too: take the END back so the next mashup posts it (at least once, never lost).
      if (this.#selfNavigating && this.#peer) post(this.#peer.window, message({ t: "ack", instance: this.instance, seq }), this.#peer.origin, this.#log);
      else this.#host.retract?.(body);
    }
    this.#deferred.clear();
  }

  private inbound(peer: Peer, m: Inbound): void {
    // A widget that linked again replays what it has not had acknowledged: one copy waits, not two.
    if (m.t === "event" && this.#held.some((h) => h.m.t === "event" && h.m.seq === m.seq && h.peer.instance === peer.instance)) return;
    this.#held.push({ peer, m });
    this.drain();
  }

  private drain(): void {
    // While the page is hidden nothing is handled: it is either going (the widget replays all of it
    // to the next mashup) or frozen in the back-forward cache (handled on pageshow).
    for (let next = this.#held[0]; next && !this.#hidden; next = this.#held[0]) {
      // Asked again for each new arrival too: the host may take that as the moment to retry.
      const wait = this.#host.ready?.(next.m);
      if (wait) {
        if (this.#waitingForHost) return;
        this.#waitingForHost = true;
        const again = () => {
          this.#waitingForHost = false;
          this.drain();
        };
        wait.then(again, again);
        return;
      }
      this.#held.shift();
      if (next.m.t === "event") this.event(next.peer, next.m);
      else {
        try {
          this.#host.snapshot(next.m);
        } catch (e) {
          this.#log.error(`could not handle a snapshot: ${(e as Error)?.message ?? "error"}`);
        }
      }
    }
  }

  private event(peer: Peer, m: MessageOf<"event">): void {
    const ack = () => post(peer.window, message({ t: "ack", instance: this.instance, seq: m.seq }), peer.origin, this.#log);
    if (this.#deferred.has(m.seq)) return; // acknowledged when its grace period is over
    if (peer.seen.has(m.seq) || m.seq <= peer.maxSeen - SEEN_WINDOW) return void ack();
    try {
      this.#host.event(m.body);
    } catch (e) {
      // Not acknowledged: the widget replays it after the next handshake.
      this.#log.error(`could not handle an event: ${(e as Error)?.message ?? "error"}`);
      return;
    }
    peer.seen.add(m.seq);
    if (m.seq > peer.maxSeen) peer.maxSeen = m.seq;
    // Events are handled in sequence order, so the set's insertion order is oldest first: stop at the
    // first one still inside the window instead of walking all SEEN_WINDOW entries on every event.
    if (peer.seen.size > SEEN_WINDOW) {
      for (const s of peer.seen) {
        if (s > peer.maxSeen - SEEN_WINDOW) break;
        peer.seen.delete(s);
      }
    }
    if (m.body.kind !== "leg" || m.body.leg.phase !== "ended") return void ack();
    const timer = setTimeout(() => {
      this.#deferred.delete(m.seq);
      if (!this.#hidden) ack();
    }, this.#endAckGraceMs);
    this.#deferred.set(m.seq, { body: m.body, timer });
  }
}

/** The Navigation API, where the browser has it (Chromium; elsewhere the END is simply taken back). */
function navigationOf(win: Window): EventTarget | undefined {
  try {
    const nav = (win as unknown as { navigation?: EventTarget }).navigation;
    return nav && typeof nav.addEventListener === "function" ? nav : undefined;
  } catch {
    return undefined;
  }
}
