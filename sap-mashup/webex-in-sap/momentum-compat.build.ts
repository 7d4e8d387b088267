/**
 * esbuild plugin: Cisco's widgets' imports of `@momentum-ui/react-collaboration` go to
 * momentum-compat.ts (the package plus the one export the widgets need under an older name).
 * Build time only.
 */
import type { Plugin } from "esbuild";
import { join } from "node:path";

export function momentumCompatPlugin(): Plugin {
  return {
    name: "momentum-compat",
    setup(build) {
      build.onResolve({ filter: /^@momentum-ui\/react-collaboration$/ }, (args) =>
        /[\\/]node_modules[\\/]@webex[\\/]/.test(args.importer) ? { path: join(__dirname, "momentum-compat.ts") } : undefined,
      );
    },
  };
}
