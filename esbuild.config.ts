/**
 * `npm run build`: dist/widget.js (one classic script with the SDK, contract §2) and
 * dist/sap-mashup/ (index.html with its module script and stylesheet, loaded relative to it, and
 * the phone parser chunk the script fetches when it needs it: sap-mashup/mashup.build.ts).
 */
import { build, type BuildOptions } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkBuildOptions, languageBuildOptions, mashupBuildOptions, webexInSapBuildOptions, writeMashupStatic, writeWebexInSapAssets } from "./sap-mashup/mashup.build";
import { writePhoneMetadata } from "./sap-mashup/phone-metadata.build";

const root = dirname(fileURLToPath(import.meta.url));
export const DIST = join(root, "dist");

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ["chrome100", "firefox100", "safari15", "edge100"],
  legalComments: "none",
  logLevel: "warning",
};

export const bundles: Record<string, BuildOptions> = {
  widget: { ...common, entryPoints: [join(root, "widget/index.ts")], outfile: join(DIST, "widget.js"), format: "iife" },
  mashup: { ...common, ...mashupBuildOptions(join(DIST, "sap-mashup")) },
  mashupLanguages: { ...common, ...languageBuildOptions(join(DIST, "sap-mashup")) },
  mashupCheck: { ...common, ...checkBuildOptions(join(DIST, "sap-mashup")) },
  // The "Webex in SAP" topology (issue 13): several MB, fetched only with webexInSap=on.
  mashupWebexInSap: { ...common, ...webexInSapBuildOptions(join(DIST, "sap-mashup")) },
  // The admin CLI (`npx wxcc-sap`) runs in Node, not in a browser: its own target, and ajv bundled in.
  cli: {
    entryPoints: [join(root, "cli/main.ts")],
    outfile: join(DIST, "cli/wxcc-sap.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
  },
};

export async function buildAll(extra: Record<string, BuildOptions> = {}): Promise<void> {
  rmSync(join(DIST, "widget.js"), { force: true });
  rmSync(join(DIST, "sap-mashup"), { recursive: true, force: true });
  mkdirSync(join(DIST, "sap-mashup"), { recursive: true });
  // The mashup's phone parser chunk bundles a reduced copy of libphonenumber-js metadata, and the
  // page a list of its country codes: both regenerated from the installed library.
  writePhoneMetadata();
  await Promise.all(Object.values({ ...bundles, ...extra }).map((o) => build(o)));
  writeMashupStatic(join(DIST, "sap-mashup"));
  writeWebexInSapAssets(join(DIST, "sap-mashup"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
