/**
 * One agent's emulated Agent Desktop host: the `AGENTX_SERVICE` object the real, unmodified
 * `@wxcc-desktop/sdk` binds to (docs/reference/webex-desktop.md §2.5–2.7). Requests the SDK passes
 * through are recorded and forwarded to the contact-center simulation, which answers with the
 * notifications a real back end would send.
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import { EmulatedSignal } from "./signal";
import { SIGNAL_TYPES, type AgentContactData, type AgentContactMsg, type ContactSignal, type MediaType } from "./messages";
import { CAPACITY } from "./routing";
import { applyAgentMessage, type AgentMsg, type AgentSession, type AgentSignal } from "./agent-messages";

type Msg<T> = { type: string; orgId: string; trackingId: string; data: T };
export type IdleCode = Service.Aqm.Configs.Entity;

/** What the simulation must provide to a host. */
export interface HostBackend {
  accept(agentId: string, interactionId: string): Promise<AgentContactMsg>;
  end(agentId: string, interactionId: string): Promise<AgentContactMsg>;
  hold(agentId: string, interactionId: string): Promise<AgentContactMsg>;
  unHold(agentId: string, interactionId: string): Promise<AgentContactMsg>;
  wrapup(agentId: string, interactionId: string): Promise<AgentContactMsg>;
  startOutdial(agentId: string, data: Service.Aqm.Dialer.tasks): Promise<AgentContactMsg>;
  /** Webex answers with the notification it also sends on the matching `aqm.agent` signal. */
  stateChange(agentId: string, state: string, auxCodeId: string): Promise<Service.Aqm.Agent.StateChangeSuccess>;
  logout(agentId: string, reason: string | undefined): Promise<Service.Aqm.Agent.LogoutSuccess>;
  stationLogin(agentId: string, data: Service.Aqm.Agent.UserStationLogin): Promise<Service.Aqm.Agent.StationLoginSuccess>;
}

/** The desktop agents' default dial number. */
const DEFAULT_DN = "+15550001000";

export interface AgentProfileSpec {
  agentId: string;
  agentName: string;
  orgId: string;
  teamId?: string;
  teamName?: string;
  idleCodes?: IdleCode[];
  outboundEnabled?: boolean;
  outDialEp?: string;
  /**
   * The state the agent is in when the simulation starts: signed in and Idle with the default
   * idle code, as a real station login leaves an agent, unless "Available" is given; "LoggedOut"
   * for an agent who signs in later (station login), e.g. through the Webex CC SDK.
   */
  initialState?: "Idle" | "Available" | "LoggedOut";
  /**
   * The agent's default dial number (the profile's `defaultDn`). The desktop's default is a
   * made-up one; the Webex CC widgets' station login accepts a dial number only in North American
   * form (NXX-NXX-XXXX), so the Webex-in-SAP agent has one of those.
   */
  defaultDn?: string;
  /** Conversations per channel routing may give the agent at once; Webex's default profile (./routing.ts) otherwise. */
  capacity?: Partial<Record<MediaType, number>>;
}

export const DEFAULT_IDLE_CODES: IdleCode[] = [
  { id: "idle-meeting", name: "Meeting", isSystem: false, isDefault: false },
  { id: "idle-break", name: "Break", isSystem: false, isDefault: true },
  { id: "idle-lunch", name: "Lunch", isSystem: false, isDefault: false },
  { id: "idle-rona", name: "RONA", isSystem: true, isDefault: false },
];

type RequestLog = { method: string; payload: unknown }[];

export class AgentxHost {
  isInited = false;
  /** Every request the SDK passed to the host, in order (tests assert on these). */
  readonly requests: RequestLog = [];
  readonly tasks = new Map<string, AgentContactData>();
  /** The agent's session as the back end reports it; changed only by `agentSignal`. */
  readonly session: AgentSession;
  readonly profile: Partial<Service.Conf.Profile>;
  /** The agent's multimedia profile: conversations per channel at once. */
  readonly capacity: Readonly<Record<MediaType, number>>;

  readonly aqm;
  readonly dataNotifs = { aiAssistant: {} };
  readonly conf;
  readonly actionsChannels;
  readonly webexMetrics = { trackBehavioralEvent: (name: string, payload?: object) => void this.requests.push({ method: "webexMetrics.trackBehavioralEvent", payload: { name, payload } }) };
  readonly webCalling = { sendDTMF: (digit: number) => void this.requests.push({ method: "webCalling.sendDTMF", payload: digit }) };

  private readonly channels = new Map<string, Set<(p: { args: unknown[]; meta?: unknown }) => void>>();

  constructor(
    readonly spec: AgentProfileSpec,
    private readonly backend: HostBackend,
    private readonly clock: () => number = Date.now,
  ) {
    const idleCodes = spec.idleCodes ?? DEFAULT_IDLE_CODES;
    const defaultIdle = idleCodes.find((c) => c.isDefault && !c.isSystem) ?? idleCodes.find((c) => !c.isSystem);
    const available = spec.initialState === "Available";
    const now = clock();
    this.capacity = { ...CAPACITY, ...spec.capacity };
    this.session = {
      agentId: spec.agentId,
      agentName: spec.agentName,
      orgId: spec.orgId,
      status: spec.initialState === "LoggedOut" ? "LoggedOut" : "LoggedIn",
      subStatus: available ? "Available" : "Idle",
      auxCodeId: available ? "0" : defaultIdle?.id ?? "0",
      agentSessionId: "session-1",
      teamId: spec.teamId ?? "team-1",
      dn: spec.defaultDn ?? DEFAULT_DN,
      lastStateChangeTimestamp: now,
      lastIdleCodeChangeTimestamp: now,
    };
    this.profile = {
      agentId: spec.agentId,
      agentName: spec.agentName,
      orgId: spec.orgId,
      teams: [{ teamId: spec.teamId ?? "team-1", teamName: spec.teamName ?? "Support" } as Service.Conf.Profile["teams"][number]],
      agentProfileID: "profile-1",
      defaultDn: spec.defaultDn ?? DEFAULT_DN,
      agentStatus: this.session.status,
      agentSubStatus: this.session.subStatus,
      idleCode: available || !defaultIdle ? undefined : { id: defaultIdle.id, name: defaultIdle.name },
      idleCodes,
      wrapupCodes: [{ id: "wrap-resolved", name: "Resolved", isSystem: false, isDefault: true }],
      dialPlan: { type: "adhocDial", dialPlanEntity: [{ regex: "^\\+?[0-9]{6,15}$", prefix: "", strippedChars: "", name: "Any Format" }] } as unknown as Service.Conf.Profile["dialPlan"],
      isOutboundEnabledForTenant: true,
      isOutboundEnabledForAgent: spec.outboundEnabled ?? true,
      isAdhocDialingEnabled: true,
      isEndCallEnabled: true,
      isEndConsultEnabled: true,
      allowConsultToQueue: true,
      isAgentAvailableAfterOutdial: false,
      isCampaignManagementEnabled: false,
      agentPersonalStatsEnabled: false,
      outDialEp: spec.outDialEp ?? "ep-outdial-1",
    };
    const contactSignals = Object.fromEntries(
      (Object.keys(SIGNAL_TYPES) as ContactSignal[]).map((k) => [k, new EmulatedSignal<AgentContactMsg>()]),
    ) as Record<ContactSignal, EmulatedSignal<AgentContactMsg>>;
    const record = <T>(method: string, payload: unknown, run: () => Promise<T>): Promise<T> => {
      this.requests.push({ method, payload });
      return run();
    };
    const id = (p: { interactionId: string }) => p.interactionId;
    this.aqm = {
      contact: {
        ...contactSignals,
        eCallRecordingStarted: new EmulatedSignal<AgentContactMsg>(),
        eAgentConsultEndFailed: new EmulatedSignal<AgentContactMsg>(),
        eAgentConsultConferenceEndFailed: new EmulatedSignal<AgentContactMsg>(),
        eAgentCtqCancelled: new EmulatedSignal<AgentContactMsg>(),
        eAgentCtqFailed: new EmulatedSignal<AgentContactMsg>(),
        eAgentCtqCancelFailed: new EmulatedSignal<AgentContactMsg>(),
        eAgentConsultTransferring: new EmulatedSignal<AgentContactMsg>(),
        accept: (p: { interactionId: string }) => record("aqm.contact.accept", p, () => this.backend.accept(spec.agentId, id(p))),
        end: (p: { interactionId: string }) => record("aqm.contact.end", p, () => this.backend.end(spec.agentId, id(p))),
        hold: (p: { interactionId: string; data: { mediaResourceId: string } }) => record("aqm.contact.hold", p, () => this.backend.hold(spec.agentId, id(p))),
        unHold: (p: { interactionId: string; data: { mediaResourceId: string } }) => record("aqm.contact.unHold", p, () => this.backend.unHold(spec.agentId, id(p))),
        wrapup: (p: { interactionId: string; data: Service.Aqm.Contact.WrapupPayLoad }) => record("aqm.contact.wrapup", p, () => this.backend.wrapup(spec.agentId, id(p))),
      },
      agent: {
        eAgentReloginSuccess: new EmulatedSignal<Msg<unknown>>(),
        eAgentStationLoginSuccess: new EmulatedSignal<Msg<unknown>>(),
        eAgentStateChangeSuccess: new EmulatedSignal<Service.Aqm.Agent.StateChangeSuccess>(),
        eAgentDNRegistered: new EmulatedSignal<Msg<unknown>>(),
        eAgentChannelReloginSuccess: new EmulatedSignal<Msg<unknown>>(),
        eAgentChannelStateChanged: new EmulatedSignal<Msg<unknown>>(),
        eAgentLogoutSuccess: new EmulatedSignal<Service.Aqm.Agent.LogoutSuccess>(),
        eAgentMultiLogin: new EmulatedSignal<Msg<unknown>>(),
        reload: () => record("aqm.agent.reload", undefined, async () => ({ data: { auxCodeId: this.session.auxCodeId, status: this.session.status, subStatus: this.session.subStatus } })),
        stateChange: (p: { data: { state: string; auxCodeIdArray: string } }) => record("aqm.agent.stateChange", p, () => this.backend.stateChange(spec.agentId, p.data.state, p.data.auxCodeIdArray)),
        logout: (p: { data: { logoutReason?: string } }) => record("aqm.agent.logout", p, () => this.backend.logout(spec.agentId, p.data.logoutReason)),
        // The Desktop's own station-login dialog calls this; the SDK does not expose it to widgets.
        stationLogin: (p: { data: Service.Aqm.Agent.UserStationLogin }) => record("aqm.agent.stationLogin", p, () => this.backend.stationLogin(spec.agentId, p.data)),
        fetchAddressBooks: () => record("aqm.agent.fetchAddressBooks", undefined, async () => ({ data: [] })),
      },
      dialer: {
        eOutdialFailed: new EmulatedSignal<AgentContactMsg>(),
        eCampaignPreviewAcceptFailed: new EmulatedSignal<AgentContactMsg>(),
        eCampaignPreviewSkipFailed: new EmulatedSignal<AgentContactMsg>(),
        eCampaignPreviewRemoveFailed: new EmulatedSignal<AgentContactMsg>(),
        startOutdial: (p: { data: Service.Aqm.Dialer.tasks }) => record("aqm.dialer.startOutdial", p, () => this.backend.startOutdial(spec.agentId, p.data)),
      },
      screenpop: { eScreenPop: new EmulatedSignal<Service.Aqm.ScreenPop.ScreenPopDetail>() },
      supervisor: {},
      aiAssistant: {},
    };
    this.conf = {
      profile: this.profile,
      isReloginSuccess: true,
      fetchProfile: async () => this.profile,
    };
    this.actionsChannels = {
      createSource: (name: string) => ({ send: (...args: unknown[]) => this.onAction(name, args) }),
      createDestination: (name: string) => ({
        addListener: (fn: (p: { args: unknown[]; meta?: unknown }) => void) => this.listeners(name).add(fn),
        removeListener: (fn: (p: { args: unknown[]; meta?: unknown }) => void) => this.listeners(name).delete(fn),
        removeAllListeners: () => this.listeners(name).clear(),
      }),
    };
  }

  /** Releases `Desktop.config.init()`, which polls `isInited`. */
  ready(): void {
    this.isInited = true;
  }

  emit(signal: ContactSignal, msg: AgentContactMsg): void {
    const d = msg.data;
    // A task leaves the list when wrapped up, when its offer rang out, when a consult this agent
    // was offered ends, and when the customer left while it was still only offered (no wrap-up).
    const abandoned = signal === "eAgentContactEnded" && d.interaction?.state === "new";
    if (signal === "eAgentContactWrappedUp" || signal === "eAgentOfferContactRona" || abandoned || (signal === "eAgentConsultEnded" && this.tasks.get(d.interactionId)?.isConsulted)) {
      this.tasks.delete(d.interactionId);
    } else if (signal !== "eAgentContactEnded" || this.tasks.has(d.interactionId)) {
      this.tasks.set(d.interactionId, d);
    }
    this.aqm.contact[signal].send(msg);
  }

  outdialFailed(msg: AgentContactMsg): void {
    this.aqm.dialer.eOutdialFailed.send(msg);
  }

  get status(): AgentSession["status"] {
    return this.session.status;
  }

  get subStatus(): AgentSession["subStatus"] {
    return this.session.subStatus;
  }

  get auxCodeId(): string {
    return this.session.auxCodeId;
  }

  /**
   * An agent-session notification from the back end: the session and the profile the SDK reads
   * at init follow it (so a desktop that loads later starts from the same state), then the signal
   * fires, as the real host's notification channel does.
   */
  agentSignal(signal: AgentSignal, msg: AgentMsg): void {
    applyAgentMessage(this.session, signal, msg);
    this.syncProfile();
    (this.aqm.agent[signal] as unknown as EmulatedSignal<AgentMsg>).send(msg);
  }

  /** A desktop (re)loading takes the back end's session as it is, before the SDK starts: no signal. */
  restoreSession(s: AgentSession): void {
    Object.assign(this.session, s);
    this.syncProfile();
  }

  /** The idle code the agent is in, by name (system codes such as RONA included); undefined when Available. */
  idleCodeName(): string | undefined {
    if (this.session.subStatus !== "Idle") return undefined;
    return ((this.profile.idleCodes ?? []) as IdleCode[]).find((c) => c.id === this.session.auxCodeId)?.name;
  }

  private syncProfile(): void {
    const s = this.session;
    this.profile.agentStatus = s.status;
    this.profile.agentSubStatus = s.subStatus;
    const code = ((this.profile.idleCodes ?? []) as IdleCode[]).find((c) => c.id === s.auxCodeId);
    this.profile.idleCode = s.subStatus === "Idle" && code ? { id: code.id, name: code.name } : undefined;
  }

  private listeners(name: string) {
    let set = this.channels.get(name);
    if (!set) this.channels.set(name, (set = new Set()));
    return set;
  }

  /** `Desktop.actions` requests: answer on the matching `/Res` channel as the Desktop does (docs/reference/webex-desktop.md §2.6). */
  private onAction(name: string, args: unknown[]): void {
    this.requests.push({ method: `actions.${name}`, payload: args });
    const reqId = args[args.length - 1];
    const reply = (value: unknown) => {
      const res = name.replace(/\/Req$/, "/Res");
      queueMicrotask(() => this.listeners(res).forEach((fn) => fn({ args: [value, reqId] })));
    };
    switch (name) {
      case "getTaskMap/Req":
        return reply(new Map(this.tasks));
      case "getIdleCodes/Req":
        return reply(this.profile.idleCodes);
      case "getWrapUpCodes/Req":
        return reply(this.profile.wrapupCodes);
      case "getToken/Req":
        return reply("emulated-token");
      default:
        return;
    }
  }
}
