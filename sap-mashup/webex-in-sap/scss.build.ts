/**
 * Momentum (`@momentum-ui/react-collaboration`, which Cisco's widgets render with) imports its
 * styles as .scss files: compiled here with sass so the widgets look as Cisco made them (an empty
 * loader would leave them unstyled). Build time only.
 */
import type { Plugin } from "esbuild";
import { dirname, join } from "node:path";
import { compile } from "sass";

/** esbuild plugin: `.scss` → CSS, resolved against the importing file's folder and node_modules. */
export function scssPlugin(root: string): Plugin {
  return {
    name: "scss",
    setup(build) {
      build.onLoad({ filter: /\.scss$/ }, (args) => {
        // Momentum's sources use Sass features Sass now warns about: its warnings are not ours to fix.
        const out = compile(args.path, { loadPaths: [dirname(args.path), join(root, "node_modules")], style: "compressed", quietDeps: true, logger: { warn: () => undefined } });
        return { contents: out.css, loader: "css", watchFiles: out.loadedUrls.filter((u) => u.protocol === "file:").map((u) => u.pathname) };
      });
    },
  };
}
