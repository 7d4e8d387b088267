/** @jest-environment node */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateLayout, mergeLayout, widgetEntry, WIDGET_TAG, type WidgetOptions } from "../../cli/layout";
import { validateLayout } from "../../cli/schema";
import { cliErrorOf } from "../support/cli-error";

const FIXTURES = join(__dirname, "../fixtures/layouts");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

const opts: WidgetOptions = {
  widgetUrl: "https://connector.example.com/widget.js",
  mashupOrigins: ["https://connector.example.com"],
};

type Any = any;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const errorOf = cliErrorOf;

describe("generateLayout", () => {
  const { layout, text } = generateLayout(opts) as { layout: Any; text: string };

  it("writes the three roles", () => {
    expect(Object.keys(layout)).toEqual(["agent", "supervisor", "supervisorAgent"]);
    for (const role of ["agent", "supervisor", "supervisorAgent"]) {
      expect(layout[role].area.advancedHeader[0]).toEqual({ comp: "agentx-webex" });
      expect(layout[role].area.panel.comp).toBe("md-tabs");
    }
  });

  it("declares the widget in agent and supervisorAgent, not in supervisor (contract §3)", () => {
    for (const role of ["agent", "supervisorAgent"]) {
      expect(layout[role].area.headless).toEqual({
        id: "dw-headless",
        widgets: {
          comp1: {
            comp: "wxcc-sap-connector",
            script: "https://connector.example.com/widget.js",
            attributes: { "mashup-origin": "https://connector.example.com" },
            properties: { outdialEp: "$STORE.agent.outDialEp", selectedTask: "$STORE.agentContact.taskSelected", language: "$STORE.app.language" },
          },
        },
        layout: { areas: [["comp1"]], size: { cols: [1], rows: [1] } },
      });
    }
    expect(layout.supervisor.area.headless).toBeUndefined();
  });

  it("joins several mashup origins with single spaces and adds outdialAni when given", () => {
    const w = widgetEntry({ ...opts, mashupOrigins: ["https://a.example.com", "https://b.example.com:8443"], outdialAni: "+14155550100" }) as Any;
    expect(w.attributes["mashup-origin"]).toBe("https://a.example.com https://b.example.com:8443");
    expect(w.properties.outdialAni).toBe("+14155550100");
  });

  it("is formatted with 2 spaces and a final newline, and accepted by the schema", () => {
    expect(text).toBe(`${JSON.stringify(layout, null, 2)}\n`);
    expect(validateLayout(layout)).toEqual([]);
  });

  it("refuses a non-https widget URL", () => {
    expect(errorOf(() => generateLayout({ ...opts, widgetUrl: "http://connector.example.com/widget.js" }))).toMatch(/--widget-url: .* is not an https URL/);
  });
});

/** The input with our widget added under `key` in the headless page at `path` (grid column appended). */
function withWidgetAdded(input: Any, path: string[], key: string): Any {
  let sec = input;
  for (const p of path) sec = sec[p];
  const page = sec.area.headless;
  page.widgets[key] = widgetEntry(opts);
  for (const row of page.layout.areas) row.push(key);
  page.layout.size.cols.push(1);
  return input;
}

describe("mergeLayout: role-based layout with another vendor's headless widget", () => {
  const text = fixture("role-based-other-vendor.json");
  const input = JSON.parse(text);
  const result = mergeLayout(text, opts);

  it("adds the widget as comp2 in agent and supervisorAgent and changes nothing else", () => {
    const expected = withWidgetAdded(withWidgetAdded(clone(input), ["agent"], "comp2"), ["supervisorAgent"], "comp2");
    expect(result.layout).toEqual(expected);
    // Supervisor untouched, byte for byte (key order included).
    expect(JSON.stringify((result.layout as Any).supervisor)).toBe(JSON.stringify(input.supervisor));
    expect(result.changes).toEqual([
      "agent: added wxcc-sap-connector as area.headless.widgets.comp2",
      "supervisorAgent: added wxcc-sap-connector as area.headless.widgets.comp2",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps the other vendor's widget and key order", () => {
    const agent = (result.layout as Any).agent;
    expect(agent.area.headless.widgets.comp1).toEqual(input.agent.area.headless.widgets.comp1);
    expect(Object.keys(agent)).toEqual(Object.keys(input.agent));
    expect(Object.keys(agent.area)).toEqual(Object.keys(input.agent.area));
  });

  it("is idempotent: the second run is byte-identical", () => {
    const again = mergeLayout(result.text, opts);
    expect(again.text).toBe(result.text);
    expect(again.changes.every((c) => c.includes("already up to date"))).toBe(true);
  });

  it("is accepted by the schema", () => {
    expect(validateLayout(result.layout)).toEqual([]);
  });
});

describe("mergeLayout: role-based default layout (no headless area)", () => {
  const text = fixture("role-based-default.json");
  const input = JSON.parse(text);
  const result = mergeLayout(text, opts);

  it("creates area.headless in agent and supervisorAgent only", () => {
    const expected = clone(input);
    const generated = generateLayout(opts).layout as Any;
    expected.agent.area.headless = generated.agent.area.headless;
    expected.supervisorAgent.area.headless = generated.supervisorAgent.area.headless;
    expect(result.layout).toEqual(expected);
    expect(result.changes[0]).toBe("agent: added wxcc-sap-connector as area.headless.widgets.comp1 (new area.headless)");
  });

  it("is idempotent", () => {
    expect(mergeLayout(result.text, opts).text).toBe(result.text);
  });
});

describe("mergeLayout: older single-role layout", () => {
  const text = fixture("single-role.json");
  const input = JSON.parse(text);
  const result = mergeLayout(text, opts);

  it("adds the widget to the top-level area and adds no role sections", () => {
    const expected = clone(input);
    expected.area.headless.widgets.comp2 = widgetEntry(opts);
    expected.area.headless.layout.areas[0].push("comp2");
    expected.area.headless.layout.size.cols.push(1);
    expect(result.layout).toEqual(expected);
    expect(Object.keys(result.layout)).toEqual(Object.keys(input));
    expect(result.changes).toEqual(["layout: added wxcc-sap-connector as area.headless.widgets.comp2"]);
  });

  it("is idempotent and valid", () => {
    expect(mergeLayout(result.text, opts).text).toBe(result.text);
    expect(validateLayout(result.layout)).toEqual([]);
  });

  it("reads a file saved with a byte order mark", () => {
    expect(mergeLayout(`\uFEFF${text}`, opts).text).toBe(result.text);
  });
});

describe("mergeLayout: updating an existing declaration", () => {
  const old = generateLayout({ widgetUrl: "https://old.example.com/v1/widget.js", mashupOrigins: ["https://old.example.com"] }).layout as Any;
  // The admin had tuned it: an outdial ANI, an extra attribute, and another widget beside it.
  old.agent.area.headless.widgets.comp1.properties.outdialAni = "+14155550100";
  old.agent.area.headless.widgets.comp1.attributes["data-note"] = "kept";
  old.agent.area.headless.widgets.comp2 = { comp: "other-widget", script: "https://other.example.com/w.js" };
  old.agent.area.headless.layout = { areas: [["comp1", "comp2"]], size: { cols: [1, 1], rows: [1] } };
  const text = JSON.stringify(old, null, 4);

  const result = mergeLayout(text, opts);
  const agent = (result.layout as Any).agent;

  it("updates script and mashup-origin in place, keeping the key and the admin's other values", () => {
    expect(agent.area.headless.widgets.comp1).toEqual({
      comp: WIDGET_TAG,
      script: "https://connector.example.com/widget.js",
      attributes: { "mashup-origin": "https://connector.example.com", "data-note": "kept" },
      properties: { outdialEp: "$STORE.agent.outDialEp", selectedTask: "$STORE.agentContact.taskSelected", language: "$STORE.app.language", outdialAni: "+14155550100" },
    });
    expect(agent.area.headless.widgets.comp2).toEqual({ comp: "other-widget", script: "https://other.example.com/w.js" });
    expect(agent.area.headless.layout).toEqual({ areas: [["comp1", "comp2"]], size: { cols: [1, 1], rows: [1] } });
    expect(result.changes[0]).toBe("agent: updated wxcc-sap-connector (area.headless.widgets.comp1)");
  });

  it("sets outdialAni when given", () => {
    const r = mergeLayout(text, { ...opts, outdialAni: "+4930123456" }).layout as Any;
    expect(r.agent.area.headless.widgets.comp1.properties.outdialAni).toBe("+4930123456");
  });

  it("is idempotent", () => {
    expect(mergeLayout(result.text, opts).text).toBe(result.text);
  });
});

describe("mergeLayout: grid placement", () => {
  const base = (headless: Any) => JSON.stringify({ agent: { area: { headless } } });

  it("uses the first free compN key, also avoiding keys only named in the grid", () => {
    const r = mergeLayout(
      base({ id: "dw-headless", widgets: { comp1: { comp: "a" }, comp3: { comp: "b" } }, layout: { areas: [["comp1", "comp2", "comp3"]], size: { cols: [1, 1, 1], rows: [1] } } }),
      opts,
    ).layout as Any;
    expect(Object.keys(r.agent.area.headless.widgets)).toEqual(["comp1", "comp3", "comp4"]);
    expect(r.agent.area.headless.layout.areas).toEqual([["comp1", "comp2", "comp3", "comp4"]]);
  });

  it("adds a column spanning every row of a multi-row grid", () => {
    const r = mergeLayout(
      base({ id: "h", widgets: { comp1: { comp: "a" }, comp2: { comp: "b" } }, layout: { areas: [["comp1"], ["comp2"]], size: { cols: [1], rows: [1, 1] } } }),
      opts,
    ).layout as Any;
    expect(r.agent.area.headless.layout).toEqual({ areas: [["comp1", "comp3"], ["comp2", "comp3"]], size: { cols: [1, 1], rows: [1, 1] } });
    expect(r.agent.area.headless.id).toBe("h");
  });

  it("puts an existing declaration that is missing from the grid back into it", () => {
    const g = generateLayout(opts).layout as Any;
    g.agent.area.headless.layout = { areas: [], size: { cols: [], rows: [] } };
    const r = mergeLayout(JSON.stringify(g), opts);
    expect((r.layout as Any).agent.area.headless.layout).toEqual({ areas: [["comp1"]], size: { cols: [1], rows: [1] } });
    expect(r.changes[0]).toBe("agent: updated wxcc-sap-connector (area.headless.widgets.comp1)");
  });

  it("warns when there is no supervisorAgent section, and does not invent one", () => {
    const r = mergeLayout(JSON.stringify({ agent: { area: {} }, supervisor: { area: {} } }), opts);
    expect(Object.keys(r.layout)).toEqual(["agent", "supervisor"]);
    expect(r.warnings).toEqual(["no supervisorAgent section: users with the supervisorAgent role will not load wxcc-sap-connector"]);
  });
});

describe("mergeLayout: refusals", () => {
  it("not JSON, with the position", () => {
    expect(errorOf(() => mergeLayout('{\n  "agent": {\n  }\n  oops', opts))).toMatch(/^not JSON: .*\(line 4, column 3\)$/);
    expect(errorOf(() => mergeLayout("", opts))).toMatch(/^not JSON: /);
  });

  it("no agent section", () => {
    expect(errorOf(() => mergeLayout("{}", opts))).toMatch(/^invalid layout: \/agent: is missing/);
    expect(errorOf(() => mergeLayout(JSON.stringify({ supervisor: { area: {} } }), opts))).toBe("invalid layout: /agent: is missing (no agent section)");
    expect(errorOf(() => mergeLayout("[]", opts))).toMatch(/^invalid layout: \/: must be object/);
  });

  it("sections and areas of the wrong type, naming the path", () => {
    expect(errorOf(() => mergeLayout(JSON.stringify({ agent: [] }), opts))).toBe("invalid layout: /agent: must be object");
    expect(errorOf(() => mergeLayout(JSON.stringify({ agent: { appTitle: "x" } }), opts))).toBe("invalid layout: /agent/area: is missing");
    expect(errorOf(() => mergeLayout(JSON.stringify({ agent: { area: { headless: { id: "h", widgets: [] } } } }), opts))).toBe(
      "invalid layout: /agent/area/headless/widgets: must be object",
    );
    expect(errorOf(() => mergeLayout(JSON.stringify({ agent: { area: { headless: { id: "h", widgets: {}, layout: { areas: "comp1" } } } } }), opts))).toBe(
      "invalid layout: /agent/area/headless/layout/areas: must be array",
    );
  });

  it("schema violations elsewhere in the file, naming the path", () => {
    const g = generateLayout(opts).layout as Any;
    g.supervisor.notificationTimer = "8";
    expect(errorOf(() => mergeLayout(JSON.stringify(g), opts))).toBe("invalid layout: /supervisor/notificationTimer: must be number");
    const h = generateLayout(opts).layout as Any;
    h.agent.area.advancedHeader = { comp: "agentx-webex" };
    expect(errorOf(() => mergeLayout(JSON.stringify(h), opts))).toBe("invalid layout: /agent/area/advancedHeader: must be array");
  });

  it("our widget declared twice", () => {
    const g = generateLayout(opts).layout as Any;
    g.agent.area.headless.widgets.comp2 = widgetEntry(opts);
    expect(errorOf(() => mergeLayout(JSON.stringify(g), opts))).toBe(
      "invalid layout: /agent/area/headless/widgets: wxcc-sap-connector is declared 2 times (comp1, comp2); keep one",
    );
  });

  it("a key with a slash is escaped in the path (JSON Pointer)", () => {
    expect(errorOf(() => mergeLayout(JSON.stringify({ agent: { area: { headless: { id: "h", widgets: { "a/b": 1 }, layout: { areas: [] } } } } }), opts))).toBe(
      "invalid layout: /agent/area/headless/widgets/a~1b: must be object",
    );
  });
});
