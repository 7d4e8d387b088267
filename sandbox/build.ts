/**
 * Builds the sandbox page scripts (sandbox/entries/*.ts → dist/sandbox/*.js). The product bundles
 * (dist/widget.js, dist/sap-mashup/) come from esbuild.config.ts; `npm start` runs both.
 * Tests build into a temporary directory so parallel runs never write the same files.
 */
import { build, type BuildOptions } from "esbuild";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
export const SANDBOX_ENTRIES = ["sap-page", "desktop-page", "flow-page"] as const;

/** Extra bundles for esbuild.config.ts's buildAll(extra), writing to `outdir`. */
export function sandboxBundles(outdir = join(root, "dist", "sandbox")): Record<string, BuildOptions> {
  return Object.fromEntries(
    SANDBOX_ENTRIES.map((name) => [
      `sandbox-${name}`,
      {
        entryPoints: [join(root, "sandbox", "entries", `${name}.ts`)],
        outfile: join(outdir, `${name}.js`),
        bundle: true,
        format: "iife",
        target: ["chrome100"],
        minify: false,
        sourcemap: false,
        logLevel: "warning",
      } satisfies BuildOptions,
    ]),
  );
}

export async function buildSandbox(outdir?: string): Promise<void> {
  await Promise.all(Object.values(sandboxBundles(outdir)).map((o) => build(o)));
}

if (require.main === module) {
  buildSandbox().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
