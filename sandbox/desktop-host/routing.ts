/**
 * The simulation's routing rule and the agent-session requests it depends on (pure apart from the
 * clock passed in). Webex offers a queued conversation only to an agent who is signed in,
 * Available, and has room for it in their multimedia profile; anything else waits in its queue.
 *
 * Capacity, per channel, as a blended Webex multimedia profile may grant it: 1 call, 5 chats,
 * 5 e-mails, 5 social messages (the routing rule is docs/reference/webex-desktop.md §4.1; the
 * numbers are the sandbox's own choice, an admin sets them per profile). A conversation holds its slot from the offer until
 * the agent has wrapped it up, so an agent in wrap-up after a call gets no second call. Channels
 * are independent: a call does not block a chat.
 */
import type { Service } from "@wxcc-desktop/sdk-types/agentx-services/index";
import type { IdleCode } from "./agentx-host";
import { logoutMessage, stateChangeMessage, stationLoginMessage, type AgentSession } from "./agent-messages";
import type { MediaType } from "./messages";

export const CAPACITY: Readonly<Record<MediaType, number>> = { telephony: 1, chat: 5, email: 5, social: 5 };

/** Id of the system idle code Webex puts an agent in after an offer rang out (RONA). */
export const RONA_CODE_NAME = "RONA";

/** A Webex-shaped refusal, as the host's requests reject: `{ details: { data: { reason, reasonCode } } }`. */
export function refusal(reason: string, reasonCode: number): { details: { trackingId: string; data: { reason: string; reasonCode: number } } } {
  return { details: { trackingId: `t-refused-${reasonCode}`, data: { reason, reasonCode } } };
}

/** Whether routing may offer one more conversation of `media` to an agent holding `load` of them. */
export function canTake(s: AgentSession, media: MediaType, load: number, capacity: Readonly<Record<MediaType, number>> = CAPACITY): boolean {
  return s.status === "LoggedIn" && s.subStatus === "Available" && load < capacity[media];
}

/** Why an agent cannot take a conversation now, for the sandbox's status line; undefined if it can. */
export function whyNot(s: AgentSession, media: MediaType, load: number, capacity: Readonly<Record<MediaType, number>> = CAPACITY): string | undefined {
  if (s.status !== "LoggedIn") return "signed out";
  if (s.subStatus !== "Available") return "not Available";
  if (load >= capacity[media]) return `at capacity for ${media} (${capacity[media]})`;
  return undefined;
}

function touch(s: AgentSession, now: number, idleChanged: boolean): void {
  s.lastStateChangeTimestamp = now;
  if (idleChanged) s.lastIdleCodeChangeTimestamp = now;
}

/**
 * The agent asks for Available or an idle code. Webex refuses an idle code it does not know
 * (reason code as the emulator has always used), and a change while signed out.
 */
export function stateChange(s: AgentSession, idleCodes: readonly IdleCode[], state: string, auxCodeId: string, now: number): Service.Aqm.Agent.StateChangeSuccess {
  if (s.status !== "LoggedIn") throw refusal("Agent is not logged in", 1102);
  const idle = state.toLowerCase() === "idle";
  if (idle && !idleCodes.some((c) => c.id === auxCodeId)) throw refusal("Invalid idle code", 1101);
  if (!idle && state.toLowerCase() !== "available") throw refusal(`Unknown state ${state}`, 1103);
  const next = idle ? auxCodeId : "0";
  touch(s, now, next !== s.auxCodeId);
  s.subStatus = idle ? "Idle" : "Available";
  s.auxCodeId = next;
  return stateChangeMessage(s, now, "self");
}

/** Webex moves an agent whose offer rang out to the RONA idle state (a system idle code). */
export function ronaState(s: AgentSession, idleCodes: readonly IdleCode[], now: number): Service.Aqm.Agent.StateChangeSuccess | undefined {
  const rona = idleCodes.find((c) => c.isSystem && c.name.toUpperCase() === RONA_CODE_NAME);
  if (!rona || s.status !== "LoggedIn") return undefined;
  touch(s, now, rona.id !== s.auxCodeId);
  s.subStatus = "Idle";
  s.auxCodeId = rona.id;
  return stateChangeMessage(s, now, "system", "RONA");
}

/** Sign-out: refused while the agent still has conversations (Webex's own rule). */
export function logout(s: AgentSession, openTasks: number, now: number): Service.Aqm.Agent.LogoutSuccess {
  if (s.status !== "LoggedIn") throw refusal("Agent is not logged in", 1102);
  if (openTasks > 0) throw refusal("You cannot sign out now because you have active conversations", 1201);
  const msg = logoutMessage(s, now);
  s.status = "LoggedOut";
  touch(s, now, false);
  return msg;
}

/**
 * Station login after a sign-out: a new session, the chosen team and dial number, and — as a real
 * login does — the default idle state; the agent then chooses Available.
 */
export function stationLogin(s: AgentSession, idleCodes: readonly IdleCode[], data: Service.Aqm.Agent.UserStationLogin, teams: readonly { teamId: string }[], now: number): Service.Aqm.Agent.StationLoginSuccess {
  if (s.status === "LoggedIn") throw refusal("Agent is already logged in", 1104);
  const teamId = data.teamId ?? "";
  if (!teams.some((t) => t.teamId === teamId)) throw refusal(`Team ${teamId || "(none)"} is not one of the agent's teams`, 1105);
  const dn = (data.dialNumber ?? data.dn ?? "").replace(/[^\d+]/g, "");
  if (!/^\+?\d{3,15}$/.test(dn)) throw refusal("Dial number is not a phone number", 1106);
  const defaultIdle = idleCodes.find((c) => c.isDefault && !c.isSystem) ?? idleCodes.find((c) => !c.isSystem);
  const n = Number(/(\d+)$/.exec(s.agentSessionId)?.[1] ?? "0") + 1;
  s.status = "LoggedIn";
  s.subStatus = "Idle";
  s.auxCodeId = defaultIdle?.id ?? "0";
  s.agentSessionId = `session-${n}`;
  s.teamId = teamId;
  s.dn = dn;
  touch(s, now, true);
  return stationLoginMessage(s, now);
}
