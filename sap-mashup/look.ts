/**
 * How the pane looks and speaks: the `theme` and `language` URL parameters (and SAP's own
 * `sap-language`, which SAP may append to a mashup's URL). Pure. An unknown value is
 * a configuration error naming the parameter and the value; absent ones follow the browser
 * (prefers-color-scheme / prefers-contrast for the theme; see i18n/localize.ts for the language).
 */
import { LANGUAGES, matchLanguage, type Language } from "./i18n/localize";

/** SAP's Horizon theme family, by SAP's own theme names; the first is the default. */
export const THEMES = ["sap_horizon", "sap_horizon_dark", "sap_horizon_hcb", "sap_horizon_hcw"] as const;
export type Theme = (typeof THEMES)[number];

export interface Look {
  /** Absent: follow the browser's colour scheme and contrast preference. */
  theme?: Theme;
  /** Absent: the Agent Desktop's language if the widget tells it, else the browser's. */
  language?: Language;
}

export type LookResult = { look: Look; errors: string[] };

export function parseLook(search: string): LookResult {
  const q = new URLSearchParams(search);
  const look: Look = {};
  const errors: string[] = [];
  const theme = q.get("theme");
  if (theme !== null) {
    const name = theme.trim().toLowerCase();
    if ((THEMES as readonly string[]).includes(name)) look.theme = name as Theme;
    else errors.push(`theme: "${theme}" is not one of ${THEMES.join(", ")}`);
  }
  for (const param of ["language", "sap-language"]) {
    const raw = q.get(param);
    if (raw === null || look.language) continue;
    const lang = matchLanguage(raw);
    if (lang) look.language = lang;
    else errors.push(`${param}: "${raw}" is not a language the connector speaks (${LANGUAGES.join(", ")})`);
  }
  return { look, errors };
}

/**
 * Applies the theme to the page: `data-theme` on <html> picks one of the parameter sets the build
 * wrote into mashup.css (theme.build.ts); without it the stylesheet's media queries choose.
 */
export function applyTheme(doc: Document, theme: Theme | undefined): void {
  if (theme) doc.documentElement.dataset.theme = theme;
  else delete doc.documentElement.dataset.theme;
}
