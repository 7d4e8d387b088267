/**
 * Build-time reduction of libphonenumber-js's "min" metadata to what `toE164` actually reads
 * (issue 7: the parser chunk, phone-parser.ts, stays small; the full "min" set is ~19 KB gzip).
 * Pure, so jest can check it; written by phone-metadata.build.ts during `npm run build`, and
 * checked against the installed library by __tests__/fuzz/xml-phone.test.ts, so the committed
 * JSON files cannot silently drift.
 *
 * Kept for every country and non-geographic code: calling code, IDD prefix, national number
 * pattern, possible lengths, national prefix and its parsing/transform rules, leading digits —
 * everything parsing and `isPossible()` use. Dropped: formatting rules (we never format) and
 * number-type patterns, except for the countries whose calling code is shared and which have no
 * leading digits: there the library tells the countries apart by number type, and the country
 * decides the possible lengths (e.g. Canada's 7-digit 310 numbers under +1).
 */
type Plan = unknown[];
export interface MinMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, Plan>;
  nonGeographic?: Record<string, Plan>;
}

// Positions in a "min" (version 4) numbering plan array, as read by libphonenumber-js's metadata.js.
const FORMATS = 4;
const NATIONAL_PREFIX_FORMATTING_RULE = 6;
const LEADING_DIGITS = 10;
const TYPES = 11;

export function reducePhoneMetadata(min: MinMetadata): MinMetadata {
  if (min.version !== 4) throw new Error(`phone metadata: expected libphonenumber-js metadata version 4, got ${String(min.version)}`);
  const needTypes = new Set<string>();
  for (const countries of Object.values(min.country_calling_codes)) {
    if (countries.length > 1) for (const c of countries) if (!min.countries[c]?.[LEADING_DIGITS]) needTypes.add(c);
  }
  const plan = (p: Plan, keepTypes: boolean): Plan => {
    const q = p.slice(0, keepTypes ? TYPES + 1 : TYPES);
    q[FORMATS] = 0;
    q[NATIONAL_PREFIX_FORMATTING_RULE] = 0;
    while (q.length > 0 && !q[q.length - 1]) q.pop();
    return q;
  };
  const countries: Record<string, Plan> = {};
  for (const [c, p] of Object.entries(min.countries)) countries[c] = plan(p, needTypes.has(c));
  const nonGeographic: Record<string, Plan> = {};
  for (const [c, p] of Object.entries(min.nonGeographic ?? {})) nonGeographic[c] = plan(p, false);
  return { version: min.version, country_calling_codes: min.country_calling_codes, countries, nonGeographic };
}

/**
 * The country codes the metadata knows, for `defaultCountry`: the page must refuse a bad one at
 * start, and shipping the whole metadata for that would defeat the parser chunk. Grouped by first
 * letter to keep it small: "ACDEFG… BABD…" stands for AC, AD, AE, AF, AG, …, BA, BB, BD, ….
 */
export function countryCodes(min: MinMetadata): string {
  const groups = new Map<string, string>();
  for (const c of Object.keys(min.countries).sort()) {
    if (!/^[A-Z]{2}$/.test(c)) throw new Error(`phone metadata: unexpected country code "${c}"`);
    const first = c.charAt(0);
    groups.set(first, (groups.get(first) ?? first) + c.charAt(1));
  }
  return [...groups.values()].join(" ");
}
