/**
 * The agent's Webex state, reduced to what SAP shows (pure). Read from the SDK's
 * `agentStateInfo.latestData` (docs/reference/webex-desktop.md §4.3), plus two things the SDK's state
 * object does not carry: a sign-out (the SDK reports it only as `eAgentLogoutSuccess`, and leaves
 * `latestData.status` as it was) and what the agent is busy with (Webex keeps conversations and
 * wrap-up apart from Available/Idle).
 */
import type { AgentState, IdleCode, Leg } from "../channel/protocol";

const s = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);

function idleCodesOf(list: unknown): IdleCode[] {
  if (!Array.isArray(list)) return [];
  const out: IdleCode[] = [];
  for (const c of list.slice(0, 500)) {
    const id = s((c as { id?: unknown })?.id);
    const name = s((c as { name?: unknown })?.name);
    // System codes (e.g. RONA) are set by Webex itself; an agent cannot choose them.
    if (id && name && (c as { isSystem?: unknown }).isSystem !== true) out.push({ id: id.slice(0, 128), name: name.slice(0, 256) });
  }
  return out;
}

export interface AgentExtras {
  /** Webex confirmed a sign-out since the state was last read. */
  signedOut?: boolean;
  /** The legs the widget tracks now (open ones and ended ones not yet wrapped up). */
  legs?: readonly Leg[];
  /** The desktop's language as its layout binds it (`$STORE.app.language`). */
  language?: string | undefined;
}

/** A live conversation wins over wrap-up; a consult offer alone is neither. */
export function activityOf(legs: readonly Leg[]): AgentState["activity"] {
  if (legs.some((l) => l.phase === "connected")) return "conversation";
  if (legs.some((l) => l.phase === "ended" && l.role === "main")) return "wrap-up";
  return undefined;
}

export function agentStateFrom(data: Record<string, unknown>, agentId?: string, extras: AgentExtras = {}): AgentState {
  const status = (s(data.status) ?? "").toLowerCase();
  const sub = (s(data.subStatus) ?? "").toLowerCase();
  const state: AgentState = {
    status: "unknown",
    idleCodes: idleCodesOf(data.idleCodes),
    outdialEnabled: data.isOutboundEnabledForAgent !== false && data.isOutboundEnabledForTenant !== false,
  };
  if (agentId) state.agentId = agentId.slice(0, 200);
  const name = s(data.agentName);
  if (name) state.name = name.slice(0, 256);
  const language = s(extras.language);
  if (language && language.length <= 35 && /^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$/.test(language)) state.language = language;
  if (extras.signedOut || status === "loggedout" || status === "logged_out" || status === "signedout") {
    state.status = "signed-out";
    return state;
  }
  if (sub === "available") state.status = "available";
  else if (sub === "idle") {
    state.status = "idle";
    const code = data.idleCode as { id?: unknown; name?: unknown } | undefined;
    const id = s(code?.id);
    const codeName = s(code?.name) ?? state.idleCodes.find((c) => c.id === id)?.name;
    if (id && codeName) state.idleCode = { id: id.slice(0, 128), name: codeName.slice(0, 256) };
  }
  const activity = extras.legs ? activityOf(extras.legs) : undefined;
  if (activity) state.activity = activity;
  return state;
}
