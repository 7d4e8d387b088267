/**
 * The desktop layout JSON with our headless widget (contract §3). Pure: text in, text out.
 *
 * - generateLayout: a complete role-based layout (agent, supervisor, supervisorAgent), trimmed to
 *   the stock header and panel items of Cisco's published layouts, with the widget in `agent` and
 *   `supervisorAgent` (docs/reference/webex-desktop.md §1.4, §1.6).
 * - mergeLayout: the admin's exported layout with our widget added or updated in `agent` and
 *   `supervisorAgent` only (or in the top level of an older single-role file). Nothing else is
 *   touched; running it on its own output returns the same text.
 * Both validate the result against cli/layout-schema.json and refuse anything invalid.
 */
import { CliError } from "./common";
import { validateLayout } from "./schema";

export const WIDGET_TAG = "wxcc-sap-connector";
export const HEADLESS_ID = "dw-headless";
/** The roles that handle tasks and therefore need the widget (docs/reference/webex-desktop.md §1.4). */
export const TASK_ROLES = ["agent", "supervisorAgent"] as const;
const ROLES = ["agent", "supervisor", "supervisorAgent"] as const;

export interface WidgetOptions {
  /** https URL of dist/widget.js. */
  widgetUrl: string;
  /** Exact origins of the SAP-side mashup (already checked and serialised). */
  mashupOrigins: readonly string[];
  /** Caller id for click-to-dial calls; left out (or left as it is when merging) when absent. */
  outdialAni?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface LayoutResult {
  /** The layout, formatted as written (2-space indent, final newline). */
  text: string;
  layout: JsonObject;
  /** One line per section changed, e.g. `agent: added wxcc-sap-connector as area.headless.widgets.comp2`. */
  changes: string[];
  /** Things the admin should know, e.g. a missing supervisorAgent section. */
  warnings: string[];
}

/** The widget declaration (contract §3). */
export function widgetEntry(o: WidgetOptions): JsonObject {
  const properties: JsonObject = {
    outdialEp: "$STORE.agent.outDialEp",
    selectedTask: "$STORE.agentContact.taskSelected",
    // So the mashup in SAP speaks the agent's desktop language when its URL names none.
    language: "$STORE.app.language",
  };
  if (o.outdialAni) properties.outdialAni = o.outdialAni;
  return {
    comp: WIDGET_TAG,
    script: o.widgetUrl,
    attributes: { "mashup-origin": o.mashupOrigins.join(" ") },
    properties,
  };
}

function headless(o: WidgetOptions): JsonObject {
  return {
    id: HEADLESS_ID,
    widgets: { comp1: widgetEntry(o) },
    layout: { areas: [["comp1"]], size: { cols: [1], rows: [1] } },
  };
}

function slotTab(name: string, visibility?: string): JsonObject[] {
  const v: JsonObject = visibility ? { visibility } : {};
  return [
    {
      comp: "md-tab",
      attributes: { slot: "tab", class: "widget-pane-tab" },
      children: [{ comp: "slot", attributes: { name: `${name}_TAB` } }],
      ...v,
    },
    {
      comp: "md-tab-panel",
      attributes: { slot: "panel", class: "widget-pane" },
      children: [{ comp: "slot", attributes: { name } }],
      ...v,
    },
  ];
}

function panel(): JsonObject {
  return {
    comp: "md-tabs",
    attributes: { class: "widget-tabs" },
    children: [...slotTab("IVR_TRANSCRIPT", "IVR_TRANSCRIPT"), ...slotTab("CONTACT_HISTORY"), ...slotTab("SCREEN_POP", "SCREEN_POP")],
  };
}

function section(role: (typeof ROLES)[number], o: WidgetOptions): JsonObject {
  const handlesTasks = role !== "supervisor";
  const area: JsonObject = {
    advancedHeader: handlesTasks
      ? [{ comp: "agentx-webex" }, { comp: "agentx-outdial" }, { comp: "agentx-notification" }, { comp: "agentx-state-selector" }]
      : [{ comp: "agentx-webex" }, { comp: "agentx-notification" }],
  };
  if (handlesTasks) area.headless = headless(o);
  area.panel = panel();
  return {
    version: "0.1.0",
    appTitle: "Webex Contact Center",
    logo: "",
    stopNavigateOnAcceptTask: false,
    dragDropEnabled: false,
    notificationTimer: 8,
    maximumNotificationCount: 3,
    browserNotificationTimer: 8,
    wxmConfigured: false,
    desktopChatApp: { webexConfigured: false },
    area,
  };
}

export function formatLayout(layout: Json): string {
  return `${JSON.stringify(layout, null, 2)}\n`;
}

function checked(layout: JsonObject, changes: string[], warnings: string[]): LayoutResult {
  const errors = validateLayout(layout);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: ${errors.slice(1, 4).join("; ")})` : "";
    throw new CliError(`invalid layout: ${errors[0]}${more}`);
  }
  return { text: formatLayout(layout), layout, changes, warnings };
}

function checkOptions(o: WidgetOptions): void {
  if (!/^https:\/\/\S+$/.test(o.widgetUrl)) throw new CliError(`--widget-url: "${o.widgetUrl}" is not an https URL`);
  if (o.mashupOrigins.length === 0) throw new CliError("--mashup-origin is missing");
}

export function generateLayout(o: WidgetOptions): LayoutResult {
  checkOptions(o);
  const layout: JsonObject = {};
  for (const role of ROLES) layout[role] = section(role, o);
  return checked(layout, TASK_ROLES.map((r) => `${r}: added ${WIDGET_TAG} as area.headless.widgets.comp1`), []);
}

// ---------------------------------------------------------------------------------------------
// Merge

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function pointer(path: readonly string[]): string {
  return path.length === 0 ? "/" : path.map((p) => `/${p.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The object at `parent[key]`, created when absent; refuses a value of another type. */
function child(parent: JsonObject, key: string, path: readonly string[], make: () => JsonObject): JsonObject {
  const v = parent[key];
  if (v === undefined) {
    parent[key] = make();
    return parent[key] as JsonObject;
  }
  if (!isObject(v)) throw new CliError(`invalid layout: ${pointer([...path, key])}: must be object`);
  return v;
}

function parseJson(raw: string): Json {
  // Editors on Windows may save a byte order mark; it is not part of the JSON.
  const text = raw.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    const msg = (e as Error).message;
    const at = /at position (\d+)/.exec(msg);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      const column = Number(at[1]) - before.lastIndexOf("\n");
      where = ` (line ${line}, column ${column})`;
    }
    throw new CliError(`not JSON: ${msg.split("\n")[0]}${where}`);
  }
}

/** Every key in the grid, in all rows. */
function gridKeys(layout: JsonObject): Set<string> {
  const keys = new Set<string>();
  const areas = layout.areas;
  if (Array.isArray(areas)) for (const row of areas) if (Array.isArray(row)) for (const k of row) if (typeof k === "string") keys.add(k);
  return keys;
}

/**
 * Places `key` in the grid of a page: as a new last column spanning every row (so each row keeps
 * the same number of cells, as a CSS grid-template-areas needs), with a column size of 1.
 */
function addToGrid(page: JsonObject, key: string, path: readonly string[]): void {
  const layout = child(page, "layout", path, () => ({}));
  const lpath = [...path, "layout"];
  const areas = layout.areas;
  if (areas === undefined || (Array.isArray(areas) && areas.length === 0)) {
    layout.areas = [[key]];
    const size = child(layout, "size", lpath, () => ({}));
    if (size.cols === undefined || (Array.isArray(size.cols) && size.cols.length === 0)) size.cols = [1];
    if (size.rows === undefined || (Array.isArray(size.rows) && size.rows.length === 0)) size.rows = [1];
    return;
  }
  if (!Array.isArray(areas)) throw new CliError(`invalid layout: ${pointer([...lpath, "areas"])}: must be array`);
  areas.forEach((row, i) => {
    if (!Array.isArray(row)) throw new CliError(`invalid layout: ${pointer([...lpath, "areas", String(i)])}: must be array`);
    row.push(key);
  });
  const size = layout.size;
  if (isObject(size) && Array.isArray(size.cols)) size.cols.push(1);
}

function mergeSection(sec: JsonObject, path: readonly string[], o: WidgetOptions): string {
  const where = path.length ? path.join(".") : "layout";
  const area = sec.area;
  if (!isObject(area)) {
    throw new CliError(`invalid layout: ${pointer([...path, "area"])}: ${area === undefined ? "is missing" : "must be object"}`);
  }
  const apath = [...path, "area"];
  const hadHeadless = isObject(area.headless);
  const before = JSON.stringify(area.headless ?? null);
  const page = child(area, "headless", apath, () => ({ id: HEADLESS_ID, widgets: {}, layout: { areas: [], size: { cols: [], rows: [] } } }));
  const hpath = [...apath, "headless"];
  if (page.id === undefined) page.id = HEADLESS_ID;
  const widgets = child(page, "widgets", hpath, () => ({}));
  const wpath = [...hpath, "widgets"];

  const ours = Object.keys(widgets).filter((k) => {
    const w = widgets[k];
    return isObject(w) && w.comp === WIDGET_TAG;
  });
  if (ours.length > 1) {
    throw new CliError(`invalid layout: ${pointer(wpath)}: ${WIDGET_TAG} is declared ${ours.length} times (${ours.join(", ")}); keep one`);
  }

  const wanted = widgetEntry(o);
  let key = ours[0];
  let change: string;
  if (key !== undefined) {
    // Update in place: our keys get our values, every other key of the entry stays as it is.
    const entry = widgets[key] as JsonObject;
    const epath = [...wpath, key];
    entry.script = wanted.script as string;
    const attributes = child(entry, "attributes", epath, () => ({}));
    attributes["mashup-origin"] = (wanted.attributes as JsonObject)["mashup-origin"] as string;
    const properties = child(entry, "properties", epath, () => ({}));
    for (const [k, v] of Object.entries(wanted.properties as JsonObject)) properties[k] = v;
    change = `${where}: updated ${WIDGET_TAG} (area.headless.widgets.${key})`;
  } else {
    const taken = new Set([...Object.keys(widgets), ...(isObject(page.layout) ? gridKeys(page.layout) : [])]);
    let n = 1;
    while (taken.has(`comp${n}`)) n++;
    key = `comp${n}`;
    widgets[key] = wanted;
    change = `${where}: added ${WIDGET_TAG} as area.headless.widgets.${key}${hadHeadless ? "" : " (new area.headless)"}`;
  }
  if (!isObject(page.layout) || !gridKeys(page.layout).has(key)) addToGrid(page, key, hpath);
  return JSON.stringify(page) === before ? `${where}: ${WIDGET_TAG} already up to date (area.headless.widgets.${key})` : change;
}

/**
 * Adds or updates the widget in an exported layout. `text` is the file as read; throws CliError
 * for anything that is not a layout this tool can safely edit.
 */
export function mergeLayout(text: string, o: WidgetOptions): LayoutResult {
  checkOptions(o);
  const parsed = parseJson(text);
  if (!isObject(parsed)) throw new CliError(`invalid layout: /: must be object (the exported desktop layout JSON)`);
  const changes: string[] = [];
  const warnings: string[] = [];

  const roleBased = ROLES.some((r) => r in parsed);
  if (!roleBased && !("area" in parsed)) {
    throw new CliError("invalid layout: /agent: is missing (no agent section, and not a single-role layout with area)");
  }
  if (roleBased) {
    if (!("agent" in parsed)) throw new CliError("invalid layout: /agent: is missing (no agent section)");
    for (const role of TASK_ROLES) {
      const sec = parsed[role];
      if (sec === undefined) {
        warnings.push(`no ${role} section: users with the ${role} role will not load ${WIDGET_TAG}`);
        continue;
      }
      if (!isObject(sec)) throw new CliError(`invalid layout: /${role}: must be object`);
      changes.push(mergeSection(sec, [role], o));
    }
  } else {
    changes.push(mergeSection(parsed, [], o));
  }
  return checked(parsed, changes, warnings);
}
