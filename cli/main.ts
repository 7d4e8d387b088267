/**
 * `wxcc-sap`: admin tooling of the connector.
 *
 *   wxcc-sap layout      desktop layout JSON with the headless widget (Webex contact center admin)
 *   wxcc-sap mashup-url  the CTI provider URL to paste into SAP (SAP admin)
 *   wxcc-sap headers     response headers for hosting dist/
 *
 * `run` is the whole program without process globals, so tests call it directly. Errors print
 * one line to stderr and return a non-zero exit code (1 invalid input, 2 wrong usage).
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError, DATA_CENTERS, httpsUrl, originList } from "./common";
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
  headers      print the response headers for hosting dist/

Run "wxcc-sap <command> --help" for the options of a command.
`,
  layout: `Usage: wxcc-sap layout --widget-url <url> --mashup-origin <origin> [--in <file>] [--out <file>]

Writes a desktop layout (JSON) that loads the headless widget <wxcc-sap-connector> for the roles
agent and supervisorAgent. Upload it in Control Hub > Contact Center > Desktop Layouts.

  --widget-url <url>       https URL of dist/widget.js on your host (required)
  --mashup-origin <origin> origin (https://host[:port]) of the host serving dist/sap-mashup/;
                           repeat it or separate with spaces for several (required)
  --in <file>              the layout exported from Control Hub: the widget is added (or updated)
                           in agent and supervisorAgent only, everything else is kept; running it
                           again changes nothing. Older single-role layouts are handled too.
                           Without --in, a complete new role-based layout is written.
  --out <file>             write here instead of to standard output (may equal --in)
  --outdial-ani <number>   caller id for click-to-dial calls (optional)
  --allow-localhost        accept http://localhost origins (local sandbox only)
  -h, --help               this help
`,
  "mashup-url": `Usage: wxcc-sap mashup-url --base <url> --sap-origin <origin> --desktop <dc|url> [options]

Prints the URL of the SAP-side mashup with its configuration, encoded and checked, ready to paste
as the External Provider / CTI provider URL in SAP.

  --base <url>               https URL of dist/sap-mashup/index.html on your host (required)
  --sap-origin <origin>      origin of the SAP tenant, e.g. https://my123456.crm.ondemand.com;
                             repeat or separate with commas for several (required)
  --desktop <${DCS}|url>
                             the Webex data center (Agent Desktop https://desktop.wxcc-<dc>.cisco.com/)
                             or the Agent Desktop URL (required unless --desktop-origin)
  --alongside                do not embed the Desktop: the mashup shows a button that opens it in
                             its own window
  --desktop-origin <origin>  more origins the widget's messages may come from (optional)
  --format <json|xml>        payload format SAP expects (default json)
  --default-country <XX>     ISO country for Webex numbers without international prefix
  --channels <list>          webexChannel:SapChannelId,... e.g. whatsapp:Sinch_WhatsApp
  --cad <list>               cadVariable:Custom_n,... e.g. CustomerId:Custom_1
  --follow-selection <on|off>
                             whether SAP shows the customer of the conversation the agent
                             selects in the Desktop (default on)
  --allow-localhost          accept http://localhost URLs (local sandbox only)
  -h, --help                 this help
`,
  headers: `Usage: wxcc-sap headers --sap-origin <origin> [--desktop <dc|url>] [options]

Prints the HTTP response headers the host of dist/ must send: Content-Security-Policy for the
mashup (frame-ancestors = SAP tenant, frame-src = Agent Desktop) and what widget.js needs.

  --sap-origin <origin>      origin of the SAP tenant; repeat or separate with commas (required)
  --desktop <${DCS}|url>
                             the Agent Desktop the mashup frames; leave out for the alongside
                             topology (the mashup then frames nothing)
  --frame-src <origin>       more origins the mashup may frame (optional)
  --prefix <path>            URL path where dist/ is served (default /)
  --format <headers|nginx>   _headers file (Netlify, Cloudflare Pages) or nginx snippet (default headers)
  --allow-localhost          accept http://localhost origins (local sandbox only)
  -h, --help                 this help
`,
} as const;

type Command = Exclude<keyof typeof HELP, "main">;

const OPTIONS = {
  layout: {
    "widget-url": { type: "string" },
    "mashup-origin": { type: "string", multiple: true },
    in: { type: "string" },
    out: { type: "string" },
    "outdial-ani": { type: "string" },
    "allow-localhost": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  "mashup-url": {
    base: { type: "string" },
    "sap-origin": { type: "string", multiple: true },
    desktop: { type: "string" },
    alongside: { type: "boolean" },
    "desktop-origin": { type: "string", multiple: true },
    format: { type: "string" },
    "default-country": { type: "string" },
    channels: { type: "string" },
    cad: { type: "string" },
    "follow-selection": { type: "string" },
    "allow-localhost": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  headers: {
    "sap-origin": { type: "string", multiple: true },
    desktop: { type: "string" },
    "frame-src": { type: "string", multiple: true },
    prefix: { type: "string" },
    format: { type: "string" },
    "allow-localhost": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
} satisfies Record<Command, ParseArgsConfig["options"]>;

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(command: Command, args: string[]): Values {
  try {
    return parseArgs({ args, options: OPTIONS[command], strict: true, allowPositionals: false }).values as Values;
  } catch (e) {
    // node's messages run on with advice about "--"; the first sentence names the problem.
    const first = ((e as Error).message.split(/\.\s/)[0] ?? "invalid arguments").replace(/\.$/, "");
    throw new CliError(`${first} (see wxcc-sap ${command} --help)`, 2);
  }
}

function required(v: Values, name: string, command: Command): string {
  const value = v[name];
  const text = Array.isArray(value) ? value.join(" ") : value;
  if (typeof text !== "string" || text.trim() === "") throw new CliError(`--${name} is missing (see wxcc-sap ${command} --help)`, 2);
  return text;
}

const str = (v: Values, name: string): string | undefined => (typeof v[name] === "string" ? (v[name] as string) : undefined);
const list = (v: Values, name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);

async function layoutCommand(v: Values, io: CliIo): Promise<void> {
  const local = v["allow-localhost"] === true;
  const widgetUrl = httpsUrl(required(v, "widget-url", "layout"), "--widget-url").href;
  required(v, "mashup-origin", "layout");
  const mashupOrigins = originList(list(v, "mashup-origin"), "--mashup-origin", local);
  const options = { widgetUrl, mashupOrigins, outdialAni: str(v, "outdial-ani")?.trim() || undefined };
  const input = str(v, "in");
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
  const out = str(v, "out");
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

function mashupUrlCommand(v: Values, io: CliIo): void {
  required(v, "base", "mashup-url");
  required(v, "sap-origin", "mashup-url");
  const { url } = mashupUrl({
    base: required(v, "base", "mashup-url"),
    sapOrigins: list(v, "sap-origin"),
    desktop: str(v, "desktop"),
    alongside: v.alongside === true,
    desktopOrigins: list(v, "desktop-origin"),
    format: str(v, "format"),
    defaultCountry: str(v, "default-country"),
    channels: str(v, "channels"),
    cad: str(v, "cad"),
    followSelection: str(v, "follow-selection"),
    allowLocalhost: v["allow-localhost"] === true,
  });
  io.stdout.write(`${url}\n`);
}

function headersCommand(v: Values, io: CliIo): void {
  required(v, "sap-origin", "headers");
  const format = (str(v, "format") ?? "headers").trim().toLowerCase();
  if (format !== "headers" && format !== "nginx") throw new CliError(`--format: "${format}" is not headers or nginx`);
  const set = headerSet({
    sapOrigins: list(v, "sap-origin"),
    desktop: str(v, "desktop"),
    frameSrc: list(v, "frame-src"),
    prefix: str(v, "prefix"),
    allowLocalhost: v["allow-localhost"] === true,
  });
  io.stdout.write(format === "nginx" ? formatNginx(set) : formatHeadersFile(set));
}

function isCommand(name: string | undefined): name is Command {
  return name === "layout" || name === "mashup-url" || name === "headers";
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
    io.stderr.write(`wxcc-sap: unknown command "${name}" (commands: layout, mashup-url, headers; see wxcc-sap --help)\n`);
    return 2;
  }
  try {
    const values = parse(name, rest);
    if (values.help === true) {
      io.stdout.write(HELP[name]);
      return 0;
    }
    if (name === "layout") await layoutCommand(values, io);
    else if (name === "mashup-url") mashupUrlCommand(values, io);
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
