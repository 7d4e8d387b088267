/** @jest-environment node */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateLayout, mergeLayout } from "../../cli/layout";
import { LAYOUT_SCHEMA, validateLayout } from "../../cli/schema";

const FIXTURES = join(__dirname, "../fixtures/layouts");
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
const opts = { widgetUrl: "https://connector.example.com/widget.js", mashupOrigins: ["https://connector.example.com", "https://backup.example.com:8443"] };

type Any = any;

describe("layout schema", () => {
  it("is draft-07", () => {
    expect(LAYOUT_SCHEMA.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("accepts the project's own generated layouts", () => {
    expect(validateLayout(generateLayout(opts).layout)).toEqual([]);
    expect(validateLayout(generateLayout({ ...opts, outdialAni: "+14155550100" }).layout)).toEqual([]);
  });

  it.each(fixtures)("accepts the exported fixture %s, before and after the merge", (name) => {
    const text = readFileSync(join(FIXTURES, name), "utf8");
    expect(validateLayout(JSON.parse(text))).toEqual([]);
    expect(validateLayout(mergeLayout(text, opts).layout)).toEqual([]);
  });

  const broken = (edit: (l: Any) => void) => {
    const l = generateLayout(opts).layout as Any;
    edit(l);
    return validateLayout(l);
  };

  it("names the exact JSON path of our widget's errors", () => {
    expect(broken((l) => (l.agent.area.headless.widgets.comp1.script = "http://connector.example.com/widget.js"))).toEqual([
      "/agent/area/headless/widgets/comp1/script: must be an https URL of widget.js",
    ]);
    expect(broken((l) => (l.supervisorAgent.area.headless.widgets.comp1.attributes["mashup-origin"] = "https://a.example.com/path"))).toEqual([
      "/supervisorAgent/area/headless/widgets/comp1/attributes/mashup-origin: must be one or more origins (scheme://host[:port]) separated by single spaces",
    ]);
    expect(broken((l) => delete l.agent.area.headless.widgets.comp1.attributes)).toEqual(["/agent/area/headless/widgets/comp1/attributes: is missing"]);
    expect(broken((l) => (l.agent.area.headless.widgets.comp1.properties.outdialEp = 42))).toEqual([
      "/agent/area/headless/widgets/comp1/properties/outdialEp: must be string",
    ]);
  });

  it("names the exact JSON path elsewhere", () => {
    expect(broken((l) => delete l.agent)).toEqual(["/agent: is missing"]);
    expect(broken((l) => delete l.supervisor.area)).toEqual(["/supervisor/area: is missing"]);
    expect(broken((l) => delete l.agent.area.headless.id)).toEqual(["/agent/area/headless/id: is missing"]);
    expect(broken((l) => (l.agent.area.panel.children[1].children[0].comp = ""))).toEqual([
      "/agent/area/panel/children/1/children/0/comp: must NOT have fewer than 1 characters",
    ]);
    expect(broken((l) => (l.agent.area.headless.layout.size.cols = ["1"]))).toEqual(["/agent/area/headless/layout/size/cols/0: must be number"]);
    expect(broken((l) => (l.agent.desktopChatApp.webexConfigured = "false"))).toEqual(["/agent/desktopChatApp/webexConfigured: must be boolean"]);
  });

  it("validates an older single-role layout as one role section", () => {
    const single = JSON.parse(readFileSync(join(FIXTURES, "single-role.json"), "utf8"));
    single.area.headless.widgets.comp1 = { comp: "wxcc-sap-connector", script: "https://c.example.com/w.js", attributes: { "mashup-origin": "c.example.com" } };
    expect(validateLayout(single)).toEqual([
      "/area/headless/widgets/comp1/attributes/mashup-origin: must be one or more origins (scheme://host[:port]) separated by single spaces",
    ]);
  });
});
