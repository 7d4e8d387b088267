/** @jest-environment node */
/**
 * Issue 12: every option value is checked, with a one-line message naming the option and the
 * expected form; an option without its value says so; every list option reads commas and spaces
 * alike. Exit codes: 0 done, 1 refused value, 2 usage.
 */
import { readArgs } from "../../cli/args";
import { run, type CliIo } from "../../cli/main";

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    readFile: async () => '{"agent":{"area":{}},"supervisorAgent":{"area":{}}}',
    writeFile: async () => undefined,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const WIDGET = ["--widget-url", "https://connector.example.com/widget.js"];
const LAYOUT = ["layout", ...WIDGET, "--mashup-origin", "https://connector.example.com"];
const PAGE = "https://connector.example.com/sap-mashup/index.html";
const MASHUP = ["mashup-url", "--base", PAGE, "--sap-origin", "https://my123456.crm.ondemand.com", "--desktop", "us1"];
const HEADERS = ["headers", "--sap-origin", "https://my123456.crm.ondemand.com", "--desktop", "us1"];

/** Refused: the exit code, nothing on stdout, exactly this one line on stderr. */
async function expectRefused(argv: string[], code: 1 | 2, line: string) {
  const r = await cli(argv);
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code, stdout: "", stderr: `${line}\n` });
}

describe("each bad value is refused with exit code 1 and a message naming the option and the expected form", () => {
  it.each<[string, string[], string]>([
    [
      "--outdial-ani hello",
      [...LAYOUT, "--outdial-ani", "hello"],
      'wxcc-sap layout: --outdial-ani: "hello" is not a phone number: expected E.164 (+ then up to 15 digits, e.g. +14155550100) or a dial number of 3-15 digits (e.g. 4155550100), as in Webex\'s Outdial ANI list',
    ],
    [
      "--outdial-ani with 16 digits",
      [...LAYOUT, "--outdial-ani", "+1234567890123456"],
      'wxcc-sap layout: --outdial-ani: "+1234567890123456" is not a phone number: expected E.164 (+ then up to 15 digits, e.g. +14155550100) or a dial number of 3-15 digits (e.g. 4155550100), as in Webex\'s Outdial ANI list',
    ],
    [
      "--outdial-ani with letters",
      [...LAYOUT, "--outdial-ani", "1-800-FLOWERS"],
      'wxcc-sap layout: --outdial-ani: "1-800-FLOWERS" is not a phone number: expected E.164 (+ then up to 15 digits, e.g. +14155550100) or a dial number of 3-15 digits (e.g. 4155550100), as in Webex\'s Outdial ANI list',
    ],
    [
      "--base as a folder",
      ["mashup-url", "--base", "https://connector.example.com/", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "us1"],
      'wxcc-sap mashup-url: --base: "https://connector.example.com/" is a folder: expected the https URL of the mashup page itself, e.g. https://connector.example.com/sap-mashup/index.html',
    ],
    [
      "--base as a folder without its slash",
      ["mashup-url", "--base", "https://connector.example.com/sap-mashup", "--sap-origin", "https://my1.crm.ondemand.com", "--desktop", "us1"],
      'wxcc-sap mashup-url: --base: "https://connector.example.com/sap-mashup" is not the mashup page: expected the https URL of the mashup page itself, e.g. https://connector.example.com/sap-mashup/index.html',
    ],
    [
      "--widget-url as a folder",
      ["layout", "--widget-url", "https://connector.example.com/", "--mashup-origin", "https://connector.example.com"],
      'wxcc-sap layout: --widget-url: "https://connector.example.com/" is a folder: expected the https URL of the widget script itself, e.g. https://connector.example.com/widget.js',
    ],
    [
      "a --channels pair without its SAP channel",
      [...MASHUP, "--channels", "whatsapp sms:SMS_1"],
      'wxcc-sap mashup-url: --channels: "whatsapp" is not of the form name:value',
    ],
    ["a --cad field beyond Custom_4", [...MASHUP, "--cad", "CustomerId:Custom_5"], 'wxcc-sap mashup-url: --cad: "Custom_5" is not one of Custom_1, Custom_2, Custom_3, Custom_4'],
    ["--follow-selection maybe", [...MASHUP, "--follow-selection", "maybe"], 'wxcc-sap mashup-url: --follow-selection: "maybe" is not on or off'],
    [
      "a --logout-reason over 100 characters",
      [...MASHUP, "--logout-reason", "x".repeat(101)],
      'wxcc-sap mashup-url: --logout-reason: "xxxxxxxxxxxxxxxxxxxx…" is longer than 100 characters',
    ],
    ["--prefix without its slash", [...HEADERS, "--prefix", "wxcc"], 'wxcc-sap headers: --prefix: "wxcc" is not a URL path such as / or /wxcc/'],
    ["--frame-src with a path", [...HEADERS, "--frame-src", "https://idp.example.com/login"], 'wxcc-sap headers: --frame-src: "https://idp.example.com/login" is not an origin: it has a path, query or credentials'],
  ])("%s", async (_name, argv, line) => {
    await expectRefused(argv, 1, line);
  });

  it("accepts an outdial ANI in E.164 or as a dial number, writing it without separators", async () => {
    const ani = async (value: string) => JSON.parse((await cli([...LAYOUT, "--outdial-ani", value])).stdout).agent.area.headless.widgets.comp1.properties.outdialAni;
    expect(await ani("+14155550100")).toBe("+14155550100");
    expect(await ani("+1 (415) 555-0100")).toBe("+14155550100");
    expect(await ani("4155550100")).toBe("4155550100");
  });
});

describe("an option given without its value says so (exit code 2)", () => {
  it.each<[string, string[], string]>([
    ["followed by another option", ["layout", "--widget-url", "--mashup-origin", "https://c.example.com"], "wxcc-sap layout: --widget-url needs a value (see wxcc-sap layout --help)"],
    ["at the end", [...LAYOUT, "--outdial-ani"], "wxcc-sap layout: --outdial-ani needs a value (see wxcc-sap layout --help)"],
    ["empty", [...LAYOUT, "--outdial-ani", ""], "wxcc-sap layout: --outdial-ani needs a value (see wxcc-sap layout --help)"],
    ["empty after =", [...MASHUP, "--format="], "wxcc-sap mashup-url: --format needs a value (see wxcc-sap mashup-url --help)"],
    ["a list option followed by a flag", [...MASHUP, "--sap-origin", "--alongside"], "wxcc-sap mashup-url: --sap-origin needs a value (see wxcc-sap mashup-url --help)"],
    ["in headers", ["headers", "--sap-origin"], "wxcc-sap headers: --sap-origin needs a value (see wxcc-sap headers --help)"],
  ])("%s", async (_name, argv, line) => {
    await expectRefused(argv, 2, line);
  });

  it.each<[string, string[], string]>([
    ["a one-value option given twice", [...MASHUP, "--format", "json", "--format", "xml"], "wxcc-sap mashup-url: --format is given twice; give it once (see wxcc-sap mashup-url --help)"],
    ["a value given to a flag", [...MASHUP, "--alongside=yes"], "wxcc-sap mashup-url: --alongside takes no value (see wxcc-sap mashup-url --help)"],
    ["an unknown short option", [...LAYOUT, "-x"], "wxcc-sap layout: Unknown option '-x' (see wxcc-sap layout --help)"],
  ])("refuses %s as usage", async (_name, argv, line) => {
    await expectRefused(argv, 2, line);
  });

  it("reads --name=value like --name value", () => {
    expect(readArgs(["--base=https://a.example.com/i.html", "--sap-origin", "https://b.example.com"], { base: { kind: "single" }, "sap-origin": { kind: "list" } }, "mashup-url")).toEqual({
      base: "https://a.example.com/i.html",
      "sap-origin": ["https://b.example.com"],
    });
  });
});

describe("every list option gives the same result with commas and with spaces", () => {
  const same = async (withCommas: string[], withSpaces: string[], repeated: string[]) => {
    const c = await cli(withCommas);
    expect(c.code).toBe(0);
    expect(c.stderr).toBe("");
    expect((await cli(withSpaces)).stdout).toBe(c.stdout);
    expect((await cli(repeated)).stdout).toBe(c.stdout);
    return c.stdout;
  };

  it("layout --mashup-origin", async () => {
    const a = "https://a.example.com";
    const b = "https://b.example.com:8443";
    const out = await same(["layout", ...WIDGET, "--mashup-origin", `${a},${b}`], ["layout", ...WIDGET, "--mashup-origin", `${a} ${b}`], ["layout", ...WIDGET, "--mashup-origin", a, "--mashup-origin", b]);
    expect(JSON.parse(out).agent.area.headless.widgets.comp1.attributes["mashup-origin"]).toBe(`${a} ${b}`);
  });

  it("mashup-url --sap-origin", async () => {
    const rest = ["--base", PAGE, "--desktop", "us1"];
    const a = "https://my123456.crm.ondemand.com";
    const b = "https://my123456-sso.crm.ondemand.com";
    const out = await same(["mashup-url", ...rest, "--sap-origin", `${a}, ${b}`], ["mashup-url", ...rest, "--sap-origin", `${a} ${b}`], ["mashup-url", ...rest, "--sap-origin", a, "--sap-origin", b]);
    expect(new URL(out.trim()).searchParams.get("sapOrigin")).toBe(`${a},${b}`);
  });

  it("mashup-url --desktop-origin", async () => {
    const a = "https://shell.wxcc-eu2.cisco.com";
    const b = "https://widgets.wxcc-eu2.cisco.com";
    const out = await same([...MASHUP, "--desktop-origin", `${a},${b}`], [...MASHUP, "--desktop-origin", `${a} ${b}`], [...MASHUP, "--desktop-origin", a, "--desktop-origin", b]);
    expect(new URL(out.trim()).searchParams.get("desktopOrigin")).toBe(`${a},${b}`);
  });

  it("mashup-url --channels", async () => {
    const out = await same(
      [...MASHUP, "--channels", "whatsapp:Sinch_WhatsApp,sms:SMS_1"],
      [...MASHUP, "--channels", "whatsapp:Sinch_WhatsApp sms:SMS_1"],
      [...MASHUP, "--channels", "whatsapp:Sinch_WhatsApp", "--channels", "sms:SMS_1"],
    );
    expect(new URL(out.trim()).searchParams.get("channels")).toBe("whatsapp:Sinch_WhatsApp,sms:SMS_1");
  });

  it("mashup-url --cad", async () => {
    const out = await same(
      [...MASHUP, "--cad", "CustomerId:Custom_1, Case_Number:Custom_2"],
      [...MASHUP, "--cad", "CustomerId:Custom_1 Case_Number:Custom_2"],
      [...MASHUP, "--cad", "CustomerId:Custom_1", "--cad", "Case_Number:Custom_2"],
    );
    expect(new URL(out.trim()).searchParams.get("cad")).toBe("CustomerId:Custom_1,Case_Number:Custom_2");
  });

  it("headers --sap-origin", async () => {
    const a = "https://my123456.crm.ondemand.com";
    const b = "https://my123456-sso.crm.ondemand.com";
    const out = await same(["headers", "--sap-origin", `${a},${b}`], ["headers", "--sap-origin", `${a} ${b}`], ["headers", "--sap-origin", a, "--sap-origin", b]);
    expect(out).toContain(`frame-ancestors ${a} ${b};`);
  });

  it("headers --frame-src", async () => {
    const a = "https://idp.example.com";
    const b = "https://sso.example.com";
    const out = await same([...HEADERS, "--frame-src", `${a},${b}`], [...HEADERS, "--frame-src", `${a} ${b}`], [...HEADERS, "--frame-src", a, "--frame-src", b]);
    expect(out).toContain(`frame-src https://desktop.wxcc-us1.cisco.com ${a} ${b};`);
  });

  it("mashup-url --logout-reason: commas or repeats (a reason holds spaces)", async () => {
    const out = await same([...MASHUP, "--logout-reason", "End of shift,Lunch break"], [...MASHUP, "--logout-reason", "End of shift, Lunch break"], [...MASHUP, "--logout-reason", "End of shift", "--logout-reason", "Lunch break"]);
    expect(new URL(out.trim()).searchParams.get("logoutReasons")).toBe("End of shift,Lunch break");
  });
});

describe("--help lists each option's expected form", () => {
  it.each<[string, RegExp[]]>([
    ["layout", [/--widget-url <url> +https URL of dist\/widget\.js itself .*ending in \.js/s, /--mashup-origin <origins> .*separated by commas or spaces/s, /--outdial-ani <number> .*E\.164, e\.g\. \+14155550100,\s+or a dial number of 3-15 digits/s]],
    ["mashup-url", [/--base <url> +https URL of the mashup page itself .*ending in \.html, not a folder/s, /--sap-origin <origins> .*separated by commas or\s+spaces/s, /--channels <pairs> .*separated by commas or spaces/s, /--cad <pairs> .*separated by commas or spaces/s, /--logout-reason <text>/]],
    ["headers", [/--sap-origin <origins> .*separated by commas or spaces/s, /--frame-src <origins> .*commas\s+or spaces/s, /--prefix <path> .*starting with \//s]],
  ])("%s", async (command, forms) => {
    const r = await cli([command, "--help"]);
    expect(r.code).toBe(0);
    for (const form of forms) expect(r.stdout).toMatch(form);
  });

  it("help wins over a bad line", async () => {
    const r = await cli(["layout", "--widget-url", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: wxcc-sap layout /);
  });
});
