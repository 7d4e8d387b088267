/**
 * The words the panel builds from the agent's and conversations' state, in the current language
 * (i18n/localize.ts); customers are masked as in the logs (notices.ts `conversationOf`).
 */
import type { AgentState, Leg } from "../channel/protocol";
import type { MessageId } from "./i18n/en";
import { currentLanguage, t } from "./i18n/localize";
import { conversationOf, type ConversationRef } from "./notices";

/** The agent's state as one short phrase: "Idle: Meeting, in wrap-up". */
export function agentText(a: AgentState): string {
  if (a.status === "signed-out") return t("agent.signedOut");
  const base = a.status === "available" ? t("agent.available") : a.status === "idle" ? (a.idleCode ? t("agent.idleCode", a.idleCode.name) : t("agent.idle")) : t("agent.unknown");
  if (a.activity === "conversation") return t("agent.onConversation", base);
  if (a.activity === "wrap-up") return t("agent.inWrapUp", base);
  return base;
}

/** "Call from +********32", "Chat with …": what the conversation is and who it is with, masked. */
export function conversationText(c: ConversationRef): string {
  const media = t(`media.${c.media}` as MessageId);
  const who = c.customer || t("conv.unknownCustomer");
  return c.direction === "OUTBOUND" ? t("conv.to", media, who) : t("conv.from", media, who);
}

/** A leg as a line of the conversation list: who, and what it is doing now. */
export function legText(l: Leg): string {
  const what = l.role === "consult" ? t("phase.consult") : l.phase === "offered" ? t("phase.ringing") : l.held ? t("phase.held") : t("phase.connected");
  return `${conversationText(conversationOf(l))} – ${what}`;
}

const DEFAULT_REASON_IDS: Record<string, MessageId> = {
  "End of shift": "reason.endOfShift",
  Lunch: "reason.lunch",
  Training: "reason.training",
  Meeting: "reason.meeting",
  Personal: "reason.personal",
  "Technical problem": "reason.technical",
  Other: "reason.other",
};

/** A sign-out reason as the agent reads it: the default ones translated, an admin's own as written. */
export function reasonText(reason: string): string {
  const id = DEFAULT_REASON_IDS[reason];
  return id ? t(id) : reason;
}

/** A time of day in the agent's language and the browser's time zone, e.g. "14:05". */
export function timeText(at: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { hour: "2-digit", minute: "2-digit" }).format(at);
}
