/** Bundle sizes for `npm run bench`: minified and gzip (level 9) bytes of what the browser loads. */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface Size {
  min: number;
  gzip: number;
}

const measure = (bytes: Buffer | string): Size => ({ min: Buffer.byteLength(bytes), gzip: gzipSync(bytes, { level: 9 }).length });

export async function sizes(): Promise<{ widget: Size; sdk: Size; widgetOwn: Size; mashupPage: Size & { files: Record<string, Size> } }> {
  const widget = measure(readFileSync(join(root, "dist/widget.js")));
  // The SDK alone, bundled the way dist/widget.js bundles it, to tell its weight from ours.
  const sdkOut = await build({
    stdin: { contents: 'import { Desktop } from "@wxcc-desktop/sdk"; globalThis.__sdk = Desktop;', resolveDir: root, loader: "ts" },
    bundle: true, minify: true, write: false, format: "iife", legalComments: "none", target: ["chrome100", "firefox100", "safari15", "edge100"], logLevel: "error",
  });
  const sdk = measure(sdkOut.outputFiles[0]!.contents as unknown as Buffer);
  const files: Record<string, Size> = {};
  for (const f of ["index.html", "mashup.js", "mashup.css"]) files[f] = measure(readFileSync(join(root, "dist/sap-mashup", f)));
  const all = Object.values(files);
  return {
    widget,
    sdk,
    widgetOwn: { min: widget.min - sdk.min, gzip: widget.gzip - sdk.gzip },
    mashupPage: { min: all.reduce((a, s) => a + s.min, 0), gzip: all.reduce((a, s) => a + s.gzip, 0), files },
  };
}
