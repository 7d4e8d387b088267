/**
 * Phone numbers to E.164 with a leading "+", as SAP's customer identification needs
 * (docs/reference/sap-cti.md §2, "ANI"). Two paths, so that the page stays small (issue 7: < 25 KB
 * gzip, and libphonenumber-js with its metadata is ~19 KB of it):
 *
 * - A number already in canonical E.164 — "+", then 7 to 15 digits, nothing else — is used as it
 *   is, on its syntax alone. It needs no interpretation, and it is how Webex gives ANI and DNIS
 *   (docs/reference/webex-desktop.md §3.3, "+14696762938"), so the usual call needs no phone
 *   library at all. Not checking it against a numbering plan loses nothing: SAP only searches with
 *   it, and a number that exists nowhere simply matches no customer; an outdial to an impossible
 *   number is refused by Webex and reported (eOutdialFailed → "The call could not be placed").
 * - Any other form (national, separators, "(0)", "00", "tel:") is read by libphonenumber-js, never
 *   by us: phone-parser.ts, a separate chunk fetched the first time such a number is met and then
 *   kept. Until it is there `toE164` cannot answer for such a number, so callers ask `needsParser`
 *   first and wait for `PhoneParserLoader`.
 */
import type { CountryCode } from "libphonenumber-js/core";
import countries from "./phone-countries.json";

/**
 * `ext`: the extension written after the number ("ext. 12", "x12"), which E.164 cannot carry.
 * `reason` is one of PHONE_REASONS.
 */
export type PhoneResult = { ok: true; e164: string; ext?: string } | { ok: false; reason: string };

/** Why a number was refused, as phone-parser.ts and `toE164` say it. */
export const PHONE_REASONS = {
  notANumber: "not a phone number",
  noCountry: "no country code and no default country",
  impossible: "not a possible phone number",
} as const;

type ParserChunk = typeof import("./phone-parser");

const CANONICAL = /^\+[1-9]\d{6,14}$/;
/** Longer input is no phone number; refusing it here also keeps hostile strings away from the parser. */
const MAX_LENGTH = 64;

let parse: ParserChunk["parsePhone"] | undefined;

/** The text the parser has to read, or undefined when the answer needs no parser. */
function parserInput(raw: unknown): string | undefined {
  if (typeof raw !== "string" || CANONICAL.test(raw)) return undefined;
  const text = raw.trim();
  return text !== "" && text.length <= MAX_LENGTH ? text : undefined;
}

/** Whether normalising `raw` takes the parser chunk (loaded or not): pure, by syntax alone. */
export function needsParser(raw: unknown): boolean {
  return parserInput(raw) !== undefined;
}

/**
 * `defaultCountry` applies to numbers written without an international prefix; without it such
 * numbers are refused rather than guessed. Throws for a number that needs the parser before it is
 * loaded: answering "not a number" instead would silently lose the caller's identification.
 */
export function toE164(raw: unknown, defaultCountry?: CountryCode): PhoneResult {
  if (typeof raw === "string" && CANONICAL.test(raw)) return { ok: true, e164: raw };
  const text = parserInput(raw);
  if (text === undefined) return { ok: false, reason: "not a phone number" };
  if (!parse) throw new Error("the phone number parser is not loaded yet");
  return parse(text, defaultCountry);
}

/**
 * Whether `country` is an ISO 3166-1 alpha-2 code libphonenumber-js knows, from the list
 * phone-metadata.build.ts writes beside the metadata (format: phone-metadata.ts `countryCodes`), so
 * a bad `defaultCountry` is refused at start without loading the parser.
 */
export function isSupportedCountry(country: string): country is CountryCode {
  return /^[A-Z]{2}$/.test(country) && (countries as string).split(" ").some((g) => g[0] === country[0] && g.includes(country[1] as string, 1));
}

/** Fetches the parser chunk; `attempt` counts from 0. */
export type ParserImport = (attempt: number) => Promise<ParserChunk>;

export const importPhoneParser: ParserImport = (attempt) => {
  if (attempt === 0) return import("./phone-parser");
  // Browsers that predate whatwg/html#10327 remember a failed module fetch for the page's life, so
  // a retry needs a URL of its own. Relative to this script, as esbuild writes the import above.
  const url = `./phone-parser.js?retry=${attempt}`;
  return import(url) as Promise<ParserChunk>;
};

export interface PhoneParserLoaderOptions {
  import?: ParserImport;
  /** Backoff after a failed fetch: the first delay, doubled after each failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
}

/**
 * Fetches the parser chunk when first needed, and again after a failure: by a timer with
 * exponential backoff, or sooner when something new needs it and the first delay has passed (a
 * network that came back is noticed without waiting for the longest delay).
 */
export class PhoneParserLoader {
  #attempt = 0;
  #running: Promise<boolean> | undefined;
  #failedAt = -Infinity;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waiting: (() => void)[] = [];
  #stopped = false;
  readonly #import: ParserImport;
  readonly #retryMs: number;
  readonly #maxRetryMs: number;
  readonly #now: () => number;

  /** `failed` hears of each failed fetch, with the delay before the timer's retry. */
  constructor(
    private readonly failed: (error: unknown, retryInMs: number) => void,
    o: PhoneParserLoaderOptions = {},
  ) {
    this.#import = o.import ?? importPhoneParser;
    this.#retryMs = this.#delay = o.retryMs ?? 1000;
    this.#maxRetryMs = o.maxRetryMs ?? 30_000;
    this.#now = o.now ?? Date.now;
  }

  get loaded(): boolean {
    return parse !== undefined;
  }

  /** Resolves once the parser is loaded, however many attempts that takes. */
  ready(): Promise<void> {
    const p = new Promise<void>((resolve) => this.#waiting.push(resolve));
    void this.load();
    return p;
  }

  /** The outcome of the current attempt, starting one if the backoff allows: true once loaded. */
  load(): Promise<boolean> {
    return this.tryLoad(false);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#waiting = [];
  }

  private tryLoad(fromTimer: boolean): Promise<boolean> {
    if (parse) {
      for (const w of this.#waiting.splice(0)) w();
      return Promise.resolve(true);
    }
    if (this.#running) return this.#running;
    if (this.#stopped || (!fromTimer && this.#now() - this.#failedAt < this.#retryMs)) return Promise.resolve(false);
    clearTimeout(this.#timer);
    return (this.#running = this.#import(this.#attempt++)
      .then((chunk) => {
        // A file of another build (published out of step, docs/hosting.md) must fail like a missing one.
        if (typeof chunk.parsePhone !== "function") throw new Error("not this build's phone-parser.js");
        parse ??= chunk.parsePhone;
        this.#running = undefined;
        this.#delay = this.#retryMs;
        return this.tryLoad(false);
      })
      .catch((e: unknown) => {
        this.#running = undefined;
        this.#failedAt = this.#now();
        const delay = this.#delay;
        this.#delay = Math.min(delay * 2, this.#maxRetryMs);
        if (this.#stopped) return false;
        this.#timer = setTimeout(() => void this.tryLoad(true), delay);
        this.failed(e, delay);
        return false;
      }));
  }
}

/** Back to a fresh page's state, where the chunk was never fetched. For tests. */
export function unloadPhoneParser(): void {
  parse = undefined;
}
