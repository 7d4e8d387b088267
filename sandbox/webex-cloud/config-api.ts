/**
 * The configuration REST calls `cc.register()` makes on `wcc-api-gateway` after the notification
 * socket's welcome (docs/reference/webex-cc-sdk.md §4), answered from the simulation's agent
 * profile — the same teams, idle codes, wrap-up codes and dial plan the emulated Agent Desktop
 * shows — so both faces of the sandbox describe one tenant.
 */
import type { AgentxHost, IdleCode } from "../desktop-host/agentx-host";

type Json = unknown;

/**
 * The profile's outdial ANI list (caller ids the agent may dial out as): the outdial widget reads
 * its entries (`/v2/outdial-ani/<id>/entry`) and logs an error when the profile names none.
 */
export const OUTDIAL_ANI_ID = "ani-sandbox-1";
export const OUTDIAL_ANI_ENTRIES = [{ id: "ani-entry-1", name: "Sandbox main line", number: "+14155550100", links: [] }] as const;

const page = (data: unknown[]) => ({ data, meta: { page: 0, pageSize: 100, totalPages: 1, totalRecords: data.length } });

/** Answers a GET on the gateway for `agent`'s token; undefined when no such resource. */
export function configResource(path: string, orgId: string, host: AgentxHost): Json | undefined {
  const org = `organization/${orgId}`;
  if (!path.startsWith(org)) return undefined;
  const rest = path.slice(org.length);
  const spec = host.spec;
  const profile = host.profile;
  const teams = (profile.teams ?? []) as { teamId: string; teamName: string }[];
  const [first, ...last] = spec.agentName.split(" ");
  if (rest === "") return { id: orgId, tenantId: "sandbox-tenant-1", timezone: "Europe/Berlin", name: "Sandbox tenant" };
  if (rest === `/user/by-ci-user-id/${spec.agentId}`) {
    return {
      id: `user-${spec.agentId.slice(-4)}`, ciUserId: spec.agentId, firstName: first, lastName: last.join(" "),
      email: `${spec.agentName.toLowerCase().replace(/\s+/g, ".")}@sandbox.example`, agentProfileId: "profile-1", siteId: "site-1",
      teamIds: teams.map((t) => t.teamId), defaultDialledNumber: profile.defaultDn ?? "", multimediaProfileId: "mm-blended", skillProfileId: null, dbId: `db-${spec.agentId.slice(-4)}`,
    };
  }
  if (rest === "/agent-profile/profile-1") {
    return {
      id: "profile-1", name: "Sandbox agents", accessIdleCode: "ALL", idleCodes: [], accessWrapUpCode: "ALL", wrapUpCodes: [],
      autoAnswer: false, autoWrapUp: false, autoWrapAfterSeconds: 0, allowAutoWrapUpExtension: false, lastAgentRouting: false,
      dialPlanEnabled: true, dialPlans: ["dial-plan-any"], outdialEnabled: profile.isOutboundEnabledForAgent ?? true, outdialEntryPointId: profile.outDialEp ?? "",
      agentAvailableAfterOutdial: false, consultToQueue: true, addressBookId: "", outdialANIId: OUTDIAL_ANI_ID, agentDNValidation: "NONE",
      loginVoiceOptions: ["AGENT_DN", "EXTENSION"], viewableStatistics: { agentStats: false }, timeoutDesktopInactivityCustomEnabled: false,
    };
  }
  if (rest === "/site/site-1") return { id: "site-1", name: "Sandbox site", multimediaProfileId: "mm-blended" };
  if (rest.startsWith("/v2/team?")) return page(teams.map((t) => ({ id: t.teamId, name: t.teamName, teamType: "AGENT_BASED", teamStatus: "IN_SERVICE", active: true, siteId: "site-1", siteName: "Sandbox site", multiMediaProfileId: "mm-blended", userIds: [], rankQueuesForTeam: false, queueRankings: [] })));
  if (rest.startsWith("/v2/auxiliary-code?")) {
    const idle = ((profile.idleCodes ?? []) as IdleCode[]).map((c) => ({ id: c.id, name: c.name, isSystemCode: c.isSystem, defaultCode: c.isDefault, workTypeCode: "IDLE_CODE", active: true }));
    const wrap = ((profile.wrapupCodes ?? []) as IdleCode[]).map((c) => ({ id: c.id, name: c.name, isSystemCode: c.isSystem, defaultCode: c.isDefault, workTypeCode: "WRAP_UP_CODE", active: true }));
    return page([...idle, ...wrap]);
  }
  if (rest.startsWith("/v2/organization-setting")) return { data: [{ campaignManagerEnabled: false, webRtcEnabled: false, maskSensitiveData: false }] };
  if (rest.startsWith("/v2/tenant-configuration")) {
    return { data: [{ timeoutDesktopInactivityEnabled: false, timeoutDesktopInactivityMins: 0, forceDefaultDn: false, dnDefaultRegex: "", dnOtherRegex: "", privacyShieldVisible: false, outdialEnabled: true, endCallEnabled: true, endConsultEnabled: true, callVariablesSuppressed: false, lostConnectionRecoveryTimeout: 50_000 }] };
  }
  if (rest.startsWith("/v2/org-url-mapping")) return { data: [] };
  if (rest.startsWith(`/v2/outdial-ani/${OUTDIAL_ANI_ID}/entry`)) return page([...OUTDIAL_ANI_ENTRIES]);
  // The SDK iterates this answer directly as the list of dial plans.
  if (rest.startsWith("/dial-plan")) return [{ id: "dial-plan-any", name: "Any Format", regularExpression: "^\\+?[0-9]{6,15}$", prefix: "", strippedChars: "" }];
  if (rest.startsWith("/v2/entry-point?")) return page([{ id: "entry-point-main", name: "Main entry point", description: "", channelType: "TELEPHONY", active: true }]);
  if (rest.startsWith("/v2/contact-service-queue?")) return page([{ id: "queue-support", name: "Support", description: "", channelType: "TELEPHONY", active: true }]);
  return undefined;
}
