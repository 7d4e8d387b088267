/**
 * The notification socket of the emulated Webex CC cloud: `POST v1/notification/subscribe` gives a
 * WebSocket URL; the socket opens with a `Welcome` carrying the agent id, is kept alive by
 * `{"keepalive":"true"}` both ways, and carries every agent and contact notification the
 * simulation sends that agent — the very messages the emulated Agent Desktop receives, in the
 * cloud's envelope (docs/reference/webex-cc-sdk.md §3):
 *
 * - agent-session messages get the top-level `type` the SDK binds its requests to
 *   (`StationLogin`, `AgentStateChange`, `Logout`, …);
 * - an offer of a conversation the session has not seen yet is preceded by `AgentContactReserved`,
 *   which is what makes the SDK create its task and emit `task:incoming`;
 * - a session that opens, or reloads, is told the agent's open conversations by `AgentContact`.
 *
 * One session per agent unless the client allows multi-login: when a new session of an agent
 * comes online, every older one gets `AGENT_MULTI_LOGIN` (data type `AgentMultiLoginCloseSession`)
 * and is closed, and the agent's Agent Desktop host its `eAgentMultiLogin` signal.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { AGENT_SIGNALS, type AgentMsg } from "../desktop-host/agent-messages";
import type { ContactCenter } from "../desktop-host/contact-center";
import { SIGNAL_TYPES, type AgentContactMsg, type ContactSignal } from "../desktop-host/messages";
import type { EmulatedSignal } from "../desktop-host/signal";

/** A message as it travels on the notification socket. */
export interface CloudMessage {
  type: string;
  orgId?: string;
  trackingId?: string;
  keepalive?: string;
  data?: Record<string, unknown> & { type?: string; interactionId?: string };
}

interface Session {
  id: string;
  agentId: string;
  allowMultiLogin: boolean;
  socket?: WebSocket;
  /** Conversations this session has been told of (an offer of any other one is announced first). */
  known: Set<string>;
  keepalive?: NodeJS.Timeout;
}

/** Data type of an agent-session message → the top-level type Webex gives it on this socket. */
const AGENT_ENVELOPE: Record<string, string> = {
  AgentStateChangeSuccess: "AgentStateChange",
  AgentStateChangeFailed: "AgentStateChange",
  AgentStationLoginSuccess: "StationLogin",
  AgentStationLoginFailed: "StationLogin",
  AgentLogoutSuccess: "Logout",
  AgentLogoutFailed: "Logout",
  AgentReloginSuccess: "AgentReloginSuccess",
  AgentReloginFailed: "AgentReloginFailed",
  BuddyAgents: "BuddyAgents",
  BuddyAgentsRetrieveFailed: "BuddyAgents",
};

/** Every interval the cloud sends its own keep-alive (the SDK counts the socket lost after 8 s of silence). */
export const KEEPALIVE_MS = 4000;

export class Notifications {
  private readonly sessions = new Map<string, Session>();
  private readonly wss = new WebSocketServer({ noServer: true });
  /** Every message sent on any socket, by agent (tests and the trace read it). */
  readonly sent: { agentId: string; message: CloudMessage }[] = [];
  /**
   * The device type of each agent's last station login (AGENT_DN, EXTENSION or BROWSER), as the
   * login request named it: Webex echoes it in `AgentStationLoginSuccess` and `AgentReloginSuccess`
   * (docs/reference/webex-cc-sdk.md §5.7). A login through the Agent Desktop counts as AGENT_DN.
   */
  readonly deviceTypes = new Map<string, string>();

  constructor(private readonly cc: ContactCenter, agentIds: readonly string[], private readonly note: (agentId: string, text: string) => void) {
    for (const agentId of agentIds) {
      const host = cc.host(agentId);
      for (const signal of Object.keys(SIGNAL_TYPES) as ContactSignal[]) {
        host.aqm.contact[signal].listen((msg: AgentContactMsg) => this.contact(agentId, msg));
      }
      for (const signal of AGENT_SIGNALS) {
        (host.aqm.agent[signal] as unknown as EmulatedSignal<AgentMsg>).listen((msg) => this.agent(agentId, msg.data as unknown as Record<string, unknown>));
      }
    }
  }

  /** `POST v1/notification/subscribe`: a new session and the socket URL for it. */
  subscribe(agentId: string, body: Record<string, unknown>, wsBase: string): { webSocketUrl: string; subscriptionId: string } {
    const id = randomUUID();
    this.sessions.set(id, { id, agentId, allowMultiLogin: body.allowMultiLogin === true, known: new Set() });
    return { webSocketUrl: `${wsBase}/${id}`, subscriptionId: id };
  }

  /** An HTTP upgrade for `/notifs/<subscriptionId>`; refused (socket destroyed) for an unknown id. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, subscriptionId: string): void {
    const s = this.sessions.get(subscriptionId);
    if (!s || s.socket) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(s, ws));
  }

  /** Sends `message` to every open session of the agent. */
  toAgent(agentId: string, message: CloudMessage): void {
    for (const s of this.open_(agentId)) this.send(s, message);
  }

  /** Whether the agent has a session online. */
  online(agentId: string): boolean {
    return this.open_(agentId).length > 0;
  }

  /** The agent's open conversations, as `AgentContact` to every session (a reload or a new socket). */
  hydrate(agentId: string): void {
    for (const [interactionId, data] of this.cc.host(agentId).tasks) {
      for (const s of this.open_(agentId)) {
        s.known.add(interactionId);
        this.send(s, { type: "RoutingMessage", orgId: this.cc.orgId, trackingId: `t-contact-${randomUUID()}`, data: { ...(data as unknown as Record<string, unknown>), type: "AgentContact" } });
      }
    }
  }

  close(): void {
    for (const s of this.sessions.values()) {
      clearInterval(s.keepalive);
      s.socket?.terminate();
    }
    this.sessions.clear();
    this.wss.close();
  }

  /** The device type of the agent's station login (docs/reference/webex-cc-sdk.md §5.7). */
  deviceType(agentId: string): string {
    return this.deviceTypes.get(agentId) ?? "AGENT_DN";
  }

  private open_(agentId: string): Session[] {
    return [...this.sessions.values()].filter((s) => s.agentId === agentId && s.socket?.readyState === 1);
  }

  private open(s: Session, ws: WebSocket): void {
    s.socket = ws;
    ws.on("message", () => undefined); // the client's keep-alives: nothing to answer
    ws.on("close", () => {
      clearInterval(s.keepalive);
      this.sessions.delete(s.id);
    });
    s.keepalive = setInterval(() => this.send(s, { type: "keepalive", keepalive: "true" }, false), KEEPALIVE_MS);
    s.keepalive.unref();
    if (!s.allowMultiLogin) this.closeOthers(s);
    this.send(s, { type: "Welcome", orgId: this.cc.orgId, trackingId: `t-welcome-${s.id}`, data: { agentId: s.agentId, orgId: this.cc.orgId, subscriptionId: s.id } });
  }

  /**
   * The agent's Agent Desktop signs in again (or its "Continue" takes the session back): its
   * session is now the newest, so every Webex CC SDK session of the agent is told and closed, as
   * for a newer SDK session (docs/reference/webex-cc-sdk.md §3.6). Returns how many were closed.
   */
  desktopSignedIn(agentId: string): number {
    const open = this.open_(agentId);
    for (const s of open) this.closeSession(s, `t-multilogin-desktop-${randomUUID()}`);
    return open.length;
  }

  private closeSession(s: Session, trackingId: string): void {
    const msg = { type: "AGENT_MULTI_LOGIN", orgId: this.cc.orgId, trackingId, data: { type: "AgentMultiLoginCloseSession", agentId: s.agentId, orgId: this.cc.orgId, trackingId } };
    this.send(s, msg);
    s.socket?.close(4000, "multiLogin");
    this.note(s.agentId, "multi-login: an older Webex CC SDK session was closed");
  }

  /** Multi-login: the newest session wins; the others are told and closed, the Agent Desktop is told. */
  private closeOthers(s: Session): void {
    const trackingId = `t-multilogin-${s.id}`;
    const msg = { data: { type: "AgentMultiLoginCloseSession", agentId: s.agentId, orgId: this.cc.orgId, trackingId } };
    for (const other of this.open_(s.agentId)) if (other !== s) this.closeSession(other, trackingId);
    const host = this.cc.host(s.agentId);
    if (host.session.status === "LoggedIn") {
      (host.aqm.agent.eAgentMultiLogin as unknown as EmulatedSignal<unknown>).send({ type: "AgentDesktopMessage", orgId: this.cc.orgId, trackingId, data: msg.data });
    }
  }

  private send(s: Session, message: CloudMessage, record = true): void {
    if (s.socket?.readyState !== 1) return;
    if (record) this.sent.push({ agentId: s.agentId, message });
    s.socket.send(JSON.stringify(message));
  }

  private contact(agentId: string, msg: AgentContactMsg): void {
    const data = msg.data as unknown as Record<string, unknown> & { type: string; interactionId: string; interaction?: { state?: string }; isConsulted?: boolean };
    for (const s of this.open_(agentId)) {
      const offer = data.type === "AgentOfferContact" || data.type === "AgentOfferConsult";
      if (offer && !s.known.has(data.interactionId)) this.send(s, { ...msg, data: { ...data, type: "AgentContactReserved" } });
      s.known.add(data.interactionId);
      this.send(s, msg as unknown as CloudMessage);
      const gone = data.type === "AgentWrappedUp" || data.type === "AgentOfferContactRona" || (data.type === "ContactEnded" && data.interaction?.state === "new") || (data.type === "AgentConsultEnded" && data.isConsulted === true);
      if (gone) s.known.delete(data.interactionId);
    }
  }

  private agent(agentId: string, raw: Record<string, unknown>): void {
    const type = String(raw.type ?? "");
    // The station login's notification names the device, which the SDK and Cisco's widgets read (§5.7).
    const data = type === "AgentStationLoginSuccess" ? { ...raw, deviceType: this.deviceType(agentId) } : raw;
    this.toAgent(agentId, { type: AGENT_ENVELOPE[type] ?? "RoutingMessage", orgId: this.cc.orgId, trackingId: String(data.trackingId ?? ""), data });
  }
}
