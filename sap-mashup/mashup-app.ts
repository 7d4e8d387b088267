/**
 * The mashup without its page: links to the widget, keeps SAP in step, takes SAP's click-to-dial.
 * It needs only a window to listen on and post through, so tests and benchmarks run it as is.
 */
import { Log } from "../channel/log";
import { SIGN_OUT_REFUSED, type AgentState, type Leg } from "../channel/protocol";
import type { KeyValueStore } from "../channel/safe-storage";
import { ActivityLedger } from "./activity-ledger";
import { isClickToDial, readClickToDial } from "./click-to-dial";
import { DialIntake } from "./dial-intake";
import type { MashupConfig } from "./config";
import { DesktopLink } from "./desktop-link";
import { DesktopRelay } from "./desktop-relay";
import { NoticeStack, notice, shown, type Notice, type NoticeKind, type Raised } from "./notices";
import { PhoneParserLoader, type PhoneParserLoaderOptions } from "./phone";
import { SapSync } from "./sap-sync";
import { SapWindow } from "./sap-window";
import { TabOwnership, type TabChannel } from "./tab-ownership";
import { isClosed, newInstanceId } from "../channel/receive";

export interface MashupView {
  linkChanged(linked: boolean): void;
  /** A notice was raised (it is also on top of the stack now). */
  notice(n: Notice): void;
  /** The notice stack changed: raised, dismissed or cleared. Newest first. */
  noticesChanged?(items: readonly Raised[]): void;
  render(state: { legs: Leg[]; agent: AgentState | undefined; selected: string | undefined; signOutReason?: string }): void;
  /** This SAP tab owns the pops (true), or another tab has the connector (false): tab-ownership.ts. */
  ownerChanged?(owner: boolean): void;
}

/**
 * Offered when the admin sets no `logoutReasons`; Webex itself keeps none of them
 * (docs/reference/webex-desktop.md §4.4). Shown in the agent's language (catalog ids `reason.*`),
 * logged in English.
 */
export const DEFAULT_LOGOUT_REASONS: readonly string[] = ["End of shift", "Lunch", "Training", "Meeting", "Personal", "Technical problem", "Other"];

export type MashupWindow = Pick<Window, "addEventListener" | "removeEventListener" | "parent" | "postMessage">;

export class MashupApp {
  readonly log = new Log("wxcc-sap mashup");
  readonly link: DesktopLink;
  readonly sync: SapSync;
  readonly sap: SapWindow;
  /** The phone parser chunk, fetched the first time a number is not in canonical E.164 (phone.ts). */
  readonly phone: PhoneParserLoader;
  /** What the agent is told, newest first; notices clear themselves when their cause is gone. */
  readonly notices = new NoticeStack();
  /** SAP's click-to-dial, from this tab's SAP page or forwarded by another tab's. */
  readonly dials: DialIntake;
  readonly #onMessage = (e: MessageEvent) => this.onSapMessage(e);
  readonly #ledger: ActivityLedger;
  /**
   * Registered after the link's own pagehide handler, so an END it takes back is written too, and
   * shared with the tab that owns next.
   */
  readonly #onPageHide = () => {
    this.#ledger.flush();
    this.#tabs?.stop();
  };
  /** One SAP tab owns the pops (tab-ownership.ts), when `coordinate` was called. */
  #tabs: TabOwnership | undefined;
  #relay: DesktopRelay | undefined;
  /** The desktop window this tab opened (alongside). */
  #desktopWindow: Window | undefined;
  /** The reason picked in SAP for the last sign-out, shown until the agent signs in again. */
  #signOutReason: string | undefined;
  /** What the channel waits for while the parser chunk loads. */
  #parserWait: Promise<void> | undefined;
  /** A failure to load the parser chunk was shown and not yet followed by success. */
  #parserFailed = false;
  /** Click-to-dials waiting for the parser chunk; later ones queue behind them, so SAP's order is kept. */
  #stopped = false;

  constructor(
    private readonly win: MashupWindow,
    readonly config: MashupConfig,
    private readonly view: MashupView,
    store: KeyValueStore | undefined,
    private readonly now: () => number = Date.now,
    /** Tests shorten the END acknowledgement grace (desktop-link.ts) to keep runs fast. */
    endAckGraceMs?: number,
    /** Tests delay or fail the parser chunk's fetch, and shorten its retry delays. */
    phone: PhoneParserLoaderOptions = {},
    /**
     * Where the channel to the widget runs: the page's own window (embedded and alongside), or an
     * in-page endpoint when the connector runs in this same page (Webex in SAP, channel/in-page.ts).
     * SAP's messages and the page's lifecycle always come through `win`.
     */
    linkWindow: MashupWindow = win,
  ) {
    this.phone = new PhoneParserLoader((e, retryInMs) => this.parserLoadFailed(e, retryInMs), phone);
    const parent = win.parent as Window | null;
    this.sap = new SapWindow(parent && parent !== (win as unknown) ? parent : null, config.sapOrigins, config.format, this.log);
    this.sync = new SapSync(
      (this.#ledger = new ActivityLedger(store)),
      config,
      {
        post: (p) => this.sap.post(p),
        notice: (n) => this.notice(n),
        clear: (cause, keep) => this.clearNotices(cause, keep),
        changed: () => this.render(),
      },
      now,
    );
    this.link = new DesktopLink(
      linkWindow as Window,
      config.desktopOrigins,
      {
        snapshot: (s) => this.sync.snapshot(s),
        event: (body) => {
          switch (body.kind) {
            case "leg":
              return this.sync.leg(body.leg);
            case "agent":
              if (body.agent.status !== "signed-out") this.#signOutReason = undefined;
              return this.sync.agentChanged(body.agent);
            case "select":
              return this.sync.select(body.interactionId, config.followSelection !== false);
            case "outdial-failed":
              return this.notice(notice("n.outdialFailed", [], { cause: "dial", detail: body.reason }));
          }
        },
        linkChanged: (linked) => {
          if (linked) this.clearNotices("link");
          else this.notice(notice(config.desktopUrl ? "n.linkLost" : "n.linkLostAlongside", [], { cause: "link" }));
          view.linkChanged(linked);
        },
        retract: (body) => {
          if (body.kind === "leg") this.sync.retractEnd(body.leg);
        },
        ready: (m) => (this.phone.loaded || !this.sync.needsParser(m.t === "event" ? m.body : m) ? undefined : this.parserReady()),
      },
      this.log,
      now,
      endAckGraceMs,
    );
    this.dials = new DialIntake(config, this.phone, this.sync.dials, {
      notice: (n) => this.notice(n),
      clearNotices: (cause) => this.clearNotices(cause),
      command: (c) => this.link.command(c),
      stopped: () => this.#stopped,
    }, this.log, now);
  }

  /**
   * Agrees with the other SAP tabs of this site, over `channel`, which one owns the pops (before
   * `start`). Without a channel this tab owns its own, as each did before. With `relay` (the
   * alongside topology) the owner reaches a desktop window only another tab can (desktop-relay.ts).
   */
  coordinate(channel: TabChannel | undefined, relay?: TabChannel): TabOwnership {
    const tab = newInstanceId();
    const tabs = new TabOwnership(
      channel,
      {
        ownerChanged: (owner) => {
          if (!owner) this.link.pause();
          else {
            this.link.resume();
            // Greet whatever desktop window any tab can reach: the widget links at once.
            if (this.#relay) for (const w of [this.#relay.everywhere, this.#relay.desktop]) if (w) this.link.greet(w);
          }
          this.view.ownerChanged?.(owner);
        },
        record: (rec) => this.#ledger.merge(rec),
        records: () => this.#ledger.all(),
        dial: (request) => this.dials.take(request),
      },
      this.log,
      tab,
      this.now,
    );
    this.#ledger.onWrite = (rec) => tabs.shareRecord(rec);
    if (relay && channel) {
      const own = () => this.#desktopWindow !== undefined && !isClosed(this.#desktopWindow);
      this.#relay = new DesktopRelay(relay, this.config.desktopOrigins, { owner: () => tabs.owner, direct: own, deliver: (m) => this.link.handle(m) }, this.log, tab);
    }
    return (this.#tabs = tabs);
  }

  /** The agent wants the pops in this SAP tab. */
  takeOver(): void {
    this.#tabs?.takeOver();
  }

  start(): void {
    // Until the tabs have decided who owns the pops, this one talks to no desktop.
    if (this.#tabs) this.link.pause();
    this.#tabs?.start();
    this.#relay?.start();
    this.link.start();
    this.win.addEventListener("message", this.#onMessage);
    this.win.addEventListener("pagehide", this.#onPageHide);
  }

  stop(): void {
    this.#stopped = true;
    this.#tabs?.stop();
    this.#relay?.stop();
    this.link.stop();
    this.phone.stop();
    this.win.removeEventListener("message", this.#onMessage);
    this.win.removeEventListener("pagehide", this.#onPageHide);
    this.#ledger.flush();
  }

  attachDesktop(desktop: Window): void {
    this.#desktopWindow = desktop;
    this.link.attach(desktop);
  }

  /** Tells the agent (in the stack) and support (in the log, in English, with the technical detail). */
  notice(n: Notice): void {
    this.notices.raise(n, this.now());
    // A leg by its whole ExternalReferenceID, as SAP stores it: what support searches for.
    const about = n.conversation ? ` [conversation ${n.conversation.interactionId}${n.ref ? `, leg ${n.ref}` : ""}]` : "";
    this.log.write(n.level, `${n.text}${about}${n.detail ? ` (${n.detail})` : ""}`);
    this.view.notice(n);
    this.view.noticesChanged?.(this.notices.items);
  }

  /** The agent dismissed a notice. */
  dismissNotice(id: number): void {
    if (this.notices.dismiss(id)) this.view.noticesChanged?.(this.notices.items);
  }

  /** The cause of these notices is gone (see `Notice.cause`): they go too. */
  clearNotices(cause: string, keep: readonly NoticeKind[] = []): void {
    if (this.notices.clear(cause, keep)) this.view.noticesChanged?.(this.notices.items);
  }

  get logoutReasons(): readonly string[] {
    return this.config.logoutReasons ?? DEFAULT_LOGOUT_REASONS;
  }

  /**
   * SAP → Webex: Available, or one of the idle codes the desktop listed (never one of our own).
   * Resolves with the error shown, or undefined once Webex accepted it.
   */
  async setState(state: "available" | "idle", idleCodeId?: string): Promise<string | undefined> {
    const agent = this.sync.agent;
    let label = "Available";
    if (state === "idle") {
      const code = agent?.idleCodes.find((c) => c.id === idleCodeId);
      if (!code) return this.refuse("n.stateUnknownCode", "state", `idle code ${idleCodeId ?? "(none)"} is not configured for this agent`);
      label = code.name;
    }
    if (agent?.status === "signed-out") return this.refuse("n.stateSignedOut", "state");
    this.log.info(`state change requested: ${label}`);
    const command = state === "idle" ? { kind: "set-state" as const, state, idleCodeId: idleCodeId as string } : { kind: "set-state" as const, state };
    const error = await this.link.command(command);
    if (error) return this.refuse("n.stateRefused", "state", error);
    this.clearNotices("state");
    return undefined;
  }

  /** SAP → Webex sign-out, with a reason from the configured list (kept here and in the widget's log). */
  async signOut(reason: string): Promise<string | undefined> {
    if (!this.logoutReasons.includes(reason)) return this.refuse("n.signOutPickReason", "sign-out");
    if (this.sync.agent?.status === "signed-out") return this.refuse("n.signOutAlready", "sign-out");
    // What the mashup knows is open; the widget re-checks with the desktop's own list.
    if (this.sync.legs.size > 0) return this.refuse("n.signOutOpen", "sign-out");
    this.log.info(`sign-out requested, reason: ${reason}`);
    const error = await this.link.command({ kind: "sign-out", reason });
    // The widget refuses as we do when the desktop lists a conversation we had not heard of yet.
    if (error) return this.refuse(error === SIGN_OUT_REFUSED ? "n.signOutOpen" : "n.signOutRefused", "sign-out", error);
    this.clearNotices("sign-out");
    this.#signOutReason = reason;
    this.log.info(`signed out, reason: ${reason}`);
    this.render();
    return undefined;
  }

  private parserReady(): Promise<void> {
    if (this.#parserWait) {
      void this.phone.load(); // a new message: retry now if the backoff allows
      return this.#parserWait;
    }
    return (this.#parserWait = this.phone.ready().then(() => {
      this.#parserWait = undefined;
      if (!this.#parserFailed) return;
      this.#parserFailed = false;
      this.log.info("the phone number parser loaded: SAP is brought up to date");
      this.clearNotices("parser");
    }));
  }

  private parserLoadFailed(e: unknown, retryInMs: number): void {
    this.log.warn(`the phone number parser did not load (${(e as Error)?.message ?? "error"}); retrying in ${retryInMs} ms`);
    if (this.#parserFailed || this.#stopped) return;
    this.#parserFailed = true;
    this.notice(notice("n.parserFailed", [], { cause: "parser" }));
  }

  /** Tells the agent why their request was not done; resolves the request with the same (English) text. */
  private refuse(kind: NoticeKind, cause: string, detail?: string): string {
    const n = notice(kind, [], { cause, detail });
    this.notice(n);
    return n.text;
  }

  private render(): void {
    const state: Parameters<MashupView["render"]>[0] = { legs: [...this.sync.legs.values()], agent: this.sync.agent, selected: this.sync.selected };
    if (this.#signOutReason) state.signOutReason = this.#signOutReason;
    this.view.render(state);
  }

  /** SAP → mashup: click-to-dial (contract §6). Only from a configured SAP origin. */
  private onSapMessage(e: MessageEvent): void {
    // Standing by in the alongside topology, what the desktop window says goes to the owner.
    if (this.#relay?.fromWindow(e)) return;
    let data: unknown;
    try {
      data = e.data;
    } catch {
      return;
    }
    if (!isClickToDial(data)) return;
    if (!this.config.sapOrigins.includes(e.origin)) return this.log.drop("origin", `click-to-dial from ${e.origin}`);
    if (this.#tabs?.standingBy) {
      this.#tabs.forwardDial(data);
      const c = readClickToDial(data);
      return this.notice(notice("n.dialForwarded", [shown(c?.PhoneNumber ?? "")], { cause: "dial", detail: "dialled by the SAP tab that has the connector" }));
    }
    this.dials.take(data);
  }
}
