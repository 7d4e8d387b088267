/**
 * Wires the widget together: desktop events → tracker → channel events; mashup commands → SDK.
 * No DOM and no SDK import: it runs against any `DesktopPort` and any window.
 */
import { Log } from "../channel/log";
import type { Command, EventBody, Leg, LegPhase, SnapshotLeg } from "../channel/protocol";
import { agentStateFrom } from "./agent-state";
import { ConversationTracker } from "./conversation-tracker";
import type { DesktopPort } from "./desktop-port";
import { WidgetLink, type WidgetLinkHost } from "./mashup-link";
import { failureReason, outdialRequest } from "./outdial";

export interface ConnectorOptions {
  mashupOrigins: readonly string[];
  outdialEp?: string;
  outdialAni?: string;
}

const RANK: Record<SnapshotLeg["acked"], number> = { none: 0, offered: 1, connected: 2, ended: 3 };

/** Webex accepts only fixed sign-out reasons (reference webex-desktop.md §3.7). */
export const WEBEX_LOGOUT_REASON = "User requested logout";

export class WidgetConnector {
  readonly log = new Log("wxcc-sap widget");
  readonly tracker = new ConversationTracker();
  readonly link: WidgetLink;
  private readonly acked = new Map<string, SnapshotLeg["acked"]>();
  private tasksRead = false;
  private selected: string | undefined;
  private pendingDial: { reject(reason: string): void } | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly port: DesktopPort,
    win: Window,
    private options: ConnectorOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.link = new WidgetLink(
      win,
      options.mashupOrigins,
      {
        snapshot: () => this.snapshot(),
        acknowledged: (body) => this.acknowledged(body),
        command: (c) => this.command(c),
      },
      this.log,
      now,
    );
  }

  setOutdial(ep: string | undefined, ani: string | undefined): void {
    this.options = { ...this.options, outdialEp: ep, outdialAni: ani };
  }

  async start(): Promise<void> {
    this.link.start();
    await this.port.init();
    this.unsubscribe.push(
      this.port.onContactEvent((signal, msg) => this.onContactEvent(signal, msg)),
      this.port.onOutdialFailed((msg) => this.onOutdialFailed(msg)),
      this.port.onAgentUpdated(() => this.link.send({ kind: "agent", agent: this.agentState() })),
    );
    this.link.send({ kind: "agent", agent: this.agentState() });
    await this.rehydrate();
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((u) => u());
    this.link.stop();
  }

  /** The agent selected a conversation in the desktop. */
  select(interactionId: string | undefined): void {
    if (!interactionId || interactionId === this.selected) return;
    this.selected = interactionId;
    if (this.tracker.get(interactionId)) this.link.send({ kind: "select", interactionId });
  }

  onContactEvent(signal: string, msg: unknown): void {
    let changes;
    try {
      changes = this.tracker.apply(signal, msg, this.now());
    } catch (e) {
      // A payload shape we did not foresee must not break the desktop; it is logged without data.
      this.log.error(`could not read ${signal}: ${(e as Error)?.message ?? "error"}`);
      return;
    }
    for (const { leg } of changes) this.link.send({ kind: "leg", leg });
  }

  private async rehydrate(): Promise<void> {
    let tasks: unknown[] = [];
    try {
      tasks = await this.port.taskList();
    } catch (e) {
      this.log.warn(`could not read the desktop's task list: ${failureReason(e)}`);
    }
    for (const data of tasks) this.onContactEvent("eAgentContact", { data });
    this.tasksRead = true;
    this.link.resync();
  }

  private agentState() {
    return agentStateFrom(this.port.agentData(), this.tracker.agent);
  }

  private snapshot(): ReturnType<WidgetLinkHost["snapshot"]> {
    const legs: SnapshotLeg[] = this.tracker.allLegs().map((leg) => ({ leg, acked: this.acked.get(leg.interactionId) ?? "none" }));
    const s: ReturnType<WidgetLinkHost["snapshot"]> = { agent: this.agentState(), legs, complete: this.tasksRead };
    if (this.selected && this.tracker.get(this.selected)) s.selectedInteractionId = this.selected;
    return s;
  }

  private acknowledged(body: EventBody): void {
    if (body.kind !== "leg") return;
    const { interactionId, phase } = body.leg;
    const was = this.acked.get(interactionId) ?? "none";
    if (RANK[phase as LegPhase] > RANK[was]) this.acked.set(interactionId, phase);
    // Once the mashup has the END of a leg the desktop no longer lists, nothing more is owed for it.
    if (phase === "ended" && !this.tracker.get(interactionId)) this.acked.delete(interactionId);
    if (this.acked.size > 2000) this.pruneAcked();
  }

  private pruneAcked(): void {
    for (const id of this.acked.keys()) if (!this.tracker.get(id)) this.acked.delete(id);
  }

  private onOutdialFailed(msg: unknown): void {
    const reason = failureReason(msg);
    this.log.warn(`outdial failed: ${reason}`);
    if (this.pendingDial) this.pendingDial.reject(reason);
    else this.link.send({ kind: "outdial-failed", reason });
  }

  private async command(c: Command): Promise<string | undefined> {
    switch (c.kind) {
      case "dial":
        return this.dial(c.destination);
      case "set-state":
        return this.setState(c.state, c.idleCodeId);
      case "sign-out":
        return this.signOut(c.reason);
    }
  }

  private async dial(destination: string): Promise<string | undefined> {
    const check = outdialRequest(destination, this.port.agentData(), this.options.outdialEp, this.options.outdialAni);
    if (!check.ok) {
      this.log.warn(`outdial refused: ${check.error}`);
      return check.error;
    }
    if (this.pendingDial) return "Another outdial is still being placed.";
    // eOutdialFailed may arrive before or instead of the promise settling: whichever comes first wins.
    const failed = new Promise<string>((resolve) => (this.pendingDial = { reject: resolve }));
    try {
      const outcome = await Promise.race([
        this.port.startOutdial(check.data).then(
          () => undefined,
          (e: unknown) => failureReason(e),
        ),
        failed,
      ]);
      if (outcome) this.log.warn(`outdial failed: ${outcome}`);
      else this.log.info("outdial placed");
      return outcome;
    } finally {
      this.pendingDial = undefined;
    }
  }

  private async setState(state: "available" | "idle", idleCodeId: string | undefined): Promise<string | undefined> {
    const agent = this.agentState();
    if (state === "idle") {
      const code = agent.idleCodes.find((c) => c.id === idleCodeId);
      if (!code) return "That idle code is not configured for this agent.";
    }
    try {
      await this.port.stateChange(state === "available" ? "Available" : "Idle", state === "available" ? "0" : (idleCodeId as string));
      return undefined;
    } catch (e) {
      return `Webex did not change the state: ${failureReason(e)}`;
    }
  }

  private async signOut(reason: string): Promise<string | undefined> {
    const open = this.tracker.openLegs();
    if (open.length > 0) return "You cannot sign out while you have active conversations.";
    this.log.info(`sign-out requested in SAP, reason: ${reason}`);
    try {
      await this.port.logout(WEBEX_LOGOUT_REASON);
      return undefined;
    } catch (e) {
      return `Webex did not sign you out: ${failureReason(e)}`;
    }
  }
}

export type { Leg };
