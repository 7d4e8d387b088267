/**
 * Builds the agent notifications Webex sends about an agent's session — state change, station
 * login, DN registration, logout — shaped as `@wxcc-desktop/sdk-types` types them
 * (`Service.Aqm.Agent.*`), so the compiler checks the emulator against Cisco's own types. Field
 * lists: docs/reference/webex-desktop.md §4.3 and §4.4.
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";

/** The agent-session signals the host carries (names as on `AGENTX_SERVICE.aqm.agent`). */
export type AgentSignal = "eAgentStateChangeSuccess" | "eAgentStationLoginSuccess" | "eAgentDNRegistered" | "eAgentLogoutSuccess";
export const AGENT_SIGNALS: readonly AgentSignal[] = ["eAgentStateChangeSuccess", "eAgentStationLoginSuccess", "eAgentDNRegistered", "eAgentLogoutSuccess"];

export type AgentMsg =
  | Service.Aqm.Agent.StateChangeSuccess
  | Service.Aqm.Agent.StationLoginSuccess
  | Service.Aqm.Agent.DNRegistered
  | Service.Aqm.Agent.LogoutSuccess;

/** What the back end knows of one agent's session: the source of every message below. */
export interface AgentSession {
  agentId: string;
  agentName: string;
  orgId: string;
  status: "LoggedIn" | "LoggedOut";
  subStatus: "Available" | "Idle";
  /** "0" when Available, else the idle code's id. */
  auxCodeId: string;
  /** A new id per station login: the SDK and the widget tell sessions apart by it. */
  agentSessionId: string;
  teamId: string;
  dn: string;
  lastStateChangeTimestamp: number;
  lastIdleCodeChangeTimestamp: number;
}

function envelope<T extends { trackingId: string }>(s: AgentSession, data: T) {
  return { type: "AgentDesktopMessage", orgId: s.orgId, trackingId: data.trackingId, data };
}

/**
 * `changedBy` is "self" for the agent's own choice and "system" when Webex changes it (RONA),
 * which is how the desktop tells an agent why the state moved.
 */
export function stateChangeMessage(s: AgentSession, now: number, changedBy: "self" | "system", reason = ""): Service.Aqm.Agent.StateChangeSuccess {
  return envelope(s, {
    type: "AgentStateChangeSuccess" as const,
    eventType: "AgentDesktopMessage" as const,
    agentId: s.agentId,
    agentSessionId: s.agentSessionId,
    orgId: s.orgId,
    trackingId: `t-state-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    status: s.status,
    subStatus: s.subStatus,
    auxCodeId: s.auxCodeId,
    lastIdleCodeChangeTimestamp: s.lastIdleCodeChangeTimestamp,
    lastStateChangeTimestamp: s.lastStateChangeTimestamp,
    lastStateChangeReason: reason,
    changedBy,
    changedById: changedBy === "self" ? s.agentId : null,
    changedByName: changedBy === "self" ? s.agentName : null,
  }) as Service.Aqm.Agent.StateChangeSuccess;
}

export function stationLoginMessage(s: AgentSession, now: number): Service.Aqm.Agent.StationLoginSuccess {
  return envelope(s, {
    type: "AgentStationLoginSuccess" as const,
    eventType: "AgentDesktopMessage" as const,
    agentId: s.agentId,
    trackingId: `t-login-${now.toString(36)}`,
    auxCodeId: s.auxCodeId,
    teamId: s.teamId,
    agentSessionId: s.agentSessionId,
    orgId: s.orgId,
    interactionIds: [],
    status: s.status,
    subStatus: s.subStatus,
    siteId: "site-1",
    lastIdleCodeChangeTimestamp: s.lastIdleCodeChangeTimestamp,
    lastStateChangeTimestamp: s.lastStateChangeTimestamp,
    profileType: "BLENDED",
    channelsMap: { telephony: [], chat: [], email: [], social: [] },
    dialNumber: s.dn,
  }) as Service.Aqm.Agent.StationLoginSuccess;
}

export function dnRegisteredMessage(s: AgentSession, now: number): Service.Aqm.Agent.DNRegistered {
  return {
    type: "RoutingMessage",
    orgId: s.orgId,
    trackingId: `t-dn-${now.toString(36)}`,
    data: { type: "AgentDNRegistered", eventType: "RoutingMessage", agentId: s.agentId, trackingId: `t-dn-${now.toString(36)}`, dn: s.dn, orgId: s.orgId },
  } as Service.Aqm.Agent.DNRegistered;
}

export function logoutMessage(s: AgentSession, now: number): Service.Aqm.Agent.LogoutSuccess {
  return envelope(s, {
    type: "AgentLogoutSuccess" as const,
    eventType: "AgentDesktopMessage" as const,
    agentId: s.agentId,
    trackingId: `t-logout-${now.toString(36)}`,
    agentSessionId: s.agentSessionId,
    orgId: s.orgId,
    status: "LoggedOut",
    subStatus: "",
    loggedOutBy: "self",
  }) as Service.Aqm.Agent.LogoutSuccess;
}

/** The session fields a message carries, applied to a copy of the session (a desktop mirroring the back end). */
export function applyAgentMessage(s: AgentSession, signal: AgentSignal, msg: AgentMsg): void {
  const d = msg.data as Partial<Record<string, unknown>>;
  if (signal === "eAgentLogoutSuccess") {
    s.status = "LoggedOut";
    return;
  }
  if (signal === "eAgentDNRegistered") {
    if (typeof d.dn === "string") s.dn = d.dn;
    return;
  }
  if (d.status === "LoggedIn" || d.status === "LoggedOut") s.status = d.status;
  if (d.subStatus === "Available" || d.subStatus === "Idle") s.subStatus = d.subStatus;
  if (typeof d.auxCodeId === "string") s.auxCodeId = d.auxCodeId;
  if (typeof d.agentSessionId === "string") s.agentSessionId = d.agentSessionId;
  if (typeof d.teamId === "string") s.teamId = d.teamId;
  if (typeof d.lastStateChangeTimestamp === "number") s.lastStateChangeTimestamp = d.lastStateChangeTimestamp;
  if (typeof d.lastIdleCodeChangeTimestamp === "number") s.lastIdleCodeChangeTimestamp = d.lastIdleCodeChangeTimestamp;
}
