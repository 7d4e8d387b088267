/**
 * Small HTTP helpers for the emulated Webex cloud: JSON answers with the CORS headers a browser
 * client on another origin needs (Webex's APIs are called cross-origin from the agent's page, with
 * an Authorization header, so preflights must pass), request bodies (JSON or form-encoded), and
 * the bearer token of a request.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export function cors(req: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": req.headers.origin ?? "*",
    "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "authorization, content-type, trackingid",
    "access-control-expose-headers": "trackingid",
    "access-control-max-age": "600",
    vary: "origin",
  };
}

export function send(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...cors(req), "content-type": "application/json", "cache-control": "no-store", trackingid: `sandbox_${randomUUID()}` });
  res.end(value === undefined ? "" : JSON.stringify(value));
}

/** Webex's 401 body for a missing, unknown, revoked or expired token. */
export function unauthorized(req: IncomingMessage, res: ServerResponse): void {
  send(req, res, 401, { message: "The request requires a valid access token set in the Authorization request header.", errors: [{ description: "The request requires a valid access token set in the Authorization request header." }], trackingId: `sandbox_${randomUUID()}` });
}

/** A request's body as text, refused beyond 256 KiB (the sandbox server's requests are small). */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 256 * 1024) throw new Error("request too large");
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req);
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  const v = JSON.parse(text) as unknown;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? "";
  return /^Bearer\s+(.+)$/i.exec(h)?.[1]?.trim() ?? "";
}
