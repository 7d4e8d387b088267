/**
 * `wxcc-sap`: admin tooling of the connector.
 *
 *   wxcc-sap layout      desktop layout JSON with the headless widget (Webex contact center admin)
 *   wxcc-sap mashup-url  the CTI provider URL to paste into SAP (SAP admin)
 *   wxcc-sap check-url   the same URL in setup-check mode, to prove it on the tenant (SAP admin)
 *   wxcc-sap headers     response headers for hosting dist/
 *
 * `run` is the whole program without process globals, so tests call it directly. Errors print
 * one line to stderr and return a non-zero exit code (1 invalid input, 2 wrong usage).
 */
import { readFile, writeFile } from "node:fs/promises";
import { many, needed, readArgs, single, wantsHelp, type ArgValues, type OptionTable } from "./args";
import { CliError, DATA_CENTERS, fileUrl, originList, outdialAni, WIDGET_FILE } from "./common";
import { formatHeadersFile, formatNginx, headerSet } from "./headers";
import { generateLayout, mergeLayout } from "./layout";
import { mashupUrl } from "./mashup-url";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

const DCS = DATA_CENTERS.join("|");

const HELP = {
  main: `wxcc-sap: set up the Webex Contact Center <-> SAP Sales/Service Cloud connector

Usage: wxcc-sap <command> [options]

Commands:
  layout       write the Agent Desktop layout JSON with the connector's headless widget
  mashup-url   print the URL the SAP admin enters as CTI provider / widget URL
  check-url    print that URL in setup-check mode, to prove the settings on your SAP tenant
  headers      print the response headers for hosting dist/

Run "wxcc-sap <command> --help" for the options of a command.
Exit codes: 0 done, 1 a value was refused, 2 wrong usage (unknown or missing option, option without value).
`,
  layout: `Usage: wxcc-sap layout --widget-url <url> --mashup-origin <origins> [--in <file>] [--out <file>]

Writes a desktop layout (JSON) that loads the headless widget <wxcc-sap-connector> for the roles
agent and supervisorAgent. Upload it in Control Hub > Contact Center > Desktop Layouts.

  --widget-url <url>         https URL of dist/widget.js itself on your host, ending in .js,
                             e.g. https://connector.example.com/widget.js (required)
  --mashup-origin <origins>  origin(s) of the host serving dist/sap-mashup/, each https://host[:port]
                             (no path); several separated by commas or spaces, or repeat the
                             option (required)
  --in <file>                the layout exported from Control Hub: the widget is added (or updated)
                             in agent and supervisorAgent only, everything else is kept; running it
                             again changes nothing. Older single-role layouts are handled too.
                             Without --in, a complete new role-based layout is written.
  --out <file>               write here instead of to standard output (may equal --in)
  --outdial-ani <number>     caller id for click-to-dial calls (optional): E.164, e.g. +14155550100,
                             or a dial number of 3-15 digits, e.g. 4155550100, as listed in Webex's
                             Outdial ANI entries; spaces, hyphens, dots and brackets are dropped
  --allow-localhost          accept http://localhost origins (local sandbox only)
  -h, --help                 this help
`,
  "mashup-url": `Usage: wxcc-sap mashup-url --base <url> --sap-origin <origins> --desktop <dc|url> [options]

Prints the URL of the SAP-side mashup with its configuration, encoded and checked, ready to paste
as the External Provider / CTI provider URL in SAP.

  --base <url>               https URL of the mashup page itself (dist/sap-mashup/index.html on
                             your host), ending in .html, not a folder, without query (required)
  --sap-origin <origins>     origin(s) of the SAP tenant, each https://host[:port], e.g.
                             https://my123456.crm.ondemand.com; several separated by commas or
                             spaces, or repeat the option (required)
  --desktop <${DCS}|url>
                             the Webex data center (Agent Desktop https://desktop.wxcc-<dc>.cisco.com/)
                             or the https URL of the Agent Desktop (required unless --desktop-origin)
  --alongside                do not embed the Desktop: the mashup shows a button that opens it in
                             its own window
  --desktop-origin <origins> more origins the widget's messages may come from, each
                             https://host[:port]; commas or spaces, or repeat (optional)
  --format <json|xml>        payload format SAP expects (default json)
  --default-country <XX>     two-letter ISO 3166 country for Webex numbers without international
                             prefix, e.g. DE
  --channels <pairs>         webexChannel:SapChannelId pairs, e.g. whatsapp:Sinch_WhatsApp; several
                             separated by commas or spaces, or repeat the option
  --cad <pairs>              cadVariable:Custom_n pairs (n = 1-4), e.g. CustomerId:Custom_1; several
                             separated by commas or spaces, or repeat the option
  --logout-reason <text>     a sign-out reason offered in SAP, e.g. "End of shift" (at most 100
                             characters); repeat the option or separate with commas (a reason may
                             contain spaces). Default: the mashup's own list
  --follow-selection <on|off>
                             whether SAP shows the customer of the conversation the agent
                             selects in the Desktop (default on)
  --webex-in-sap             the "Webex in SAP" topology: no Agent Desktop; Cisco's widgets and the
                             Webex CC SDK in SAP's pane (docs/webex-in-sap.md). Then no --desktop,
                             --alongside or --desktop-origin, and --webex-client-id is required
  --webex-client-id <id>     the client id of the admin's Webex Integration (with --webex-in-sap)
  --webex-desktop <dc|url>   with --webex-in-sap: the Agent Desktop (data center or URL) the same
                             agents may also keep open in another SAP tab; the pane and that tab
                             then agree which one posts to SAP. Repeat for several
  --allow-localhost          accept http://localhost URLs (local sandbox only)
  -h, --help                 this help
`,
  "check-url": `Usage: wxcc-sap check-url <the options of mashup-url>

Prints the mashup URL of "wxcc-sap mashup-url" with check=on: opened in SAP's CTI pane by an SAP
admin, the page walks through a short setup check instead of running the connector. It posts test
payloads of its own (ExternalReferenceID starting with WXSAPCHECK, listed at the end so you can
delete them), only when you press its buttons, never dials, and ends with a report and the mashup
URL with the settings that worked on your tenant. Same options, forms and checks as mashup-url
(see wxcc-sap mashup-url --help); --format, --channels and --cad are what the check tries.
`,
  headers: `Usage: wxcc-sap headers --sap-origin <origins> [--desktop <dc|url>] [options]

Prints the HTTP response headers the host of dist/ must send: Content-Security-Policy for the
mashup (frame-ancestors = SAP tenant, frame-src = Agent Desktop) and what widget.js needs.

  --sap-origin <origins>     origin(s) of the SAP tenant, each https://host[:port]; several
                             separated by commas or spaces, or repeat the option (required)
  --desktop <${DCS}|url>
                             the Agent Desktop the mashup frames: a data center or its https URL;
                             leave out for the alongside topology (the mashup then frames nothing)
  --frame-src <origins>      more origins the mashup may frame, each https://host[:port]; commas
                             or spaces, or repeat (optional)
  --prefix <path>            URL path where dist/ is served, starting with /, e.g. /wxcc/ (default /)
  --webex-in-sap             the policy of the "Webex in SAP" topology: the Webex CC SDK's hosts,
                             its blob: workers and 'unsafe-eval' (Cisco's widgets need it); no --desktop
  --format <headers|nginx>   _headers file (Netlify, Cloudflare Pages) or nginx snippet (default headers)
  --allow-localhost          accept http://localhost origins (local sandbox only)
  -h, --help                 this help
`,
} as const;

type Command = Exclude<keyof typeof HELP, "main">;

const FLAG = { kind: "flag" } as const;
const SINGLE = { kind: "single" } as const;
const LIST = { kind: "list" } as const;
const HELP_FLAG = { kind: "flag", short: "h" } as const;

/** mashup-url's options; check-url takes the same, so the URL it recommends is complete. */
const MASHUP_URL_OPTIONS = {
  base: SINGLE,
  "sap-origin": LIST,
  desktop: SINGLE,
  alongside: FLAG,
  "desktop-origin": LIST,
  format: SINGLE,
  "default-country": SINGLE,
  channels: LIST,
  cad: LIST,
  "logout-reason": LIST,
  "follow-selection": SINGLE,
  "webex-in-sap": FLAG,
  "webex-client-id": SINGLE,
  "webex-desktop": LIST,
  "allow-localhost": FLAG,
  help: HELP_FLAG,
} satisfies OptionTable;

/** Each command's options; `list` options take several values (commas, spaces, or repeats). */
const OPTIONS = {
  layout: {
    "widget-url": SINGLE,
    "mashup-origin": LIST,
    in: SINGLE,
    out: SINGLE,
    "outdial-ani": SINGLE,
    "allow-localhost": FLAG,
    help: HELP_FLAG,
  },
  "mashup-url": MASHUP_URL_OPTIONS,
  "check-url": MASHUP_URL_OPTIONS,
  headers: {
    "sap-origin": LIST,
    desktop: SINGLE,
    "frame-src": LIST,
    prefix: SINGLE,
    format: SINGLE,
    "webex-in-sap": FLAG,
    "allow-localhost": FLAG,
    help: HELP_FLAG,
  },
} satisfies Record<Command, OptionTable>;

async function layoutCommand(v: ArgValues, io: CliIo): Promise<void> {
  const local = v["allow-localhost"] === true;
  const widgetUrl = fileUrl(needed(v, "widget-url", "layout"), "--widget-url", WIDGET_FILE).href;
  needed(v, "mashup-origin", "layout");
  const mashupOrigins = originList(many(v, "mashup-origin"), "--mashup-origin", local);
  const ani = single(v, "outdial-ani");
  const options = { widgetUrl, mashupOrigins, outdialAni: ani === undefined ? undefined : outdialAni(ani, "--outdial-ani") };
  const input = single(v, "in");
  let text: string | undefined;
  if (input !== undefined) {
    try {
      text = await io.readFile(input);
    } catch (e) {
      throw new CliError(`--in: cannot read ${input}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  const result = text === undefined ? generateLayout(options) : mergeLayout(text, options);
  for (const w of result.warnings) io.stderr.write(`wxcc-sap layout: warning: ${w}\n`);
  const out = single(v, "out");
  if (out === undefined) {
    io.stdout.write(result.text);
    return;
  }
  try {
    await io.writeFile(out, result.text);
  } catch (e) {
    throw new CliError(`--out: cannot write ${out}: ${(e as Error).message.split("\n")[0]}`);
  }
  io.stdout.write(`wrote ${out}\n${result.changes.map((c) => `  ${c}\n`).join("")}`);
}

function mashupUrlCommand(v: ArgValues, io: CliIo, check = false): void {
  const command = check ? "check-url" : "mashup-url";
  const base = needed(v, "base", command);
  needed(v, "sap-origin", command);
  const { url } = mashupUrl({
    base,
    sapOrigins: many(v, "sap-origin"),
    desktop: single(v, "desktop"),
    alongside: v.alongside === true,
    desktopOrigins: many(v, "desktop-origin"),
    format: single(v, "format"),
    defaultCountry: single(v, "default-country"),
    channels: v.channels === undefined ? undefined : many(v, "channels"),
    cad: v.cad === undefined ? undefined : many(v, "cad"),
    logoutReasons: v["logout-reason"] === undefined ? undefined : many(v, "logout-reason"),
    followSelection: single(v, "follow-selection"),
    allowLocalhost: v["allow-localhost"] === true,
    check,
    webexInSap: v["webex-in-sap"] === true,
    webexClientId: single(v, "webex-client-id"),
    webexDesktop: v["webex-desktop"] === undefined ? undefined : many(v, "webex-desktop"),
  });
  io.stdout.write(`${url}\n`);
}

function headersCommand(v: ArgValues, io: CliIo): void {
  needed(v, "sap-origin", "headers");
  const format = (single(v, "format") ?? "headers").toLowerCase();
  if (format !== "headers" && format !== "nginx") throw new CliError(`--format: "${format}" is not headers or nginx`);
  const set = headerSet({
    sapOrigins: many(v, "sap-origin"),
    desktop: single(v, "desktop"),
    frameSrc: many(v, "frame-src"),
    prefix: single(v, "prefix"),
    webexInSap: v["webex-in-sap"] === true,
    allowLocalhost: v["allow-localhost"] === true,
  });
  io.stdout.write(format === "nginx" ? formatNginx(set) : formatHeadersFile(set));
}

function isCommand(name: string | undefined): name is Command {
  return name === "layout" || name === "mashup-url" || name === "check-url" || name === "headers";
}

/** The whole CLI. Returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(HELP.main);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = rest[0];
    io.stdout.write(isCommand(topic) ? HELP[topic] : HELP.main);
    return 0;
  }
  if (!isCommand(name)) {
    io.stderr.write(`wxcc-sap: unknown command "${name}" (commands: layout, mashup-url, check-url, headers; see wxcc-sap --help)\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(HELP[name]);
    return 0;
  }
  try {
    const values = readArgs(rest, OPTIONS[name], name);
    if (name === "layout") await layoutCommand(values, io);
    else if (name === "mashup-url" || name === "check-url") mashupUrlCommand(values, io, name === "check-url");
    else headersCommand(values, io);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`wxcc-sap ${name}: ${e.message.replace(/\s*\n\s*/g, " ")}\n`);
      return e.exitCode;
    }
    io.stderr.write(`wxcc-sap ${name}: internal error: ${String((e as Error)?.message ?? e).split("\n")[0]}\n`);
    return 1;
  }
}

export const nodeIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFile(path, "utf8"),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
};

/** Entry point of the bin (bin/wxcc-sap.cjs). */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  return run(argv, nodeIo).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (node dist/cli/wxcc-sap.cjs, or tsx cli/main.ts) but not when required by the bin or a test.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) void main();
