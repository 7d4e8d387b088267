/**
 * The agent's Webex state, reduced to what SAP shows (pure). Read from the SDK's
 * `agentStateInfo.latestData` (reference webex-desktop.md §3.6).
 */
import type { AgentState, IdleCode } from "../channel/protocol";

const s = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);

function idleCodesOf(list: unknown): IdleCode[] {
  if (!Array.isArray(list)) return [];
  const out: IdleCode[] = [];
  for (const c of list.slice(0, 500)) {
    const id = s((c as { id?: unknown })?.id);
    const name = s((c as { name?: unknown })?.name);
    if (id && name && (c as { isSystem?: unknown }).isSystem !== true) out.push({ id: id.slice(0, 128), name: name.slice(0, 256) });
  }
  return out;
}

export function agentStateFrom(data: Record<string, unknown>, agentId?: string): AgentState {
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
  if (status === "loggedout" || status === "logged_out" || status === "signedout") state.status = "signed-out";
  else if (sub === "available") state.status = "available";
  else if (sub === "idle") {
    state.status = "idle";
    const code = data.idleCode as { id?: unknown; name?: unknown } | undefined;
    const id = s(code?.id);
    const codeName = s(code?.name) ?? state.idleCodes.find((c) => c.id === id)?.name;
    if (id && codeName) state.idleCode = { id: id.slice(0, 128), name: codeName.slice(0, 256) };
  }
  return state;
}
