/**
 * The command line of one `wxcc-sap` command, read against its option table. Pure.
 *
 * Our own reader rather than node's `parseArgs`: node reports `--widget-url --mashup-origin x` as
 * "argument is ambiguous" and `--outdial-ani ""` as a value, where an admin needs to hear that the
 * option was given without its value. Every refusal here is a usage error (exit code 2) whose
 * message names the option; checking the values themselves is the commands' job (exit code 1).
 */
import { CliError } from "./common";

/**
 * `flag`: no value. `single`: one value, given once. `list`: values that may be given in one
 * option (separated as the command's checker splits them) and/or by repeating the option.
 */
export type OptionKind = "flag" | "single" | "list";

export interface OptionSpec {
  kind: OptionKind;
  /** One-letter alias, e.g. `h` for `--help`. */
  short?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** What was given: `true` for flags, the trimmed text for singles, every occurrence for lists. */
export type ArgValues = Record<string, true | string | string[]>;

/** Whether `args` ask for help anywhere: help wins over every other problem on the line. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.some((a) => a === "--help" || a === "-h");
}

/**
 * Reads `args` against `table`. Throws a usage CliError (exit 2) for an unknown option, a stray
 * argument, an option without its value (missing, empty, or followed by another option), a value
 * given to a flag, and a one-value option given twice. `command` only goes into the messages.
 */
export function readArgs(args: readonly string[], table: OptionTable, command: string): ArgValues {
  const usage = (text: string) => new CliError(`${text} (see wxcc-sap ${command} --help)`, 2);
  const byShort = new Map(Object.entries(table).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const values: ArgValues = {};

  for (let i = 0; i < args.length; i++) {
    const token = args[i] as string;
    let name: string | undefined;
    let inline: string | undefined;
    if (token.startsWith("--") && token.length > 2) {
      const eq = token.indexOf("=");
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      if (eq >= 0) inline = token.slice(eq + 1);
    } else if (/^-[A-Za-z]$/.test(token)) {
      name = byShort.get(token.slice(1));
      if (name === undefined) throw usage(`Unknown option '${token}'`);
    } else {
      throw usage(`Unexpected argument '${token}': every value belongs to an option such as --${Object.keys(table)[0] ?? "help"}`);
    }
    const spec = table[name];
    if (spec === undefined) throw usage(`Unknown option '--${name}'`);

    if (spec.kind === "flag") {
      if (inline !== undefined) throw usage(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      // A following option means this one lost its value; no value of ours starts with "-".
      if (next !== undefined && !/^-./.test(next)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value.trim() === "") throw usage(`--${name} needs a value`);
    const text = value.trim();
    if (spec.kind === "single") {
      if (values[name] !== undefined) throw usage(`--${name} is given twice; give it once`);
      values[name] = text;
    } else {
      const seen = values[name];
      values[name] = Array.isArray(seen) ? [...seen, text] : [text];
    }
  }
  return values;
}

/** A one-value option, or undefined. */
export function single(v: ArgValues, name: string): string | undefined {
  const value = v[name];
  return typeof value === "string" ? value : undefined;
}

/** Every occurrence of a list option (empty when not given). */
export function many(v: ArgValues, name: string): string[] {
  const value = v[name];
  return Array.isArray(value) ? value : [];
}

/** A required option: its value(s), or a usage CliError naming it. */
export function needed(v: ArgValues, name: string, command: string): string {
  const value = v[name];
  const text = Array.isArray(value) ? value.join(" ") : value;
  if (typeof text !== "string" || text === "") throw new CliError(`--${name} is missing (see wxcc-sap ${command} --help)`, 2);
  return text;
}
