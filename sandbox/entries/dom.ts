/** A tiny element builder for the sandbox pages: text always goes in as text, never as HTML. */
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void) | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
  return el;
}

export function clock(ms: number | undefined): string {
  if (ms === undefined) return "";
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}:${String(d.getSeconds()).padStart(2, "0")}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

export function duration(ms: number | undefined): string {
  if (ms === undefined) return "";
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export interface PageConfig {
  sap: string;
  mashup: string;
  desktops: string[];
  agents: { agentId: string; agentName: string }[];
  /** Agents of the Webex-in-SAP topology (no desktop: they sign in through the Webex CC SDK). */
  cloudAgents: { agentId: string; agentName: string }[];
  webexCloud: { origin: string };
  outdialEp: string;
}

export async function loadConfig(): Promise<PageConfig> {
  const r = await fetch("/sandbox/config.json", { cache: "no-store" });
  return (await r.json()) as PageConfig;
}

/** Adds a line to the flow screen's event trace (best effort: the trace is a view, not a record). */
export function trace(source: string, kind: "webex" | "channel" | "sap" | "note", text: string): void {
  void fetch("/trace", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ at: Date.now(), source, kind, text }) }).catch(() => undefined);
}
