/**
 * Wires the widget together: desktop events → tracker → channel events; mashup commands → SDK.
 * No DOM and no SDK import: it runs against any `DesktopPort` and any window.
 */
import { Log } from "../channel/log";
import { SIGN_OUT_REFUSED, type Command, type EventBody, type Leg, type LegPhase, type SnapshotLeg } from "../channel/protocol";
import { agentStateFrom } from "./agent-state";
import { ConversationTracker } from "./conversation-tracker";
import { WEBEX_LOGOUT_REASON, type DesktopPort } from "./desktop-port";
import { WidgetLink, type WidgetLinkHost } from "./mashup-link";
import { failureReason, outdialRequest } from "./outdial";

export interface ConnectorOptions {
  mashupOrigins: readonly string[];
  outdialEp?: string;
  outdialAni?: string;
}

const MAX_UNSETTLED = 500;
const RANK: Record<SnapshotLeg["acked"], number> = { none: 0, offered: 1, connected: 2, ended: 3 };

export { WEBEX_LOGOUT_REASON };

export class WidgetConnector {
  readonly log = new Log("wxcc-sap widget");
  readonly tracker = new ConversationTracker();
  readonly link: WidgetLink;
  // acked, unsettled and unsubscribe stay ordinary fields (the rest are #private, which the minifier
  // shortens): the soak benchmark counts them to show that nothing grows over a shift.
  private readonly acked = new Map<string, SnapshotLeg["acked"]>();
  /**
   * Legs the tracker has forgotten (wrapped up, RONA, consult over) whose END the mashup has not yet
   * acknowledged. A mashup that reloaded without its memory (storage blocked) can only learn from
   * the snapshot that SAP has them open; the replayed "ended" event alone would not tell it.
   */
  private readonly unsettled = new Map<string, Leg>();
  private readonly unsubscribe: (() => void)[] = [];
  #tasksRead = false;
  #selected: string | undefined;
  #pendingDial: { reject(reason: string): void } | undefined;
  /** Webex confirmed a sign-out; the SDK's state object does not say so (docs/reference/webex-desktop.md §4.3/4.4). */
  #signedOut = false;
  /** The agent state last queued for the mashup, so unchanged state is not sent again. */
  #lastAgent = "";
  /** The desktop's language, from the element's `language` binding. */
  #language: string | undefined;
  #started = false;
  readonly #port: DesktopPort;
  #options: ConnectorOptions;
  readonly #now: () => number;

  constructor(port: DesktopPort, win: Window, options: ConnectorOptions, now: () => number = Date.now) {
    this.#port = port;
    this.#options = options;
    this.#now = now;
    this.link = new WidgetLink(
      win,
      options.mashupOrigins,
      {
        snapshot: () => this.#snapshot(),
        acknowledged: (body) => this.#acknowledged(body),
        command: (c) => this.#command(c),
      },
      this.log,
      now,
    );
  }

  setOutdial(ep: string | undefined, ani: string | undefined): void {
    this.#options = { ...this.#options, outdialEp: ep, outdialAni: ani };
  }

  /** The desktop's language changed (or was first bound): the mashup follows it. */
  setLanguage(language: string | undefined): void {
    this.#language = language;
    if (this.#started) this.#publishAgent();
  }

  async start(): Promise<void> {
    this.#started = true;
    this.link.start();
    await this.#port.init();
    this.unsubscribe.push(
      this.#port.onContactEvent((signal, msg) => this.#onContactEvent(signal, msg)),
      this.#port.onOutdialFailed((msg) => this.#onOutdialFailed(msg)),
      this.#port.onAgentUpdated((changed) => this.#onAgentUpdated(changed)),
    );
    if (this.#port.onSignedOut) this.unsubscribe.push(this.#port.onSignedOut(() => this.#onSignedOut()));
    this.#publishAgent();
    await this.#rehydrate();
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((u) => u());
    this.link.stop();
  }

  /** The agent selected a conversation in the desktop. */
  select(interactionId: string | undefined): void {
    if (!interactionId || interactionId === this.#selected) return;
    this.#selected = interactionId;
    if (this.tracker.get(interactionId)) this.link.send({ kind: "select", interactionId });
  }

  #onContactEvent(signal: string, msg: unknown): void {
    let changes;
    try {
      changes = this.tracker.apply(signal, msg, this.#now());
    } catch (e) {
      // A payload shape we did not foresee must not break the desktop; it is logged without data.
      this.log.error(`could not read ${signal}: ${(e as Error)?.message ?? "error"}`);
      return;
    }
    for (const { leg, closed } of changes) {
      if (closed && this.acked.get(leg.interactionId) !== "ended") this.#keepUnsettled(leg);
      this.link.send({ kind: "leg", leg });
    }
    // A leg that starts, ends or is wrapped up changes what the agent is busy with.
    if (changes.length > 0) this.#publishAgent();
  }

  #onAgentUpdated(changed: readonly string[]): void {
    // A new session (station login / re-login after a sign-out) is the only way back from signed out.
    if (this.#signedOut && (changed.includes("agentSessionId") || changed.includes("status"))) this.#signedOut = false;
    this.#publishAgent();
  }

  #onSignedOut(): void {
    this.#signedOut = true;
    this.log.info("agent signed out of Webex");
    this.#publishAgent();
  }

  /** Sends the agent state when it differs from what was last sent (the SDK also fires for fields SAP does not show). */
  #publishAgent(): void {
    const agent = this.#agentState();
    const key = JSON.stringify(agent);
    if (key === this.#lastAgent) return;
    this.#lastAgent = key;
    this.link.send({ kind: "agent", agent });
  }

  async #rehydrate(): Promise<void> {
    let tasks: unknown[];
    try {
      tasks = await this.#port.taskList();
    } catch (e) {
      // Without the task list, a missing leg proves nothing: the snapshot stays incomplete, so the
      // mashup never closes a live conversation on a guess.
      this.log.warn(`could not read the desktop's task list: ${failureReason(e)}`);
      return;
    }
    for (const data of tasks) this.#onContactEvent("eAgentContact", { data });
    this.#tasksRead = true;
    this.link.resync();
  }

  #agentState() {
    return agentStateFrom(this.#port.agentData(), this.tracker.agent, { signedOut: this.#signedOut, legs: this.tracker.allLegs(), language: this.#language });
  }

  #snapshot(): ReturnType<WidgetLinkHost["snapshot"]> {
    const legs: SnapshotLeg[] = this.tracker.allLegs().map((leg) => ({ leg, acked: this.acked.get(leg.interactionId) ?? "none" }));
    for (const leg of this.unsettled.values()) {
      if (!this.tracker.get(leg.interactionId)) legs.push({ leg, acked: this.acked.get(leg.interactionId) ?? "none" });
    }
    const s: ReturnType<WidgetLinkHost["snapshot"]> = { agent: this.#agentState(), legs, complete: this.#tasksRead };
    if (this.#selected && this.tracker.get(this.#selected)) s.selectedInteractionId = this.#selected;
    return s;
  }

  #acknowledged(body: EventBody): void {
    if (body.kind !== "leg") return;
    const { interactionId, phase, role } = body.leg;
    // A connected consult leg only ever popped in SAP: acknowledging it says nothing about an ACCEPT,
    // which the leg still owes if it turns into a transfer.
    const reached: LegPhase = phase === "connected" && role === "consult" ? "offered" : phase;
    const was = this.acked.get(interactionId) ?? "none";
    if (RANK[reached] > RANK[was]) this.acked.set(interactionId, reached);
    // Once the mashup has the END of a leg the desktop no longer lists, nothing more is owed for it.
    if (phase === "ended" && !this.tracker.get(interactionId)) {
      this.acked.delete(interactionId);
      this.unsettled.delete(interactionId);
    }
    if (this.acked.size > 2000) this.#pruneAcked();
  }

  #pruneAcked(): void {
    for (const id of this.acked.keys()) if (!this.tracker.get(id) && !this.unsettled.has(id)) this.acked.delete(id);
  }

  #keepUnsettled(leg: Leg): void {
    this.unsettled.delete(leg.interactionId);
    this.unsettled.set(leg.interactionId, leg);
    // Bounded like the outbox: a mashup gone for a whole shift is told about the latest ones only.
    while (this.unsettled.size > MAX_UNSETTLED) this.unsettled.delete(this.unsettled.keys().next().value as string);
  }

  #onOutdialFailed(msg: unknown): void {
    const reason = failureReason(msg);
    this.log.warn(`outdial failed: ${reason}`);
    if (this.#pendingDial) this.#pendingDial.reject(reason);
    else this.link.send({ kind: "outdial-failed", reason });
  }

  async #command(c: Command): Promise<string | undefined> {
    switch (c.kind) {
      case "dial":
        return this.#dial(c.destination);
      case "set-state":
        return this.#setState(c.state, c.idleCodeId);
      case "sign-out":
        return this.#signOut(c.reason);
    }
  }

  async #dial(destination: string): Promise<string | undefined> {
    const check = outdialRequest(destination, this.#port.agentData(), this.#options.outdialEp, this.#options.outdialAni);
    if (!check.ok) {
      this.log.warn(`outdial refused: ${check.error}`);
      return check.error;
    }
    if (this.#pendingDial) return "Another outdial is still being placed.";
    // eOutdialFailed may arrive before or instead of the promise settling: whichever comes first wins.
    const failed = new Promise<string>((resolve) => (this.#pendingDial = { reject: resolve }));
    try {
      const outcome = await Promise.race([
        this.#port.startOutdial(check.data).then(
          () => undefined,
          (e: unknown) => failureReason(e),
        ),
        failed,
      ]);
      if (outcome) this.log.warn(`outdial failed: ${outcome}`);
      else this.log.info("outdial placed");
      return outcome;
    } finally {
      this.#pendingDial = undefined;
    }
  }

  async #setState(state: "available" | "idle", idleCodeId: string | undefined): Promise<string | undefined> {
    const agent = this.#agentState();
    if (agent.status === "signed-out") return "You are signed out: sign in in the Agent Desktop first.";
    let auxCodeId = "0"; // Webex's code for Available (docs/reference/webex-desktop.md §4.3)
    let label = "Available";
    if (state === "idle") {
      // Only codes the desktop itself lists for this agent: SAP never invents one.
      const code = agent.idleCodes.find((c) => c.id === idleCodeId);
      if (!code) return "That idle code is not configured for this agent.";
      auxCodeId = code.id;
      label = `Idle (${code.name})`;
    }
    try {
      await this.#port.stateChange(state === "available" ? "Available" : "Idle", auxCodeId);
      this.log.info(`state changed from SAP: ${label}`);
      return undefined;
    } catch (e) {
      const reason = failureReason(e, "the request failed");
      this.log.warn(`state change to ${label} failed: ${reason}`);
      return `Webex did not change the state: ${reason}`;
    }
  }

  async #signOut(reason: string): Promise<string | undefined> {
    // Through the Desktop SDK Webex keeps only its own fixed reason (the port sends that one), so the
    // one chosen in SAP lives in this log (and the mashup's); the Webex CC SDK's port sends the chosen one.
    this.log.info(`sign-out requested in SAP, reason: ${reason}`);
    if (this.#agentState().status === "signed-out") return "You are already signed out.";
    if (this.tracker.openLegs().length > 0) {
      this.log.warn("sign-out refused: conversations are open");
      return SIGN_OUT_REFUSED;
    }
    try {
      // The SDK re-checks the desktop's task list (wrap-up counts) and throws if anything is open.
      await this.#port.logout(reason);
    } catch (e) {
      const why = failureReason(e, "the request failed");
      this.log.warn(`sign-out failed: ${why}`);
      return `Webex did not sign you out: ${why}`;
    }
    if (!this.#signedOut) this.#onSignedOut();
    return undefined;
  }
}

export type { Leg };
