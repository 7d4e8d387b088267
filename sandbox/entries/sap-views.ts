/**
 * The SAP stand-in's screens in its CRM area: record lists, a record with its activities and
 * click-to-dial numbers, the result list of several matches, the new-customer form of no match,
 * the activity list and the payload log. Built from what the page (sap-page.ts) holds, through
 * `Screens`; they change the page only through it.
 */
import type { Fields } from "../sap-host/sap-contract";
import type { TenantVariant } from "../sap-host/tenant-variant";
import { displayPhone, type CrmRecord, type RecordKind } from "./crm-data";
import { h } from "./dom";
import { titleOf } from "./live-label";
import { addressOf, identify, type SapState } from "./sap-inbox";
import { activityTable, payloadTable, type Activity } from "./sap-records";

export type View =
  | { kind: "list"; recordKind: RecordKind }
  | { kind: "record"; id: string }
  | { kind: "pop"; fields: Fields }
  | { kind: "new"; fields: Fields }
  | { kind: "activities" }
  | { kind: "payloads" };

/** What the screens read from the page and how they act on it. */
export interface Screens {
  readonly variant: TenantVariant;
  state(): SapState;
  records(): readonly CrmRecord[];
  byId(id: string): CrmRecord | undefined;
  /** The interaction the Live Activity pane shows, if any. */
  livePop(): Fields | undefined;
  /** The simulation's media of an interaction (chat or e-mail), for its title. */
  mediaOf(f: Fields): string | undefined;
  /** Sets the view and renders. */
  show(v: View): void;
  /** Sets the view without rendering (finish() renders). */
  setView(v: View): void;
  /** Saves, renders, refreshes. */
  finish(): void;
  save(): void;
  clickToDial(r: CrmRecord, phone: string): void;
  create(body: Record<string, string>): Promise<CrmRecord | { errors: string[] }>;
}

function recordLink(ctx: Screens, r: CrmRecord): HTMLElement {
  return h("a", { href: "#", class: "record-link", "data-record": r.id, onclick: (e: Event) => {
    e.preventDefault();
    ctx.show({ kind: "record", id: r.id });
  } }, r.name);
}

export function renderList(ctx: Screens, kind: RecordKind): HTMLElement {
  const rows = ctx.records().filter((r) => r.kind === kind);
  return h("section", { id: "record-list" },
    h("h2", {}, `${kind === "Individual Customer" ? "Individual Customers" : kind + "s"}`),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Company"), h("th", {}, "City"), h("th", {}, "Phone"), h("th", {}, "E-mail"))),
      h("tbody", {}, rows.map((r) => h("tr", {}, h("td", {}, recordLink(ctx, r)), h("td", {}, r.company ?? ""), h("td", {}, r.city), h("td", {}, r.phones.map(displayPhone).join(", ")), h("td", {}, r.emails.join(", ")))))),
  );
}

export function renderRecord(ctx: Screens, id: string): HTMLElement {
  const r = ctx.byId(id);
  if (!r) return h("p", {}, "Record not found.");
  const isLead = r.kind === "Lead";
  const acts = ctx.state().activities.filter((a) => a.recordId === r.id);
  const live = ctx.livePop();
  return h("section", { id: "record", "data-record": r.id },
    live ? h("div", { class: "pop-banner" }, `Customer identified · ${titleOf(live, ctx.mediaOf(live))}`) : null,
    h("h2", {}, r.name, " ", h("span", { class: "kind" }, r.kind)),
    h("dl", {},
      r.company ? [h("dt", {}, isLead ? "Company" : "Account"), h("dd", {}, r.company)] : null,
      h("dt", {}, "City"), h("dd", {}, r.city),
      h("dt", {}, "Phone"), h("dd", {}, r.phones.map((p) => isLead
        ? h("a", { href: "#", class: "dial", "data-phone": p, title: "Click to dial", onclick: (e: Event) => {
            e.preventDefault();
            ctx.clickToDial(r, p);
          } }, "☎ ", displayPhone(p))
        : h("span", { class: "phone" }, displayPhone(p))).flatMap((x, i) => (i ? [" · ", x] : [x]))),
      h("dt", {}, "E-mail"), h("dd", {}, r.emails.join(" · ")),
      r.owner ? [h("dt", {}, "Owner"), h("dd", {}, r.owner)] : null,
      h("dt", {}, "ID"), h("dd", {}, r.id),
    ),
    h("h3", {}, "Activities"),
    acts.length ? activityTable(acts, (a) => activityLink(ctx, a), (a, t) => saveNotes(ctx, a, t)) : h("p", { class: "muted" }, "No activities yet."),
  );
}

export function renderPop(ctx: Screens, f: Fields): HTMLElement {
  const hits = identify(ctx.records(), f, ctx.variant);
  return h("section", { id: "search-results" },
    h("div", { class: "pop-banner" }, `${hits.length} customers match ${addressOf(f)} — choose the one you are talking to`),
    h("h2", {}, "Search results"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", {}, "Company"), h("th", {}, "City"))),
      h("tbody", {}, hits.map((r) => h("tr", {}, h("td", {}, chooseLink(ctx, r, f)), h("td", {}, r.kind), h("td", {}, r.company ?? ""), h("td", {}, r.city))))),
  );
}

/** Choosing a customer from the result list ties the interaction's activity to that customer, as SAP does. */
function chooseLink(ctx: Screens, r: CrmRecord, f: Fields): HTMLElement {
  const link = recordLink(ctx, r);
  link.addEventListener("click", () => {
    const act = ctx.state().activities.find((a) => a.externalId && a.externalId === f.ExternalReferenceID);
    if (act) {
      act.recordId = r.id;
      act.customer = r.name;
    }
    ctx.finish();
  });
  return link;
}

export function renderNew(ctx: Screens, f: Fields): HTMLElement {
  const email = f.Type === "CHAT" ? f.Email ?? "" : "";
  const phone = f.Type === "CHAT" ? "" : f.ANI ?? "";
  const errors = h("div", { class: "form-errors", id: "new-customer-errors", role: "alert" });
  const form = h("form", { id: "new-customer", onsubmit: (e: Event) => {
    e.preventDefault();
    const fd = new FormData(form);
    const body = { name: String(fd.get("name") ?? ""), city: String(fd.get("city") ?? ""), phone: String(fd.get("phone") ?? ""), email: String(fd.get("email") ?? "") };
    void ctx.create(body).then((r) => {
      if ("errors" in r) return void errors.replaceChildren(...r.errors.map((x) => h("div", {}, x)));
      for (const a of ctx.state().activities) if (!a.recordId && (phone || email) && (a.address === phone || a.address === email)) {
        a.recordId = r.id;
        a.customer = r.name;
      }
      ctx.setView({ kind: "record", id: r.id });
      ctx.finish();
    });
  } },
    h("label", {}, "Name", h("input", { name: "name", placeholder: "First and last name", required: true })),
    h("label", {}, "Phone", h("input", { name: "phone", value: phone })),
    h("label", {}, "E-mail", h("input", { name: "email", value: email })),
    h("label", {}, "City", h("input", { name: "city" })),
    errors,
    h("button", { type: "submit" }, "Save individual customer"),
  );
  const address = addressOf(f);
  // Without a usable number or address SAP has nothing to search by: an unknown customer, nothing prefilled.
  const banner = address
    ? h("div", { class: "pop-banner warn" }, `No customer found for ${address} — create one`)
    : h("div", { class: "pop-banner warn", id: "unknown-customer" }, `Unknown customer: the ${f.Type === "CALL" ? "call" : "interaction"} came without a usable ${f.Type === "CHAT" ? "e-mail address" : "number"}, so there was nothing to search by. Search for the customer, or create one.`);
  return h("section", { id: "new-record", "data-unknown": address ? "false" : "true" }, banner, h("h2", {}, "New Individual Customer"), form);
}

export function renderActivities(ctx: Screens): HTMLElement {
  return h("section", { id: "activity-list" },
    h("h2", {}, "Activities"),
    ctx.state().activities.length ? activityTable(ctx.state().activities, (a) => activityLink(ctx, a), (a, t) => saveNotes(ctx, a, t)) : h("p", { class: "muted" }, "No activities yet. Make a customer call in from an Agent Desktop's control panel."),
  );
}

export function renderPayloads(ctx: Screens): HTMLElement {
  return h("section", { id: "payload-log" },
    h("h2", {}, "Payloads received from the CTI provider"),
    h("p", { class: "muted" }, `Each is checked against the contract. Messages from other origins ignored: ${ctx.state().ignored}.`),
    payloadTable(ctx.state().payloads),
  );
}

function saveNotes(ctx: Screens, a: Activity, text: string): void {
  a.notes = text;
  ctx.save();
}

function activityLink(ctx: Screens, a: Activity): HTMLElement | string {
  const r = a.recordId ? ctx.byId(a.recordId) : undefined;
  return r ? recordLink(ctx, r) : a.customer;
}

