/**
 * Lit's `css` and `html` templates are strings to esbuild: it minifies the code around them, never
 * the stylesheets and markup inside, so the panel would reach every agent with its indentation and
 * comments. This plugin shrinks them while the page is bundled (issue 13: the page had to give
 * back what the third topology added), without changing what they mean:
 * - a `css` template without interpolation goes through esbuild's own CSS minifier;
 * - in an `html` template, each run of white space that holds a line break becomes one space,
 *   which renders the same wherever white space collapses (everywhere but `<pre>` and
 *   `<textarea>`, whose templates are left as written).
 * Found with TypeScript's parser, so a comment or a string that mentions a template is never
 * touched. Build time only: tests import the sources as they are.
 */
import { transformSync, type Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import ts from "typescript";

type Edit = { start: number; end: number; text: string };

/** A template literal's static parts: each part's raw text and where it sits in the source. */
function parts(t: ts.TemplateLiteral, file: ts.SourceFile): { raw: string; start: number; end: number }[] {
  // The raw text lies between the opening delimiter (` or }) and the closing one (` or ${).
  const of = (n: ts.TemplateLiteralLikeNode & ts.Node, closeLen: number) => ({ raw: n.rawText ?? "", start: n.getStart(file) + 1, end: n.end - closeLen });
  if (ts.isNoSubstitutionTemplateLiteral(t)) return [of(t, 1)];
  return [of(t.head, 2), ...t.templateSpans.map((s) => of(s.literal, ts.isTemplateTail(s.literal) ? 1 : 2))];
}

function cssEdit(t: ts.TemplateLiteral, file: ts.SourceFile): Edit[] {
  if (!ts.isNoSubstitutionTemplateLiteral(t)) return [];
  const [p] = parts(t, file);
  if (!p || p.raw.includes("\\")) return [];
  const min = transformSync(p.raw, { loader: "css", minify: true, logLevel: "silent" }).code.trim();
  // A minified sheet with a backtick or a backslash would mean something else inside a template.
  return min && !/[`\\]|\$\{/.test(min) ? [{ start: p.start, end: p.end, text: min }] : [];
}

function htmlEdits(t: ts.TemplateLiteral, file: ts.SourceFile): Edit[] {
  const all = parts(t, file);
  if (all.some((p) => /<(pre|textarea)\b/i.test(p.raw))) return [];
  return all.filter((p) => /\n/.test(p.raw)).map((p) => ({ start: p.start, end: p.end, text: p.raw.replace(/[ \t\r\n]*\n[ \t\r\n]*/g, " ") }));
}

/** `source` with its `css` and `html` templates shrunk as the file's comment says. */
export function minifyLitTemplates(source: string, fileName = "module.ts"): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      if (node.tag.text === "css") edits.push(...cssEdit(node.template, file));
      if (node.tag.text === "html") edits.push(...htmlEdits(node.template, file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** esbuild plugin: our own TypeScript (never node_modules) with its Lit templates shrunk. */
export function litTemplatesPlugin(): Plugin {
  return {
    name: "lit-templates",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
        const source = readFileSync(args.path, "utf8");
        return /\b(css|html)`/.test(source) ? { contents: minifyLitTemplates(source, args.path), loader: "ts" } : undefined;
      });
    },
  };
}
