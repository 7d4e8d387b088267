/**
 * What the agent is told in the pane, and when it goes away. A notice is data — its kind (the id
 * of its message in the catalog, i18n/en.ts), the values for the message's placeholders (already
 * masked as in the logs), the conversation it concerns — so it is shown in the agent's language
 * and logged in English. Adding a notice is one catalog message plus one entry in LEVELS.
 *
 * The stack is bounded and newest first; a notice whose cause is gone (the number was fixed, the
 * link came back, the conversation ended) is cleared by the code that sees the cause go.
 */
import type { Leg } from "../channel/protocol";
import { maskName, maskValue } from "../channel/mask";
import type { NoticeKind } from "./i18n/en";
import { english } from "./i18n/localize";

export type { NoticeKind };
export type NoticeLevel = "info" | "warn" | "error";

/** Which conversation a notice is about, enough to name it without customer data in clear. */
export interface ConversationRef {
  interactionId: string;
  media: Leg["media"];
  direction: Leg["direction"];
  /** The customer as the logs show them: masked number, address or name; empty when unknown. */
  customer: string;
}

export interface Notice {
  kind: NoticeKind;
  level: NoticeLevel;
  /** Values for the message's placeholders, in order; already masked. */
  args: string[];
  /** The message in English, for the log (and for tests): the agent sees it in their language. */
  text: string;
  conversation?: ConversationRef;
  /**
   * What makes the notice go away by itself: `conv:<interactionId>`, `link`, `dial`, `parser`,
   * `state`, `sign-out`, `popup`. Absent: only the agent dismisses it.
   */
  cause?: string;
  /** Technical detail for the log only (e.g. Webex's own reason); never shown. */
  detail?: string;
  /** The ExternalReferenceID of the agent leg it concerns, if any: the log names the leg by it. */
  ref?: string;
}

/** How serious each kind is: errors (something was not done), warnings (done, but less), info. */
export const LEVELS: Record<NoticeKind, NoticeLevel> = {
  "n.linkLost": "error",
  "n.linkLostAlongside": "error",
  "n.popupBlocked": "error",
  "n.clickUnreadable": "error",
  "n.noNumberToDial": "error",
  "n.notANumber": "error",
  "n.noCountry": "error",
  "n.impossibleNumber": "error",
  "n.extension": "info",
  "n.dialNotPlaced": "error",
  "n.dialNotLinked": "error",
  /** A click-to-dial in an SAP tab that stands by: the tab with the connector dials (tab-ownership.ts). */
  "n.dialForwarded": "info",
  "n.dialNotAllowed": "error",
  "n.dialPlan": "error",
  "n.outdialFailed": "error",
  "n.parserWait": "error",
  "n.parserFailed": "error",
  "n.stateUnknownCode": "error",
  "n.stateSignedOut": "error",
  "n.stateRefused": "error",
  "n.signOutPickReason": "error",
  "n.signOutAlready": "error",
  "n.signOutOpen": "error",
  "n.signOutRefused": "error",
  "n.noSapType": "warn",
  "n.noChannelId": "error",
  "n.noEmail": "warn",
  "n.badNumber": "warn",
  "n.noNumber": "warn",
  /**
   * A value from Webex failed its SAP field's rule and was left out of the payload (the rest was
   * sent). Args: the SAP field's name ("Email", "ANI", "Custom_2", "ChannelId"), the value masked
   * with `shown`; with the conversation. For sap-payload.ts's field validation.
   */
  "n.fieldLeftOut": "warn",
};

export interface NoticeOptions {
  conversation?: ConversationRef | undefined;
  cause?: string | undefined;
  detail?: string | undefined;
}

/** Builds a notice of `kind`; `args` must already be masked (see `shown`). */
export function notice(kind: NoticeKind, args: readonly string[] = [], o: NoticeOptions = {}): Notice {
  const n: Notice = { kind, level: LEVELS[kind], args: [...args], text: english(kind, ...args) };
  const cause = o.cause ?? (o.conversation ? `conv:${o.conversation.interactionId}` : undefined);
  if (o.conversation) n.conversation = o.conversation;
  if (cause) n.cause = cause;
  if (o.detail) n.detail = o.detail;
  return n;
}

/** The conversation a leg belongs to, its customer masked. */
export function conversationOf(leg: Leg): ConversationRef {
  const c = leg.customer;
  const customer = c.name ? maskName(c.name) : c.ani ? shown(c.ani) : c.email ? shown(c.email) : "";
  return { interactionId: leg.interactionId, media: leg.media, direction: leg.direction, customer };
}

/**
 * A value a customer or SAP gave, as the agent may see it in a notice: masked as the logs mask it
 * (channel/mask.ts `maskValue`: numbers keep their last two digits, addresses their first letters,
 * anything else only its first character).
 */
export const shown = maskValue;

/** A notice as it sits in the stack. */
export interface Raised {
  id: number;
  notice: Notice;
  /** When it was raised (ms since epoch), shown as a time. */
  at: number;
}

/** At most this many are kept; the oldest goes first. */
export const STACK_LIMIT = 20;

const sameAs = (a: Notice, b: Notice) =>
  a.kind === b.kind && a.args.join("\u0000") === b.args.join("\u0000") && a.conversation?.interactionId === b.conversation?.interactionId;

/** The bounded notice stack, newest first. Pure: the caller passes the time. */
export class NoticeStack {
  #items: Raised[] = [];
  #next = 1;

  /** Newest first. */
  get items(): readonly Raised[] {
    return this.#items;
  }

  /** Adds a notice on top; the same notice raised again moves up with its new time instead of doubling. */
  raise(n: Notice, now: number): Raised {
    const raised = { id: this.#next++, notice: n, at: now };
    this.#items = [raised, ...this.#items.filter((r) => !sameAs(r.notice, n))].slice(0, STACK_LIMIT);
    return raised;
  }

  /** The agent dismissed it. True if it was there. */
  dismiss(id: number): boolean {
    const before = this.#items.length;
    this.#items = this.#items.filter((r) => r.id !== id);
    return this.#items.length !== before;
  }

  /** Clears every notice with this cause whose kind is not in `keep`. True if any went. */
  clear(cause: string, keep: readonly NoticeKind[] = []): boolean {
    const before = this.#items.length;
    this.#items = this.#items.filter((r) => r.notice.cause !== cause || keep.includes(r.notice.kind));
    return this.#items.length !== before;
  }
}
