/** @jest-environment node */
/**
 * The mashup page as built (sap-mashup/mashup.build.ts, issue 7): index.html loads one module
 * script; the phone parser is a file of its own that only a dynamic import reaches, so the page's
 * first load (with the English messages and SAP's theme parameters, issue 11) stays under its
 * budget of 35 KB gzip, and the parser's retry URL names a real file. Each further language is a
 * file of its own, built apart, at most 4 KB gzip.
 */
import { build, type Metafile, type OutputFile } from "esbuild";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { BEFORE_WEBEX_IN_SAP } from "../../bench/baseline";
import { LANGUAGE_FILES, languageBuildOptions, mashupBuildOptions, mashupStylesheet } from "../../sap-mashup/mashup.build";

const ROOT = join(__dirname, "../..");
const OUT = join(ROOT, ".tmp/mashup-bundle-test");

let outputs: OutputFile[];
let meta: Metafile;
const file = (name: string) => outputs.find((o) => basename(o.path) === name);
const imports = (name: string) => Object.entries(meta.outputs).find(([p]) => basename(p) === name)?.[1].imports.map((i) => `${i.kind} ${basename(i.path)}`);

beforeAll(async () => {
  const r = await build({ ...mashupBuildOptions(OUT), absWorkingDir: ROOT, write: false, metafile: true, logLevel: "silent" });
  outputs = r.outputFiles;
  meta = r.metafile;
}, 60_000);

test("two scripts: mashup.js, which reaches phone-parser.js only by a dynamic import, and no shared chunk", () => {
  expect(outputs.map((o) => basename(o.path)).sort()).toEqual(["mashup.js", "phone-parser.js"]);
  expect(imports("mashup.js")).toEqual(["dynamic-import phone-parser.js"]);
  expect(imports("phone-parser.js")).toEqual([]);
  // libphonenumber-js and its metadata are in the chunk only.
  const inputs = (name: string) => Object.keys(Object.entries(meta.outputs).find(([p]) => basename(p) === name)![1].inputs);
  expect(inputs("mashup.js").filter((i) => /libphonenumber|phone-metadata\.json/.test(i))).toEqual([]);
  expect(inputs("phone-parser.js").some((i) => i.includes("libphonenumber-js"))).toBe(true);
});

test("the page loads mashup.js as a module, and a retry of the chunk asks for the same file with a query", () => {
  const html = readFileSync(join(ROOT, "sap-mashup/index.html"), "utf8");
  expect(html).toMatch(/<script type="module" src="\.\/mashup\.js"><\/script>/);
  const js = file("mashup.js")!.text;
  expect(js).toContain('import("./phone-parser.js")');
  expect(js).toMatch(/import\(`\.\/phone-parser\.js\?retry=\$\{\w+\}`\)/);
});

const gz = (b: Uint8Array | Buffer | string) => gzipSync(b, { level: 9 }).length;

test("the page as first loaded (html, css with the default theme, js with the English messages) is at most 35 KB gzip, and no larger than before the Webex in SAP topology", () => {
  const page = gz(file("mashup.js")!.contents) + gz(readFileSync(join(ROOT, "sap-mashup", "index.html"))) + gz(mashupStylesheet());
  expect(page).toBeLessThanOrEqual(35 * 1024);
  // Issue 13: the "Webex in SAP" topology's weight is its own bundle; this page must not grow.
  expect(page).toBeLessThanOrEqual(BEFORE_WEBEX_IN_SAP.mashupPageGzip);
  // That topology's parameters are read by its own bundle only (webex-in-sap/webex-config.ts).
  expect(file("mashup.js")!.text).not.toMatch(/webexClientId|webexAuthBase|webexDesktopOrigin/);
});

test("each further language is one file of plain data, importing nothing, at most 4 KB gzip", async () => {
  const r = await build({ ...languageBuildOptions(OUT), absWorkingDir: ROOT, write: false, metafile: true, logLevel: "silent" });
  expect(r.outputFiles.map((o) => basename(o.path)).sort()).toEqual([...LANGUAGE_FILES].sort());
  for (const o of Object.values(r.metafile.outputs)) expect(o.imports).toEqual([]);
  for (const o of r.outputFiles) expect(gz(o.contents)).toBeLessThanOrEqual(4 * 1024);
  // The page names them by URL: the bundle of the page holds no catalog but English.
  expect(file("mashup.js")!.text).toContain("./lang-${");
  expect(file("mashup.js")!.text).not.toContain("Agent Desktop verbunden");
});
