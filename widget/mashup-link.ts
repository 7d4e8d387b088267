/**
 * The widget's side of the channel: finds the mashup, handshakes, sends sequenced events and
 * keeps them until acknowledged, replays them to a new mashup instance, and hands commands on.
 */
import type { Log } from "../channel/log";
import { message, parseToWidget, type AgentState, type Command, type EventBody, type MessageOf, type SnapshotLeg } from "../channel/protocol";
import { Outbox } from "../channel/outbox";
import { HELLO_INTERVAL_MS, LINK_TIMEOUT_MS, PING_INTERVAL_MS, isClosed, newInstanceId, post, receive } from "../channel/receive";
import { frameTree, mashupCandidates, topOf } from "./mashup-finder";

export interface WidgetLinkHost {
  /** The snapshot sent after every handshake. */
  snapshot(): { agent: AgentState; legs: SnapshotLeg[]; complete: boolean; selectedInteractionId?: string };
  /** An event was acknowledged by the mashup. */
  acknowledged(body: EventBody): void;
  /** Runs a command; resolves with an error text on failure. */
  command(command: Command): Promise<string | undefined>;
}

interface Peer {
  window: MessageEventSource;
  origin: string;
  instance: string;
  lastHeard: number;
}

export class WidgetLink {
  readonly instance = newInstanceId();
  readonly #outbox = new Outbox();
  #peer: Peer | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastPing = 0;
  /** Top-level windows the mashup lived in (the SAP tab): searched again when the link drops. */
  readonly #roots: Window[] = [];
  readonly #onMessage = (e: MessageEvent) => this.#handle(e);
  readonly #win: Window;
  readonly #origins: readonly string[];
  readonly #host: WidgetLinkHost;
  readonly #log: Log;
  readonly #now: () => number;

  constructor(win: Window, origins: readonly string[], host: WidgetLinkHost, log: Log, now: () => number = Date.now) {
    this.#win = win;
    this.#origins = origins;
    this.#host = host;
    this.#log = log;
    this.#now = now;
  }

  get linked(): boolean {
    return this.#peer !== undefined;
  }

  get pending(): number {
    return this.#outbox.size;
  }

  start(): void {
    this.#win.addEventListener("message", this.#onMessage);
    this.#sayHello();
    this.#timer = setInterval(() => this.#tick(), Math.min(HELLO_INTERVAL_MS, PING_INTERVAL_MS));
  }

  stop(): void {
    this.#win.removeEventListener("message", this.#onMessage);
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#peer = undefined;
  }

  /** Queues an event; sent at once when linked, replayed after the next handshake otherwise. */
  send(body: EventBody): void {
    const out = this.#outbox.push(body);
    if (this.#peer) this.#postToPeer(message({ t: "event", instance: this.instance, seq: out.seq, body }));
  }

  /** Sends a fresh snapshot (e.g. once the desktop's task list has been read). */
  resync(): void {
    if (this.#peer) this.#sendSnapshot();
  }

  #tick(): void {
    const now = this.#now();
    if (this.#peer && (now - this.#peer.lastHeard > LINK_TIMEOUT_MS || isClosed(this.#peer.window))) {
      this.#log.warn("mashup link lost; looking for it again");
      this.#peer = undefined;
    }
    if (!this.#peer) this.#sayHello();
    else if (now - this.#lastPing >= PING_INTERVAL_MS) {
      this.#lastPing = now;
      this.#postToPeer(message({ t: "ping", instance: this.instance }));
    }
  }

  #sayHello(target?: { window: MessageEventSource; origin: string }): void {
    const hello = message({ t: "hello", role: "widget", instance: this.instance });
    if (target) {
      post(target.window, hello, target.origin, this.#log);
      return;
    }
    const targets = mashupCandidates(this.#win);
    for (const root of this.#roots) for (const w of frameTree(root)) if (w !== this.#win && !targets.includes(w)) targets.push(w);
    for (const w of targets) for (const origin of this.#origins) post(w, hello, origin, this.#log);
  }

  #handle(event: MessageEvent): void {
    const inc = receive(event, this.#origins, this.#log, parseToWidget);
    if (!inc || !inc.source) return;
    const m = inc.message;
    switch (m.t) {
      case "hello":
        if (m.role === "mashup") this.#sayHello({ window: inc.source, origin: inc.origin });
        else this.#log.drop("unexpected", "widget hello");
        return;
      case "welcome":
        if (m.widgetInstance !== this.instance) return this.#log.drop("stale", "welcome for another widget");
        this.#link({ window: inc.source, origin: inc.origin, instance: m.instance, lastHeard: this.#now() });
        return;
      default:
        break;
    }
    const peer = this.#peer;
    if (!peer || peer.instance !== ("instance" in m ? m.instance : "") || peer.window !== inc.source) {
      // A mashup we have not shaken hands with (e.g. it reloaded): invite it to.
      this.#sayHello({ window: inc.source, origin: inc.origin });
      return this.#log.drop("unlinked", m.t);
    }
    peer.lastHeard = this.#now();
    switch (m.t) {
      case "ack": {
        const body = this.#outbox.ack(m.seq);
        if (body) this.#host.acknowledged(body);
        else this.#log.drop("stale", `ack ${m.seq}`);
        return;
      }
      case "command":
        void this.#runCommand(m);
        return;
      case "ping":
        return;
    }
  }

  #link(peer: Peer): void {
    const fresh = !this.#peer || this.#peer.instance !== peer.instance;
    this.#peer = peer;
    const top = topOf(peer.window);
    if (top && top !== this.#win && !this.#roots.includes(top)) {
      this.#roots.push(top);
      if (this.#roots.length > 4) this.#roots.shift();
    }
    if (!fresh) return;
    this.#log.info("linked to the SAP mashup");
    this.#sendSnapshot();
    for (const out of this.#outbox.unacked()) {
      this.#postToPeer(message({ t: "event", instance: this.instance, seq: out.seq, body: out.body }));
    }
  }

  #sendSnapshot(): void {
    const s = this.#host.snapshot();
    const snap: MessageOf<"snapshot"> = message({ t: "snapshot", instance: this.instance, agent: s.agent, legs: s.legs, complete: s.complete });
    if (s.selectedInteractionId) snap.selectedInteractionId = s.selectedInteractionId;
    this.#postToPeer(snap);
  }

  async #runCommand(m: MessageOf<"command">): Promise<void> {
    let error: string | undefined;
    try {
      error = await this.#host.command(m.command);
    } catch (e) {
      error = e instanceof Error ? e.message : "the command failed";
    }
    const result: MessageOf<"result"> = message({ t: "result", instance: this.instance, id: m.id, ok: error === undefined });
    if (error !== undefined) result.error = error.slice(0, 512);
    this.#postToPeer(result);
  }

  #postToPeer(m: Parameters<typeof post>[1]): void {
    if (this.#peer) post(this.#peer.window, m, this.#peer.origin, this.#log);
  }
}
