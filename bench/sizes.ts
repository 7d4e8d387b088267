/** Bundle sizes for `npm run bench`: minified and gzip (level 9) bytes of what the browser loads. */
import { build, type Metafile } from "esbuild";
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { LANGUAGE_FILES, MASHUP_STATIC_FILES, mashupBuildOptions } from "../sap-mashup/mashup.build";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface Size {
  min: number;
  gzip: number;
}

const measure = (bytes: Buffer | string): Size => ({ min: Buffer.byteLength(bytes), gzip: gzipSync(bytes, { level: 9 }).length });

export type FileSizes = Size & { files: Record<string, Size> };

function total(paths: Iterable<string>): FileSizes {
  const files: Record<string, Size> = {};
  for (const p of paths) {
    try {
      files[basename(p)] = measure(readFileSync(join(root, p)));
    } catch {
      throw new Error(`${p} is missing or stale: run "npm run build" first (npm run bench does)`);
    }
  }
  const all = Object.values(files);
  return { min: all.reduce((a, s) => a + s.min, 0), gzip: all.reduce((a, s) => a + s.gzip, 0), files };
}

/** `from` and every file it imports statically, transitively: what the browser fetches before running it. */
function staticClosure(meta: Metafile, from: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const i of meta.outputs[p]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  from.forEach(visit);
  return seen;
}

/**
 * The mashup page as loaded (index.html, its stylesheet with the default theme's parameters,
 * mashup.js with the English messages, and any chunk it imports statically) and, apart, what it
 * fetches only on demand (the phone parser, sap-mashup/phone.ts; one file per further language).
 * Which is which comes from esbuild's own account of the imports, from a build with dist's options
 * (same output); the bytes measured are dist's.
 */
async function mashupSizes(): Promise<{ mashupPage: FileSizes; mashupOnDemand: FileSizes; mashupLanguages: FileSizes }> {
  const dir = "dist/sap-mashup";
  const { metafile } = await build({ ...mashupBuildOptions(join(root, dir)), absWorkingDir: root, write: false, metafile: true, logLevel: "error" });
  const page = staticClosure(metafile, [`${dir}/mashup.js`]);
  const dynamic = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path));
  const onDemand = [...staticClosure(metafile, dynamic)].filter((p) => !page.has(p));
  return {
    mashupPage: total([...MASHUP_STATIC_FILES.map((f) => `${dir}/${f}`), ...page]),
    mashupOnDemand: total(onDemand),
    // Built apart from the page (mashup.build.ts languageBuildOptions), fetched by URL: lang-de.js, …
    mashupLanguages: total(LANGUAGE_FILES.map((f) => `${dir}/${f}`)),
  };
}

/**
 * The "Webex in SAP" topology (issue 13), fetched by the page only with `webexInSap=on`: its script
 * (React, Cisco's widgets, their store with the Webex CC SDK) and stylesheet, and apart the fonts
 * and images the stylesheet names (webex-assets/, fetched when a rule that uses them applies).
 */
function webexInSapSizes(): { webexInSap: FileSizes; webexInSapAssets: FileSizes } {
  const dir = "dist/sap-mashup";
  let assets: string[];
  try {
    // Fonts and images; the icons (webex-assets/icons/, one small file per icon, fetched when shown) apart.
    assets = readdirSync(join(root, dir, "webex-assets"), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${dir}/webex-assets/${e.name}`);
  } catch {
    throw new Error(`${dir}/webex-assets is missing or stale: run "npm run build" first (npm run bench does)`);
  }
  return { webexInSap: total([`${dir}/webex-in-sap.js`, `${dir}/webex-in-sap.css`]), webexInSapAssets: total(assets) };
}

export async function sizes(): Promise<{ widget: Size; sdk: Size; widgetOwn: Size; mashupPage: FileSizes; mashupOnDemand: FileSizes; mashupLanguages: FileSizes; webexInSap: FileSizes; webexInSapAssets: FileSizes }> {
  const widget = measure(readFileSync(join(root, "dist/widget.js")));
  // The SDK alone, bundled the way dist/widget.js bundles it, to tell its weight from ours.
  const sdkOut = await build({
    stdin: { contents: 'import { Desktop } from "@wxcc-desktop/sdk"; globalThis.__sdk = Desktop;', resolveDir: root, loader: "ts" },
    bundle: true, minify: true, write: false, format: "iife", legalComments: "none", target: ["chrome100", "firefox100", "safari15", "edge100"], logLevel: "error",
  });
  const sdk = measure(sdkOut.outputFiles[0]!.contents as unknown as Buffer);
  return {
    widget,
    sdk,
    widgetOwn: { min: widget.min - sdk.min, gzip: widget.gzip - sdk.gzip },
    ...(await mashupSizes()),
    ...webexInSapSizes(),
  };
}
