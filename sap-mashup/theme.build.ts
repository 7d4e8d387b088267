/**
 * Build step: SAP's theming parameters for the pane, taken from SAP's published theming base
 * content (@sap-theming/theming-base-content) at build time. Only the parameters the mashup's
 * styles use are kept (found by scanning sap-mashup/ for `var(--sap…)`), for the four Horizon
 * themes. The result leads mashup.css: `sap_horizon` by default, the dark and high-contrast ones
 * by the browser's preferences, and any of them by `data-theme` on <html> (the `theme` parameter).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { THEMES, type Theme } from "./look";

const BASE = join(__dirname, "..", "node_modules", "@sap-theming", "theming-base-content", "content", "Base", "baseLib");

/** Every `--sap…` parameter the mashup's stylesheet and elements use. */
export function usedParameters(dir = __dirname): string[] {
  const used = new Set<string>();
  const scan = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) scan(join(d, e.name));
      else if (/\.(ts|css)$/.test(e.name) && !e.name.endsWith(".build.ts")) {
        for (const m of readFileSync(join(d, e.name), "utf8").matchAll(/var\(--(sap[A-Za-z0-9_]+)\)/g)) used.add(m[1]!);
      }
    }
  };
  scan(dir);
  return [...used].sort();
}

/** One theme's parameters, name → value, with references to other parameters resolved. */
export function themeParameters(theme: Theme, names: readonly string[]): Record<string, string> {
  const css = readFileSync(join(BASE, theme, "css_variables.css"), "utf8");
  const all = new Map<string, string>();
  for (const m of css.matchAll(/--(sap[A-Za-z0-9_]+):\s*([^;]+);/g)) all.set(m[1]!, m[2]!.trim());
  const resolve = (value: string, depth = 0): string =>
    depth > 10 ? value : value.replace(/var\(--(sap[A-Za-z0-9_]+)\)/g, (_, n: string) => resolve(all.get(n) ?? "", depth + 1));
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = all.get(n);
    if (v === undefined) throw new Error(`theme.build: ${theme} has no parameter --${n} (used by the mashup's styles)`);
    out[n] = resolve(v);
  }
  return out;
}

const block = (selector: string, params: Record<string, string>) => `${selector}{${Object.entries(params).map(([k, v]) => `--${k}:${v}`).join(";")}}`;

/** The stylesheet text with the parameters of the four themes, to put before mashup.css. */
export function themeCss(names = usedParameters()): string {
  const p = Object.fromEntries(THEMES.map((t) => [t, themeParameters(t, names)])) as Record<Theme, Record<string, string>>;
  const auto = ":root:not([data-theme])";
  return [
    `/* SAP theming parameters from @sap-theming/theming-base-content (Apache-2.0), Horizon family: only those the mashup uses. */`,
    block(`:root,[data-theme=sap_horizon]`, p.sap_horizon),
    `@media (prefers-color-scheme:dark){${block(auto, p.sap_horizon_dark)}}`,
    `@media (prefers-contrast:more){${block(auto, p.sap_horizon_hcw)}}`,
    `@media (prefers-contrast:more) and (prefers-color-scheme:dark){${block(auto, p.sap_horizon_hcb)}}`,
    `@media (forced-colors:active){${block(auto, p.sap_horizon_hcb)}}`,
    ...THEMES.slice(1).map((t) => block(`[data-theme=${t}]`, p[t])),
    "",
  ].join("\n");
}
