/**
 * The SAP stand-in's records of what it received: its activities (one per agent leg, as SAP logs
 * them) and the payload log with each payload's contract check, and the two tables that show them.
 * The tables become labelled cards where SAP's content area is narrow (sandbox.css).
 */
import type { Fields } from "../sap-host/sap-contract";
import { clock, duration, h } from "./dom";

export interface Activity {
  key: string;
  type: "Phone Call" | "Chat";
  direction: "Inbound" | "Outbound";
  /** Customer name from the matched record, else the address. */
  customer: string;
  recordId?: string;
  address: string;
  createdAt: number;
  acceptedAt?: number;
  endedAt?: number;
  status: "Planned" | "Open" | "Completed";
  notes: string;
  externalId?: string;
  originalId?: string;
  activityUUID?: string;
  channelId?: string;
}

export interface LoggedPayload {
  at: number;
  fields: Fields;
  format: string;
  violations: string[];
  /** Why the tenant did not read it (sandbox/sap-host/tenant-variant.ts), e.g. JSON on an XML-only tenant. */
  ignored?: string;
}

/**
 * One row per activity, in columns narrow enough for SAP's content area next to the 360 px pane;
 * the table scrolls sideways inside its box (headers stay on top) if it still does not fit.
 */
export function activityTable(acts: Activity[], link: (a: Activity) => HTMLElement | string, onNotes: (a: Activity, text: string) => void): HTMLElement {
  return h("div", { class: "table-scroll" }, h("table", { class: "activities" },
    h("thead", {}, h("tr", {}, ["Customer", "Activity", "Created", "Duration", "Status", "Notes", "External IDs"].map((t) => h("th", {}, t)))),
    h("tbody", {}, [...acts].reverse().map((a) => {
      const notes = h("input", { class: "notes", value: a.notes, placeholder: "…", "aria-label": "Notes", oninput: (e: Event) => onNotes(a, (e.target as HTMLInputElement).value) });
      const ms = a.acceptedAt !== undefined && a.endedAt !== undefined ? a.endedAt - a.acceptedAt : undefined;
      return h("tr", {
        class: "activity",
        "data-type": a.type,
        "data-direction": a.direction,
        "data-status": a.status,
        "data-external-id": a.externalId ?? "",
        "data-original-id": a.originalId ?? "",
        "data-activity-uuid": a.activityUUID ?? "",
        "data-duration-ms": ms !== undefined ? String(ms) : "",
        "data-customer": a.customer,
      },
        h("td", { "data-label": "Customer" }, link(a)),
        h("td", { "data-label": "Activity" }, h("span", {}, a.type, a.channelId ? ` (${a.channelId})` : "", " · ", a.direction)),
        h("td", { "data-label": "Created" }, clock(a.createdAt)),
        h("td", { "data-label": "Duration" }, ms !== undefined ? duration(ms) : a.status === "Open" ? "running" : "—"),
        h("td", { "data-label": "Status" }, a.status),
        h("td", { class: "notes-cell", "data-label": "Notes" }, notes),
        h("td", { class: "ids", "data-label": "External IDs" }, h("div", {},
          a.externalId ? h("div", { title: a.externalId }, h("b", {}, "Ext "), a.externalId) : null,
          a.originalId && a.originalId !== a.externalId ? h("div", { title: a.originalId }, h("b", {}, "Orig "), a.originalId) : null,
          a.activityUUID ? h("div", { title: a.activityUUID }, h("b", {}, "UUID "), a.activityUUID) : null)),
      );
    })),
  ));
}

/** Every payload SAP received, newest first, with its contract check. */
export function payloadTable(payloads: readonly LoggedPayload[]): HTMLElement {
  return h("div", { class: "table-scroll" }, h("table", { class: "payloads" }, h("thead", {}, h("tr", {}, ["Time", "Format", "Fields", "Check"].map((t) => h("th", {}, t)))),
    h("tbody", {}, [...payloads].reverse().map((p) => h("tr", { class: p.violations.length ? "bad" : "" },
      h("td", { "data-label": "Time" }, clock(p.at)), h("td", { "data-label": "Format" }, p.format),
      h("td", { class: "fields", "data-label": "Fields" }, h("div", {}, Object.entries(p.fields).map(([k, v]) => h("div", {}, h("b", {}, k), " ", v)))),
      h("td", { class: "check", "data-label": "Check" }, p.violations.length ? p.violations.join("; ") : p.ignored ? `✓ OK, ${p.ignored}` : "✓ OK"))))));
}
