/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * The shipped form: cli/main.ts bundled as dist/cli/wxcc-sap.cjs (platform node, format cjs) and
 * started by bin/wxcc-sap.cjs, as `npx wxcc-sap` does. Built here into a temporary folder.
 */
const ROOT = join(__dirname, "../..");
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wxcc-sap-bin-"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "bin/wxcc-sap.cjs"), join(dir, "bin/wxcc-sap.cjs"));
  await build({
    entryPoints: [join(ROOT, "cli/main.ts")],
    outfile: join(dir, "dist/cli/wxcc-sap.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "silent",
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wxccSap = (...args: string[]) => spawnSync(process.execPath, [join(dir, "bin/wxcc-sap.cjs"), ...args], { cwd: dir, encoding: "utf8" });

describe("bin/wxcc-sap.cjs", () => {
  it("runs the bundled CLI", () => {
    const r = wxccSap("layout", "--widget-url", "https://connector.example.com/widget.js", "--mashup-origin", "https://connector.example.com");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "layout/desktop-layout.example.json"), "utf8"));
  });

  it("exits non-zero with one line on stderr", () => {
    const r = wxccSap("mashup-url", "--base", "https://c.example.com/sap-mashup/index.html", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "xx9");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('wxcc-sap mashup-url: --desktop: "xx9" is neither a data center (us1, eu1, eu2, anz1, ca1, jp1, sg1) nor an https URL\n');
  });

  it("says what to do when the CLI is not built", () => {
    const bare = mkdtempSync(join(tmpdir(), "wxcc-sap-bare-"));
    try {
      mkdirSync(join(bare, "bin"));
      copyFileSync(join(ROOT, "bin/wxcc-sap.cjs"), join(bare, "bin/wxcc-sap.cjs"));
      const r = spawnSync(process.execPath, [join(bare, "bin/wxcc-sap.cjs"), "--help"], { encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('wxcc-sap: not built yet: run "npm run build" in the connector\'s folder first\n');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("runs the bundle directly too, once", () => {
    const r = spawnSync(process.execPath, [join(dir, "dist/cli/wxcc-sap.cjs"), "headers", "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^Usage: wxcc-sap headers/gm)).toHaveLength(1);
  });
});
