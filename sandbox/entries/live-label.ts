/**
 * What the SAP stand-in's Live Activity card says about an interaction (pure): incoming or
 * outgoing, call, chat, e-mail or message, and whether it rings, is connected, is a consult or a
 * conference. SAP's payload alone cannot tell a consult pop from a ringing offer, nor a chat from
 * an e-mail (both are Type CHAT); the stand-in reads that from the simulation (`/cc/state`),
 * where a real SAP would show its own telephony bar.
 */
import type { Fields } from "../sap-host/sap-contract";

/** What the simulation says this agent's desktop last heard about the interaction. */
export interface SimLeg {
  media: string;
  /** AQM type of the agent's last notification, e.g. "AgentOfferConsult". */
  type: string;
  consult: boolean;
}

export interface LiveLabel {
  title: string;
  status: string;
}

function who(f: Fields): string {
  return f.Type === "CHAT" ? f.Email ?? "" : f.ANI ?? "";
}

/** "Outgoing call to +1…", "Incoming call from +1…", "Chat from …", "E-mail from …", "Message from … (WHATSAPP_1)". */
export function titleOf(f: Fields, media?: string): string {
  const address = who(f);
  if (f.Type === "CALL") {
    if (f.EventType === "OUTBOUND") return address ? `Outgoing call to ${address}` : "Outgoing call";
    return address ? `Incoming call from ${address}` : "Incoming call from an unknown number";
  }
  if (f.Type === "MESSAGE") return `Message from ${address || "an unknown sender"}${f.ChannelId ? ` (${f.ChannelId})` : ""}`;
  const noun = media === "email" ? "E-mail" : "Chat";
  return address ? `${noun} from ${address}` : `${noun} from an unknown sender`;
}

/**
 * The card's two lines. `accepted` is whether SAP got ACCEPT for this agent's leg; `since` is
 * the time text to show with a live interaction.
 */
export function liveLabel(f: Fields, accepted: boolean, leg: SimLeg | undefined, since: string): LiveLabel {
  const title = titleOf(f, leg?.media);
  if (leg?.consult || leg?.type === "AgentOfferConsult") {
    return { title, status: leg.type === "AgentOfferConsult" ? "consult request from a colleague: no activity is logged for it" : "consult with a colleague: no activity is logged for it" };
  }
  if (!accepted) {
    if (f.Type === "CALL") return { title, status: f.EventType === "OUTBOUND" ? "dialling…" : "ringing" };
    return { title, status: "offered: accept it in the Agent Desktop" };
  }
  if (leg && /Conference/.test(leg.type) && leg.type !== "ParticipantLeftConference") return { title, status: `conference · since ${since}` };
  return { title, status: `${f.Type === "CALL" ? "connected" : "in progress"} · since ${since}` };
}
