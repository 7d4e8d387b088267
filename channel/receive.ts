/**
 * The one gate every incoming channel message passes: exact origin, our protocol, valid shape.
 * Whatever fails is dropped and counted in the log, never thrown into the host page.
 */
import type { Log } from "./log";
import { looksLikeOurs, type Message, type Parse, type ParseResult } from "./protocol";

export interface Incoming<M extends Message = Message> {
  message: M;
  origin: string;
  source: MessageEventSource | null;
}

/** `parse` is the receiving side's own (`parseToWidget` or `parseToMashup`): a message meant for the other side is malformed here. */
export function receive<M extends Message>(
  event: Pick<MessageEvent, "data" | "origin" | "source">,
  allowed: readonly string[],
  log: Log,
  parse: Parse<M>,
): Incoming<M> | undefined {
  let data: unknown;
  let origin: string;
  try {
    data = event.data;
    origin = String(event.origin);
  } catch {
    log.drop("unreadable");
    return undefined;
  }
  let ours: boolean;
  try {
    ours = looksLikeOurs(data);
  } catch {
    ours = false; // an object that throws when read is no message of ours
  }
  if (!ours) return undefined; // someone else's traffic (SAP, other widgets): not ours to count
  if (!allowed.includes(origin)) {
    log.drop("origin", `from ${origin}`);
    return undefined;
  }
  let parsed: ParseResult<M>;
  try {
    parsed = parse(data);
  } catch {
    parsed = { ok: false, reason: "unreadable" };
  }
  if (!parsed.ok) {
    log.drop("malformed", parsed.reason);
    return undefined;
  }
  let source: MessageEventSource | null;
  try {
    source = event.source;
  } catch {
    source = null;
  }
  return { message: parsed.message, origin, source };
}

/** Posts with an exact target origin; a closed or navigated-away window is not an error worth throwing. */
export function post(target: MessageEventSource | Window | null | undefined, message: Message, origin: string, log: Log): boolean {
  if (!target || origin === "*") return false;
  try {
    (target as Window).postMessage(message, origin);
    return true;
  } catch (e) {
    log.debug(`post failed: ${(e as Error)?.name ?? "error"}`);
    return false;
  }
}

export function newInstanceId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Liveness: a peer that said nothing for this long is considered gone. */
export const PING_INTERVAL_MS = 4000;
export const LINK_TIMEOUT_MS = 12000;
export const HELLO_INTERVAL_MS = 1500;

/** A frame that was removed or a window that was closed reports `closed`; reading it never throws for a live proxy. */
export function isClosed(w: MessageEventSource): boolean {
  try {
    return (w as Window).closed === true;
  } catch {
    return false;
  }
}
