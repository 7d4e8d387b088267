/**
 * Response headers for hosting dist/ (a static folder): the SAP-side mashup must be frameable by
 * the SAP tenant and may frame only the Webex Agent Desktop; widget.js is a classic script the
 * Desktop loads from another origin. Pure; prints a `_headers` file or an nginx snippet.
 */
import { CliError, originList, resolveDesktop } from "./common";

export interface HeaderOptions {
  sapOrigins: readonly string[];
  /** Data center or Desktop URL; absent = alongside topology (the mashup frames nothing). */
  desktop?: string;
  /** More origins the mashup may frame (e.g. a sign-in page the Desktop redirects to inside the frame). */
  frameSrc?: readonly string[];
  /** URL path where dist/ is served, "/" by default. */
  prefix?: string;
  /** The "Webex in SAP" topology's policy (docs/hosting.md): the SDK's hosts, blob: workers, 'unsafe-eval'. */
  webexInSap?: boolean;
  allowLocalhost?: boolean;
}

export type Header = readonly [name: string, value: string];

export interface HeaderSet {
  /** For everything under sap-mashup/ (index.html, mashup.js, mashup.css, and phone-parser.js, which mashup.js imports on demand). */
  mashup: Header[];
  /** For widget.js. */
  widget: Header[];
  mashupPath: string;
  widgetPath: string;
  /** Headers that must not be sent, with the reason. */
  avoid: string[];
}

export function headerSet(o: HeaderOptions): HeaderSet {
  const local = o.allowLocalhost ?? false;
  const sap = originList(o.sapOrigins, "--sap-origin", local);
  const frames: string[] = [];
  if (o.desktop !== undefined) frames.push(resolveDesktop(o.desktop, "--desktop", local).origin);
  if (o.frameSrc && o.frameSrc.length > 0) frames.push(...originList(o.frameSrc, "--frame-src", local));
  const prefix = normalisePrefix(o.prefix ?? "/");

  if (o.webexInSap && frames.length > 0) throw new CliError("--desktop and --frame-src: the Webex in SAP topology frames nothing; leave them out with --webex-in-sap");
  const csp = o.webexInSap ? webexInSapPolicy(sap) : [
    "default-src 'none'",
    "script-src 'self'",
    // Lit falls back to <style> elements where constructable stylesheets are missing.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${frames.length > 0 ? [...new Set(frames)].join(" ") : "'none'"}`,
    `frame-ancestors ${sap.join(" ")}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");

  return {
    mashupPath: `${prefix}sap-mashup/`,
    widgetPath: `${prefix}widget.js`,
    mashup: [
      ["Content-Security-Policy", csp],
      ["X-Content-Type-Options", "nosniff"],
      ["Referrer-Policy", "strict-origin-when-cross-origin"],
      // File names carry no content hash: let browsers revalidate so a new build is picked up.
      ["Cache-Control", "no-cache"],
    ],
    widget: [
      ["Content-Type", "text/javascript; charset=utf-8"],
      ["X-Content-Type-Options", "nosniff"],
      ["Cross-Origin-Resource-Policy", "cross-origin"],
      ["Cache-Control", "no-cache"],
    ],
    avoid: [
      "X-Frame-Options on sap-mashup/ (DENY or SAMEORIGIN stops SAP from framing it; frame-ancestors above replaces it)",
      "Cross-Origin-Opener-Policy other than unsafe-none on sap-mashup/ (the alongside topology needs window.opener)",
      "Cross-Origin-Embedder-Policy on sap-mashup/ (require-corp blocks framing the Agent Desktop)",
      "Cross-Origin-Resource-Policy same-origin or same-site on widget.js (the Desktop loads it from another origin)",
    ],
  };
}

/**
 * The Content-Security-Policy of the "Webex in SAP" topology's page (docs/hosting.md, "The Webex in
 * SAP topology", which says why each part is there): the Webex CC SDK calls Webex's API hosts,
 * holds a WebSocket, starts workers from blob: URLs; Cisco's widgets need 'unsafe-eval'.
 */
export function webexInSapPolicy(sapOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "media-src 'self' blob: data:",
    "worker-src blob:",
    "connect-src 'self' https://webexapis.com https://*.webex.com wss://*.webex.com https://*.wbx2.com wss://*.wbx2.com https://*.ciscospark.com https://*.cisco.com wss://*.cisco.com",
    "frame-src 'none'",
    `frame-ancestors ${sapOrigins.join(" ")}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
}

function normalisePrefix(raw: string): string {
  const p = raw.trim();
  if (!p.startsWith("/") || /[\s?#*"'{};]/.test(p)) throw new CliError(`--prefix: "${raw}" is not a URL path such as / or /wxcc/`);
  return p.endsWith("/") ? p : `${p}/`;
}

const CORS_NOTE =
  "CORS: not needed. The Desktop loads widget.js as a classic script; it needs only an https URL, " +
  "this JavaScript Content-Type and no login. Add Access-Control-Allow-Origin: * only if a future Desktop " +
  "loads widgets in CORS mode (not documented; docs/reference/webex-desktop.md §1.9).";

/** Netlify / Cloudflare Pages `_headers` format: a path, then indented `Name: value` lines. */
export function formatHeadersFile(s: HeaderSet): string {
  const lines = [
    "# wxcc-sap headers: response headers for hosting dist/",
    "# SAP-side mashup: framed by the SAP tenant (frame-ancestors), frames the Agent Desktop (frame-src).",
    `${s.mashupPath}*`,
    ...s.mashup.map(([n, v]) => `  ${n}: ${v}`),
    "# Headless widget, loaded by the Agent Desktop.",
    `# ${CORS_NOTE}`,
    s.widgetPath,
    ...s.widget.map(([n, v]) => `  ${n}: ${v}`),
    "# Do not send:",
    ...s.avoid.map((a) => `#   ${a}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** An nginx snippet for the server block that serves dist/. */
export function formatNginx(s: HeaderSet): string {
  const add = ([n, v]: Header) => `    add_header ${n} "${v}" always;`;
  const lines = [
    "# wxcc-sap headers: put inside the server { } block whose root is dist/",
    "# SAP-side mashup: framed by the SAP tenant (frame-ancestors), frames the Agent Desktop (frame-src).",
    `location ${s.mashupPath} {`,
    ...s.mashup.map(add),
    "}",
    `# ${CORS_NOTE}`,
    `location = ${s.widgetPath} {`,
    "    types { }",
    `    default_type "${s.widget.find(([n]) => n === "Content-Type")?.[1] ?? "text/javascript"}";`,
    ...s.widget.filter(([n]) => n !== "Content-Type").map(add),
    "}",
    "# Do not send:",
    ...s.avoid.map((a) => `#   ${a}`),
  ];
  return `${lines.join("\n")}\n`;
}
