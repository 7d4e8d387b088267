/**
 * How dist/sap-mashup/ is built: by esbuild.config.ts, and by the tests that build the page
 * themselves, so both get the same files. ES modules with code splitting: the phone parser
 * (phone-parser.ts, libphonenumber-js) is a file of its own that the page fetches only when a
 * number needs it (phone.ts), which keeps the page itself under its size budget (issue 7).
 */
import type { BuildOptions } from "esbuild";
import { join } from "node:path";

/** Copied beside the scripts as they are; index.html loads mashup.js and mashup.css. */
export const MASHUP_STATIC_FILES = ["index.html", "mashup.css"] as const;

export function mashupBuildOptions(outdir: string): BuildOptions {
  return {
    entryPoints: { mashup: join(__dirname, "index.ts"), "phone-parser": join(__dirname, "phone-parser.ts") },
    outdir,
    bundle: true,
    format: "esm",
    splitting: true,
    // Fixed names: index.html names mashup.js, and phone.ts names phone-parser.js when it retries.
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    minify: true,
    sourcemap: false,
    target: ["chrome100", "firefox100", "safari15", "edge100"],
    legalComments: "none",
    logLevel: "warning",
  };
}
