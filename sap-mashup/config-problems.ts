/**
 * A configuration error as the pane shows it, in the agent's or admin's language: which setting,
 * and the value given. The exact reason (English, as config.ts words it) goes to the console,
 * where the admin who fixes the URL looks; it is technical detail.
 *
 * config.ts words every error as `<parameter>: <reason>` (a value quoted in the reason when there
 * is one) or `<parameter> is missing…`; this reads that form back.
 */
import type { MessageId } from "./i18n/en";

export interface ConfigProblem {
  id: Extract<MessageId, `config.${string}`>;
  args: string[];
}

export function configProblem(error: string): ConfigProblem {
  const missing = /^(.+?) is missing\b/.exec(error);
  if (missing && !missing[1]!.includes(":")) return { id: "config.missing", args: [missing[1]!] };
  const i = error.indexOf(":");
  const param = i > 0 ? error.slice(0, i).trim() : error;
  const value = /"([^"]*)"/.exec(error.slice(i + 1));
  return value ? { id: "config.invalid", args: [param, value[1]!] } : { id: "config.invalidNoValue", args: [param] };
}
