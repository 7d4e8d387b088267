/**
 * How dist/sap-mashup/ is built: by esbuild.config.ts, and by the tests that build the page
 * themselves, so both get the same files. ES modules with code splitting: the phone parser
 * (phone-parser.ts, libphonenumber-js) is a file of its own that the page fetches only when a
 * number needs it (phone.ts), which keeps the page itself under its size budget (issue 7).
 */
import { transformSync, type BuildOptions } from "esbuild";
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES } from "./i18n/localize";
import { litTemplatesPlugin } from "./lit-templates.build";
import { themeCss } from "./theme.build";
import { momentumCompatPlugin } from "./webex-in-sap/momentum-compat.build";
import { scssPlugin } from "./webex-in-sap/scss.build";
import { ICONS_DIR } from "./webex-in-sap/widgets";

/** Written beside the scripts; index.html loads mashup.js and mashup.css. */
export const MASHUP_STATIC_FILES = ["index.html", "mashup.css"] as const;

/** The browsers the page is built for: its scripts and its stylesheet. */
const TARGET = ["chrome100", "firefox100", "safari15", "edge100"];

/** mashup.css as served: SAP's theming parameters (theme.build.ts), then the page's own rules, minified. */
export function mashupStylesheet(): string {
  return transformSync(themeCss() + readFileSync(join(__dirname, "mashup.css"), "utf8"), { loader: "css", minify: true, target: TARGET, logLevel: "silent" }).code;
}

/**
 * Writes index.html as it is and mashup.css (`mashupStylesheet`) into `outdir`, after the scripts
 * are built.
 */
export function writeMashupStatic(outdir: string): void {
  writeFileSync(join(outdir, "index.html"), readFileSync(join(__dirname, "index.html")));
  writeFileSync(join(outdir, WEBEX_SIGN_IN_PAGE), readFileSync(join(__dirname, "webex-in-sap", WEBEX_SIGN_IN_PAGE)));
  writeFileSync(join(outdir, "mashup.css"), mashupStylesheet());
}

/** The languages besides English, each a file of its own: lang-de.js, … (i18n/localize.ts fetches them). */
export const LANGUAGE_FILES = LANGUAGES.filter((l) => l !== "en").map((l) => `lang-${l}.js`);

/** What every module the page loads is built as: ES modules under fixed names, minified. */
const PAGE_MODULES: BuildOptions = {
  bundle: true,
  format: "esm",
  // Fixed names: index.html names mashup.js, phone.ts names phone-parser.js when it retries, and
  // the page names lang-<tag>.js.
  entryNames: "[name]",
  minify: true,
  sourcemap: false,
  target: TARGET,
  // The catalogs as UTF-8, not \u escapes: Japanese and Chinese would grow by half.
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  // Lit's `css` and `html` templates shrunk too (lit-templates.build.ts): esbuild leaves strings alone.
  plugins: [litTemplatesPlugin()],
};

/**
 * The language files: plain data, built apart from the page's scripts so that they share no chunk
 * with them (esbuild gives split entries a common helper chunk, one more request for the page).
 */
export function languageBuildOptions(outdir: string): BuildOptions {
  return {
    ...PAGE_MODULES,
    entryPoints: Object.fromEntries(LANGUAGES.filter((l) => l !== "en").map((l) => [`lang-${l}`, join(__dirname, "i18n", "locales", `${l}.ts`)])),
    outdir,
  };
}

/** The setup check's files: its page, and its messages per language besides English (check-lang-de.js, …). */
export const CHECK_FILES = ["check-page.js", ...LANGUAGES.filter((l) => l !== "en").map((l) => `check-lang-${l}.js`)];

/**
 * The setup check (check/check-page.ts), which main.ts imports by URL only with `check=on`, and its
 * catalogs (i18n/check/). Built apart from the page, without splitting: the agents' page shares no
 * chunk with it and does not grow; the check carries its own copy of lit and @lit/localize.
 */
export function checkBuildOptions(outdir: string): BuildOptions {
  return {
    ...languageBuildOptions(outdir),
    entryPoints: {
      "check-page": join(__dirname, "check", "check-page.ts"),
      ...Object.fromEntries(LANGUAGES.filter((l) => l !== "en").map((l) => [`check-lang-${l}`, join(__dirname, "i18n", "check", `${l}.ts`)])),
    },
  };
}

/** The sign-in redirect page of the "Webex in SAP" topology, written beside index.html (register its URL in the Webex Integration). */
export const WEBEX_SIGN_IN_PAGE = "webex-sign-in.html";

/**
 * The "Webex in SAP" topology's files: its page (React, Cisco's widgets, their store with the
 * Webex CC SDK) with its stylesheet and Momentum's fonts and images under webex-assets/, the
 * sign-in redirect page's script, and its messages per language besides English.
 */
export const WEBEX_IN_SAP_FILES = ["webex-in-sap.js", "webex-in-sap.css", "webex-sign-in.js", ...LANGUAGES.filter((l) => l !== "en").map((l) => `webex-lang-${l}.js`)];

/** Where Momentum's icons are published beside the bundle (widgets.ts points Momentum's icon provider there). */
export const WEBEX_ICONS_DIR = ICONS_DIR;

/**
 * The files the Webex in SAP bundle fetches by URL rather than carrying: Momentum's icons as SVG
 * files (`@momentum-design/icons`, about 3,000 files of well under 1 KB, each fetched only when a
 * widget shows it; Momentum's own "momentum-icons" set would import each icon as a module by a
 * computed path, which no bundle can resolve ahead of time), and the images Cisco's widgets name
 * through webpack's public path (`<public path>+"<hash>.svg"` in dist/wc.js), which in a module
 * script is the page's folder: they go beside index.html. Returns the latter's names.
 */
export function writeWebexInSapAssets(outdir: string): string[] {
  const modules = join(__dirname, "..", "node_modules");
  cpSync(join(modules, "@momentum-design", "icons", "dist", "svg"), join(outdir, WEBEX_ICONS_DIR), { recursive: true });
  const wc = readFileSync(join(modules, "@webex", "cc-widgets", "dist", "wc.js"), "utf8");
  const named = [...new Set([...wc.matchAll(/\.p\+"([0-9a-f]{20}\.[a-z0-9]+)"/g)].map((m) => m[1]!))];
  for (const name of named) {
    const from = ["cc-widgets", "cc-components"].map((p) => join(modules, "@webex", p, "dist", name)).find((f) => existsSync(f));
    if (!from) throw new Error(`@webex/cc-widgets names ${name}, which no installed package ships`);
    copyFileSync(from, join(outdir, name));
  }
  return named;
}

/**
 * Built apart from the page, without splitting (like the setup check): main.ts imports
 * webex-in-sap.js by URL only with `webexInSap=on`, so the other topologies' page shares nothing
 * with it and does not grow. Momentum's .scss through sass (scss.build.ts); its fonts and images
 * as files; the widgets' one import Momentum no longer exports by that name (momentum-compat.ts).
 */
export function webexInSapBuildOptions(outdir: string): BuildOptions {
  return {
    ...PAGE_MODULES,
    entryPoints: {
      "webex-in-sap": join(__dirname, "webex-in-sap", "webex-page.ts"),
      "webex-sign-in": join(__dirname, "webex-in-sap", "sign-in-return.ts"),
      ...Object.fromEntries(LANGUAGES.filter((l) => l !== "en").map((l) => [`webex-lang-${l}`, join(__dirname, "i18n", "webex", `${l}.ts`)])),
    },
    outdir,
    assetNames: "webex-assets/[name]-[hash]",
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".png": "file", ".svg": "file", ".gif": "file" },
    // The widgets' and Webex's bundles read these Node globals; in the browser they are fixed.
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    plugins: [scssPlugin(join(__dirname, "..")), momentumCompatPlugin(), litTemplatesPlugin()],
  };
}

export function mashupBuildOptions(outdir: string): BuildOptions {
  return {
    ...PAGE_MODULES,
    entryPoints: { mashup: join(__dirname, "index.ts"), "phone-parser": join(__dirname, "phone-parser.ts") },
    outdir,
    splitting: true,
    chunkNames: "chunk-[hash]",
  };
}
