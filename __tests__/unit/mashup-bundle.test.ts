/** @jest-environment node */
/**
 * The mashup page as built (sap-mashup/mashup.build.ts, issue 7): index.html loads one module
 * script; the phone parser is a file of its own that only a dynamic import reaches, so the page's
 * first load stays under its budget of 25 KB gzip, and the parser's retry URL names a real file.
 */
import { build, type Metafile, type OutputFile } from "esbuild";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { MASHUP_STATIC_FILES, mashupBuildOptions } from "../../sap-mashup/mashup.build";

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

test("the page as first loaded is under 25 KB gzip", () => {
  const gz = (b: Uint8Array | Buffer) => gzipSync(b, { level: 9 }).length;
  const page = gz(file("mashup.js")!.contents) + MASHUP_STATIC_FILES.reduce((n, f) => n + gz(readFileSync(join(ROOT, "sap-mashup", f))), 0);
  expect(page).toBeLessThan(25 * 1024);
});
