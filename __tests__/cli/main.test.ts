/** @jest-environment node */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run, type CliIo } from "../../cli/main";
import { parseConfig } from "../../sap-mashup/config";

const FIXTURES = join(__dirname, "../fixtures/layouts");

/** In-memory files and captured output. */
function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
      return f;
    },
    writeFile: async (p, t) => {
      files[p] = t;
    },
  };
  return { io, files, stdout: () => out.join(""), stderr: () => err.join("") };
}

async function cli(argv: string[], files?: Record<string, string>) {
  const f = fakeIo(files);
  const code = await run(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr(), files: f.files };
}

const W = ["--widget-url", "https://connector.example.com/widget.js", "--mashup-origin", "https://connector.example.com"];

/** A refusal: non-zero exit, nothing on stdout, exactly one line on stderr. */
function expectRefusal(r: { code: number; stdout: string; stderr: string }, code: number, message: string | RegExp) {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n")).toBe(true);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  if (typeof message === "string") expect(r.stderr.trimEnd()).toBe(message);
  else expect(r.stderr.trimEnd()).toMatch(message);
}

describe("wxcc-sap layout", () => {
  it("writes a new layout to stdout", async () => {
    const r = await cli(["layout", ...W]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(["agent", "supervisor", "supervisorAgent"]);
  });

  it("accepts several --mashup-origin values, repeated or space-separated", async () => {
    const r = await cli(["layout", "--widget-url", "https://c.example.com/widget.js", "--mashup-origin", "https://a.example.com https://b.example.com", "--mashup-origin", "https://c.example.com:8443/"]);
    expect(JSON.parse(r.stdout).agent.area.headless.widgets.comp1.attributes["mashup-origin"]).toBe("https://a.example.com https://b.example.com https://c.example.com:8443");
  });

  it("merges in place (--in = --out) and the second run is byte-identical", async () => {
    const files = { "layout.json": readFileSync(join(FIXTURES, "role-based-other-vendor.json"), "utf8") };
    const first = await cli(["layout", ...W, "--in", "layout.json", "--out", "layout.json"], files);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      "wrote layout.json\n  agent: added wxcc-sap-connector as area.headless.widgets.comp2\n  supervisorAgent: added wxcc-sap-connector as area.headless.widgets.comp2\n",
    );
    const once = files["layout.json"];
    const second = await cli(["layout", ...W, "--in", "layout.json", "--out", "layout.json"], files);
    expect(second.code).toBe(0);
    expect(files["layout.json"]).toBe(once);
    expect(second.stdout).toMatch(/already up to date/);
  });

  it("warns on stderr about a missing supervisorAgent section but succeeds", async () => {
    const r = await cli(["layout", ...W, "--in", "l.json"], { "l.json": '{"agent":{"area":{}},"supervisor":{"area":{}}}' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("wxcc-sap layout: warning: no supervisorAgent section: users with the supervisorAgent role will not load wxcc-sap-connector\n");
  });

  it.each<[string, string[], Record<string, string>, number, string | RegExp]>([
    ["not JSON", ["--in", "l.json"], { "l.json": "{ agent: {} }" }, 1, /^wxcc-sap layout: not JSON: .*\(line 1, column 3\)$/],
    ["an empty file", ["--in", "l.json"], { "l.json": "" }, 1, /^wxcc-sap layout: not JSON: /],
    ["no agent section", ["--in", "l.json"], { "l.json": '{"supervisor":{"area":{}},"supervisorAgent":{"area":{}}}' }, 1, "wxcc-sap layout: invalid layout: /agent: is missing (no agent section)"],
    ["neither roles nor area", ["--in", "l.json"], { "l.json": '{"version":"0.1.0"}' }, 1, /^wxcc-sap layout: invalid layout: \/agent: is missing/],
    ["a wrong type deep in the file", ["--in", "l.json"], { "l.json": '{"agent":{"area":{"navigation":[{"nav":{"label":1},"page":{}}]}}}' }, 1, "wxcc-sap layout: invalid layout: /agent/area/navigation/0/nav/label: must be string"],
    ["a missing input file", ["--in", "nope.json"], {}, 1, /^wxcc-sap layout: --in: cannot read nope\.json: ENOENT/],
  ])("refuses %s", async (_n, extra, files, code, message) => {
    expectRefusal(await cli(["layout", ...W, ...extra], files), code, message);
  });

  it.each<[string, string[], number, string | RegExp]>([
    ["an http widget URL", ["--widget-url", "http://connector.example.com/widget.js", "--mashup-origin", "https://connector.example.com"], 1, 'wxcc-sap layout: --widget-url: "http://connector.example.com/widget.js" is not an https URL'],
    ["a relative widget URL", ["--widget-url", "/widget.js", "--mashup-origin", "https://connector.example.com"], 1, 'wxcc-sap layout: --widget-url: "/widget.js" is not an absolute URL'],
    ["an origin with a path", ["--widget-url", "https://c.example.com/widget.js", "--mashup-origin", "https://c.example.com/sap-mashup/"], 1, 'wxcc-sap layout: --mashup-origin: "https://c.example.com/sap-mashup/" is not an origin: it has a path, query or credentials'],
    ["a host without scheme", ["--widget-url", "https://c.example.com/widget.js", "--mashup-origin", "c.example.com"], 1, 'wxcc-sap layout: --mashup-origin: "c.example.com" is not an origin (expected scheme://host[:port])'],
    ["an http origin", ["--widget-url", "https://c.example.com/widget.js", "--mashup-origin", "http://c.example.com"], 1, 'wxcc-sap layout: --mashup-origin: "http://c.example.com" is not an https origin'],
    ["a missing --widget-url", ["--mashup-origin", "https://c.example.com"], 2, "wxcc-sap layout: --widget-url is missing (see wxcc-sap layout --help)"],
    ["a missing --mashup-origin", ["--widget-url", "https://c.example.com/widget.js"], 2, "wxcc-sap layout: --mashup-origin is missing (see wxcc-sap layout --help)"],
    ["an unknown option", [...W, "--force"], 2, /^wxcc-sap layout: Unknown option '--force' \(see wxcc-sap layout --help\)$/],
    ["an option without its value", [...W, "--in"], 2, "wxcc-sap layout: --in needs a value (see wxcc-sap layout --help)"],
    ["a positional argument", [...W, "layout.json"], 2, /^wxcc-sap layout: Unexpected argument 'layout\.json'/],
  ])("refuses %s", async (_n, args, code, message) => {
    expectRefusal(await cli(["layout", ...args]), code, message);
  });

  it("accepts an http://localhost mashup origin only with --allow-localhost", async () => {
    const args = ["layout", "--widget-url", "https://c.example.com/widget.js", "--mashup-origin", "http://localhost:8080"];
    expect((await cli(args)).code).toBe(1);
    const r = await cli([...args, "--allow-localhost"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).agent.area.headless.widgets.comp1.attributes["mashup-origin"]).toBe("http://localhost:8080");
  });
});

describe("wxcc-sap mashup-url", () => {
  it("prints one URL that the mashup accepts", async () => {
    const r = await cli([
      "mashup-url", "--base", "https://connector.example.com/sap-mashup/index.html", "--sap-origin", "https://my123456.crm.ondemand.com",
      "--desktop", "eu1", "--format", "xml", "--default-country", "DE", "--channels", "whatsapp:Sinch_WhatsApp", "--cad", "CustomerId:Custom_1",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines).toHaveLength(2);
    const parsed = parseConfig(new URL(lines[0] ?? "").search);
    expect(parsed.ok).toBe(true);
  });

  it("refuses an SAP origin that is not an origin, in one line", async () => {
    expectRefusal(
      await cli(["mashup-url", "--base", "https://c.example.com/sap-mashup/index.html", "--sap-origin", "my123456.crm.ondemand.com", "--desktop", "us1"]),
      1,
      'wxcc-sap mashup-url: --sap-origin: "my123456.crm.ondemand.com" is not an origin (expected scheme://host[:port])',
    );
  });

  it("refuses a missing --base", async () => {
    expectRefusal(await cli(["mashup-url", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "us1"]), 2, "wxcc-sap mashup-url: --base is missing (see wxcc-sap mashup-url --help)");
  });
});

describe("wxcc-sap headers", () => {
  it("prints the _headers file, or nginx", async () => {
    const r = await cli(["headers", "--sap-origin", "https://my123456.crm.ondemand.com", "--desktop", "jp1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/frame-ancestors https:\/\/my123456\.crm\.ondemand\.com; .*|frame-src https:\/\/desktop\.wxcc-jp1\.cisco\.com; frame-ancestors/);
    const n = await cli(["headers", "--sap-origin", "https://my123456.crm.ondemand.com", "--desktop", "jp1", "--format", "nginx"]);
    expect(n.stdout).toContain("location /sap-mashup/ {");
  });

  it("refuses an unknown format", async () => {
    expectRefusal(await cli(["headers", "--sap-origin", "https://my1.crm.ondemand.com", "--format", "apache"]), 1, 'wxcc-sap headers: --format: "apache" is not headers or nginx');
  });
});

describe("help and commands", () => {
  it.each(["layout", "mashup-url", "headers"])("%s --help prints its usage and exits 0", async (command) => {
    for (const flag of ["--help", "-h"]) {
      const r = await cli([command, flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: wxcc-sap ${command} `));
    }
    expect((await cli(["help", command])).stdout).toMatch(new RegExp(`^Usage: wxcc-sap ${command} `));
  });

  it("--help lists the commands; no command prints it on stderr with exit 2", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout .*\n.*mashup-url .*\n.*check-url .*\n.*headers /);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^wxcc-sap: set up/);
  });

  it("refuses an unknown command", async () => {
    expectRefusal(await cli(["deploy"]), 2, 'wxcc-sap: unknown command "deploy" (commands: layout, mashup-url, check-url, headers; see wxcc-sap --help)');
  });
});

describe("wxcc-sap check-url (issue 15)", () => {
  const args = ["--base", "https://c.example.com/sap-mashup/index.html", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "us1", "--channels", "whatsapp:Sinch_WhatsApp", "--cad", "CustId:Custom_2"];

  test("prints mashup-url's URL with check=on, so the URL the check recommends is complete", async () => {
    const plain = await cli(["mashup-url", ...args]);
    const check = await cli(["check-url", ...args]);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe(`${plain.stdout.trimEnd()}&check=on\n`);
  });

  test("refuses what mashup-url refuses, naming the option, with the same exit codes", async () => {
    expectRefusal(await cli(["check-url", ...args, "--format", "csv"]), 1, 'wxcc-sap check-url: --format: "csv" is not json or xml');
    expectRefusal(await cli(["check-url", "--sap-origin", "https://my1.crm.ondemand.com"]), 2, /^wxcc-sap check-url: .*--base/);
    expectRefusal(await cli(["check-url", "--base", "https://c.example.com/sap-mashup/", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "us1"]), 1, /^wxcc-sap check-url: --base: /);
  });

  test("help names it and what it does", async () => {
    expect((await cli(["--help"])).stdout).toContain("check-url    print that URL in setup-check mode");
    const help = await cli(["check-url", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("WXSAPCHECK");
  });
});
