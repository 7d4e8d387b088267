/**
 * Click-to-dial on the Webex side (contract §6): checks what the desktop allows, then builds the
 * exact `startOutdial` payload. Pure.
 */
import { OUTDIAL_DIAL_PLAN, OUTDIAL_NOT_ENABLED, OUTDIAL_NO_ENTRY_POINT } from "../channel/protocol";
import type { OutdialData } from "./desktop-port";

export type OutdialCheck = { ok: true; data: OutdialData } | { ok: false; error: string };

export function outdialRequest(
  destination: string,
  agent: Record<string, unknown>,
  entryPointId: string | undefined,
  outdialAni: string | undefined,
): OutdialCheck {
  if (agent.isOutboundEnabledForAgent === false || agent.isOutboundEnabledForTenant === false) {
    return { ok: false, error: OUTDIAL_NOT_ENABLED };
  }
  if (!entryPointId) return { ok: false, error: OUTDIAL_NO_ENTRY_POINT };
  if (!/^\+[1-9][0-9]{1,14}$/.test(destination)) return { ok: false, error: "The number is not in E.164 format." };
  const regex = typeof agent.outDialRegex === "string" ? agent.outDialRegex : "";
  if (regex) {
    let allowed = true;
    try {
      allowed = new RegExp(regex).test(destination);
    } catch {
      allowed = true; // a dial plan we cannot read is Webex's to enforce, not ours
    }
    if (!allowed) return { ok: false, error: OUTDIAL_DIAL_PLAN };
  }
  const data: OutdialData = {
    entryPointId,
    destination,
    direction: "OUTBOUND",
    attributes: {},
    mediaType: "telephony",
    outboundType: "OUTDIAL",
  };
  if (outdialAni) data.origin = outdialAni;
  return { ok: true, data };
}

/**
 * A short, customer-data-free reason from whatever Webex rejected with: its `reason` (and code),
 * else an Error's message, else `fallback`.
 */
export function failureReason(err: unknown, fallback = "Webex refused the call"): string {
  const o = err as { details?: { data?: { reason?: unknown; reasonCode?: unknown } }; data?: { reason?: unknown; reasonCode?: unknown }; message?: unknown };
  const data = o?.details?.data ?? o?.data;
  const text = typeof data?.reason === "string" && data.reason ? data.reason : typeof o?.message === "string" && o.message ? o.message : fallback;
  return (data?.reasonCode !== undefined ? `${text} (${String(data.reasonCode)})` : text).slice(0, 200);
}
