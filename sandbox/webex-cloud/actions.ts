/**
 * The agent and task actions of the emulated Webex CC cloud (`wcc-api-gateway`), each passed to
 * the one contact-center simulation. As in Webex, the HTTP answer only acknowledges (202 with a
 * tracking id); the result arrives on the notification socket: the simulation's own notifications
 * on success, or the action's failure notification (`AgentStateChangeFailed`, `AgentContactHoldFailed`
 * …) carrying the simulation's reason — the SDK resolves or rejects its promise on those
 * (docs/reference/webex-cc-sdk.md §5).
 */
import { randomUUID } from "node:crypto";
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import type { ContactCenter } from "../desktop-host/contact-center";
import type { Notifications } from "./notifications";

/** A logout reason the emulator received, in order (docs/reference/webex-cc-sdk.md §5.2). */
export interface LogoutRecord {
  agentId: string;
  reason: string;
  at: number;
}

interface Action {
  /** Top-level type and data type of the failure notification (may depend on the request). */
  fail: [string, string] | ((body: Record<string, unknown>) => [string, string]);
  run(agentId: string, interactionId: string, body: Record<string, unknown>): unknown;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The tenant's queues by id, as the configuration API lists them (./config-api.ts). */
const QUEUE_NAMES: Record<string, string> = { "queue-support": "Support" };

export class Actions {
  readonly logoutReasons: LogoutRecord[] = [];

  constructor(readonly cc: ContactCenter, private readonly notifs: Notifications, private readonly note: (agentId: string, text: string) => void) {}

  /** Routes a gateway action; undefined when `method path` is not an action. */
  find(method: string, path: string): { action: Action; interactionId: string } | undefined {
    const agent = AGENT_ACTIONS(this)[`${method} ${path}`];
    if (agent) return { action: agent, interactionId: "" };
    if (method === "POST" && path === "v1/tasks") return { action: this.outdial(), interactionId: "" };
    const m = /^v1\/tasks\/([^/]+)\/(.+)$/.exec(path);
    const task = m && method === "POST" ? TASK_ACTIONS(this)[m[2]!] : undefined;
    return task ? { action: task, interactionId: decodeURIComponent(m![1]!) } : undefined;
  }

  /** Runs an action for the token's agent: a failure becomes the action's failure notification. */
  async run(agentId: string, a: { action: Action; interactionId: string }, body: Record<string, unknown>): Promise<{ trackingId: string }> {
    const trackingId = `sandbox_${randomUUID()}`;
    try {
      await a.action.run(agentId, a.interactionId, body);
    } catch (e) {
      const d = (e as { details?: { data?: { reason?: string; reasonCode?: number } } })?.details?.data;
      const reason = d?.reason ?? (e as Error)?.message ?? String(e);
      const [envelope, type] = typeof a.action.fail === "function" ? a.action.fail(body) : a.action.fail;
      this.notifs.toAgent(agentId, { type: envelope, orgId: this.cc.orgId, trackingId, data: { type, agentId, interactionId: a.interactionId || undefined, orgId: this.cc.orgId, trackingId, reason, reasonCode: d?.reasonCode ?? 0 } });
    }
    return { trackingId };
  }

  stationLogin(agentId: string, b: Record<string, unknown>): Promise<unknown> {
    this.notifs.deviceTypes.set(agentId, str(b.deviceType) || "AGENT_DN");
    return this.cc.stationLogin(agentId, { teamId: str(b.teamId), dialNumber: str(b.dialNumber), dn: str(b.dialNumber) } as unknown as Service.Aqm.Agent.UserStationLogin);
  }

  logout(agentId: string, b: Record<string, unknown>): Promise<unknown> {
    const reason = str(b.logoutReason);
    this.logoutReasons.push({ agentId, reason, at: Date.now() });
    this.note(agentId, `logout reason received: "${reason}"`);
    return this.cc.logout(agentId, reason);
  }

  /** `v1/agents/reload` (the SDK's silent re-login after register): the live session, then the open conversations. */
  reload(agentId: string): void {
    const s = this.cc.host(agentId).session;
    if (s.status !== "LoggedIn") {
      throw { details: { data: { reason: "AGENT_NOT_FOUND", reasonCode: 0 } } };
    }
    const trackingId = `t-relogin-${randomUUID()}`;
    const data = {
      type: "AgentReloginSuccess", agentId, orgId: this.cc.orgId, trackingId, agentSessionId: s.agentSessionId, teamId: s.teamId, dn: s.dn,
      deviceType: this.notifs.deviceType(agentId), status: s.status, subStatus: s.subStatus, auxCodeId: s.auxCodeId,
      lastStateChangeTimestamp: s.lastStateChangeTimestamp, lastIdleCodeChangeTimestamp: s.lastIdleCodeChangeTimestamp, lastStateChangeReason: "",
      interactionIds: [...this.cc.host(agentId).tasks.keys()], channelsMap: { telephony: [], chat: [], email: [], social: [] }, profileType: "BLENDED", siteId: "site-1",
    };
    this.notifs.toAgent(agentId, { type: "AgentReloginSuccess", orgId: this.cc.orgId, trackingId, data });
    this.notifs.hydrate(agentId);
  }

  /** `v1/agents/buddyList`: the other signed-in agents, for transfer and consult pickers. */
  buddies(agentId: string, b: Record<string, unknown>): void {
    const state = str(b.state);
    const agentList = [...this.cc.hosts.values()]
      .filter((h) => h.spec.agentId !== agentId && h.session.status === "LoggedIn" && (!state || h.session.subStatus === state))
      .map((h) => ({ agentId: h.spec.agentId, agentName: h.spec.agentName, state: h.session.subStatus, teamId: h.session.teamId, dn: h.session.dn, siteId: "site-1" }));
    const trackingId = `t-buddies-${randomUUID()}`;
    this.notifs.toAgent(agentId, { type: "BuddyAgents", orgId: this.cc.orgId, trackingId, data: { type: "BuddyAgents", agentId, trackingId, agentSessionId: this.cc.host(agentId).session.agentSessionId, orgId: this.cc.orgId, agentList } });
  }

  outdial(): Action {
    return {
      fail: ["RoutingMessage", "AgentOutboundFailed"],
      run: (agentId, _id, b) => this.cc.startOutdial(agentId, { destination: str(b.destination), origin: str(b.origin) || undefined, entryPointId: str(b.entryPointId), direction: "OUTBOUND", attributes: {}, mediaType: "telephony", outboundType: str(b.outboundType) || "OUTDIAL" } as unknown as Service.Aqm.Dialer.tasks),
    };
  }

  /**
   * Blind transfer to an agent (the SDK waits for `AgentBlindTransferred`) or to a queue
   * (`AgentVteamTransferred`; the queue offers it later, as the simulation's `offerFromQueue`).
   */
  transfer(agentId: string, interactionId: string, b: Record<string, unknown>): void {
    const kind = str(b.destinationType).toLowerCase();
    if (kind === "agent") this.cc.transfer(interactionId, agentId, str(b.to), "offer");
    else if (kind === "queue") this.cc.transferToQueue(interactionId, agentId, QUEUE_NAMES[str(b.to)] ?? str(b.to));
    else throw new Error(`transfer to ${kind || "(no destination type)"} is not emulated`);
    const type = kind === "queue" ? "AgentVteamTransferred" : "AgentBlindTransferred";
    this.notifs.toAgent(agentId, { type: "RoutingMessage", orgId: this.cc.orgId, trackingId: `t-transfer-${randomUUID()}`, data: { type, agentId, interactionId, destAgentId: str(b.to), orgId: this.cc.orgId } });
  }

  /** Consult → transfer: the transferring agent's SDK waits for `AgentConsultTransferred`. */
  consultTransfer(agentId: string, interactionId: string): void {
    const p = this.consultPartner(agentId, interactionId);
    this.cc.consultTransfer(interactionId, p.owner, p.consultee, "offer");
    this.notifs.toAgent(p.owner, { type: "RoutingMessage", orgId: this.cc.orgId, trackingId: `t-ctransfer-${randomUUID()}`, data: { type: "AgentConsultTransferred", agentId: p.owner, interactionId, destAgentId: p.consultee, orgId: this.cc.orgId } });
  }

  /**
   * Pause or resume the call's recording: the interaction's `callProcessingDetails.isPaused` is set
   * (or removed), and the agent is told by `ContactRecordingPaused` / `ContactRecordingResumed`
   * carrying the interaction (docs/reference/webex-cc-sdk.md §5.10). Calls only.
   */
  recording(agentId: string, interactionId: string, paused: boolean): void {
    const l = this.cc.live.get(interactionId);
    const mine = this.cc.host(agentId).tasks.get(interactionId);
    if (!l || !mine) throw new Error(`no live interaction ${interactionId}`);
    if (l.interaction.mediaType !== "telephony") throw new Error("only calls are recorded");
    const details = l.interaction.callProcessingDetails as Record<string, unknown>;
    if (paused) details.isPaused = "true";
    else delete details.isPaused;
    const type = paused ? "ContactRecordingPaused" : "ContactRecordingResumed";
    this.notifs.toAgent(agentId, { type: "RoutingMessage", orgId: this.cc.orgId, trackingId: `t-record-${randomUUID()}`, data: { ...(mine as unknown as Record<string, unknown>), interaction: l.interaction as unknown as Record<string, unknown>, type, interactionId } });
  }

  /** The consulted agent: the other side of the consult leg from `agentId`'s point of view. */
  consultPartner(agentId: string, interactionId: string): { owner: string; consultee: string } {
    const l = this.cc.live.get(interactionId);
    if (!l) throw new Error(`no live interaction ${interactionId}`);
    const consultee = l.consultees.has(agentId) ? agentId : [...l.consultees][0];
    if (!consultee) throw new Error("no consult in progress");
    return { owner: l.interaction.owner || agentId, consultee };
  }
}

const AGENT_ACTIONS = (a: Actions): Record<string, Action> => ({
  "POST v1/agents/login": { fail: ["StationLogin", "AgentStationLoginFailed"], run: (agentId, _i, b) => a.stationLogin(agentId, b) },
  "POST v1/agents/logout": { fail: ["Logout", "AgentLogoutFailed"], run: (agentId, _i, b) => a.logout(agentId, b) },
  "POST v1/agents/reload": { fail: ["AgentReloginFailed", "AgentReloginFailed"], run: (agentId) => a.reload(agentId) },
  "POST v1/agents/buddyList": { fail: ["BuddyAgents", "BuddyAgentsRetrieveFailed"], run: (agentId, _i, b) => a.buddies(agentId, b) },
  "PUT v1/agents/session/state": { fail: ["AgentStateChange", "AgentStateChangeFailed"], run: (agentId, _i, b) => a.cc.stateChange(agentId, str(b.state), str(b.auxCodeId)) },
});

const TASK_ACTIONS = (a: Actions): Record<string, Action> => {
  const cc = a.cc;
  return {
    accept: { fail: ["RoutingMessage", "AgentContactAssignFailed"], run: (agentId, id) => cc.accept(agentId, id) },
    hold: { fail: ["RoutingMessage", "AgentContactHoldFailed"], run: (agentId, id) => cc.hold(agentId, id) },
    unhold: { fail: ["RoutingMessage", "AgentContactUnHoldFailed"], run: (agentId, id) => cc.unHold(agentId, id) },
    end: { fail: ["RoutingMessage", "AgentContactEndFailed"], run: (agentId, id) => cc.end(agentId, id) },
    wrapup: { fail: ["RoutingMessage", "AgentWrapupFailed"], run: (agentId, id, b) => cc.wrapup(agentId, id, str(b.auxCodeId)) },
    transfer: { fail: (b) => ["RoutingMessage", str(b.destinationType).toLowerCase() === "queue" ? "AgentVteamTransferFailed" : "AgentBlindTransferFailed"], run: (agentId, id, b) => a.transfer(agentId, id, b) },
    consult: { fail: ["RoutingMessage", "AgentConsultFailed"], run: (agentId, id, b) => cc.consult(id, agentId, str(b.to)) },
    "consult/accept": { fail: ["RoutingMessage", "AgentContactAssignFailed"], run: (agentId, id) => cc.accept(agentId, id) },
    "consult/end": { fail: ["RoutingMessage", "AgentConsultEndFailed"], run: (agentId, id) => { const p = a.consultPartner(agentId, id); cc.consultEnd(id, p.owner, p.consultee); } },
    "consult/transfer": { fail: ["RoutingMessage", "AgentConsultTransferFailed"], run: (agentId, id) => a.consultTransfer(agentId, id) },
    "consult/conference": { fail: ["RoutingMessage", "AgentConsultConferenceFailed"], run: (agentId, id) => { const p = a.consultPartner(agentId, id); cc.consultConference(id, p.owner, p.consultee); } },
    "record/pause": { fail: ["RoutingMessage", "ContactRecordingPauseFailed"], run: (agentId, id) => a.recording(agentId, id, true) },
    "record/resume": { fail: ["RoutingMessage", "ContactRecordingResumeFailed"], run: (agentId, id) => a.recording(agentId, id, false) },
    "conference/exit": { fail: ["RoutingMessage", "ParticipantLeftConferenceFailed"], run: (agentId, id) => cc.leaveConference(id, agentId) },
  };
};
