/**
 * The SAP sandbox page: a stand-in for SAP Sales/Service Cloud's agent UI. It frames the real
 * mashup in its Live Activity pane and does with each payload what SAP documents
 * (docs/reference/sap-cti.md §2–5): customer search by ANI (CALL, MESSAGE) or Email (CHAT) on NOTIFY, with a
 * new-record form, the record, or a result list; a Phone Call or Chat activity from ACCEPT to END;
 * click-to-dial from leads with a pre-created activity. Every payload is checked against the
 * contract (sandbox/sap-host/sap-contract.ts) and violations are shown in red and logged as
 * console errors, so no test can miss them.
 *
 * One tenant, one CRM: customer records live in the sandbox server (sandbox/sap-host/crm-store.ts),
 * so every agent's SAP page finds a customer any agent created. This agent's payload log and
 * activities live in sessionStorage, so a reload of this page keeps what "SAP" already recorded.
 *
 * What a payload does is decided in sap-inbox.ts, on the tenant the `tenant` parameter describes
 * (sandbox/sap-host/tenant-variant.ts); the CRM screens are sap-views.ts. `check=on` opens the
 * mashup's setup check in the Live Activity pane instead of the connector.
 */
import { SequenceChecker, type Fields } from "../sap-host/sap-contract";
import { closesActivity, describeVariant, parseTenantVariant, DEFAULT_VARIANT } from "../sap-host/tenant-variant";
import { CrmClient } from "./crm-client";
import { displayPhone, type CrmRecord } from "./crm-data";
import { clock, h, loadConfig, trace, type PageConfig } from "./dom";
import { liveLabel, type SimLeg } from "./live-label";
import { popView, receive, type InboxHost, type SapState as State } from "./sap-inbox";
import type { Activity } from "./sap-records";
import { renderActivities, renderList, renderNew, renderPayloads, renderPop, renderRecord, type Screens, type View } from "./sap-views";

export type { Activity, LoggedPayload } from "./sap-records";


const params = new URLSearchParams(location.search);
/** `agent=3`: the sandbox's third agent, Chloe, in the "Webex in SAP" topology (no desktop; Cisco's widgets in the pane). */
const agentIndex = params.get("agent") === "3" ? 2 : params.get("agent") === "2" ? 1 : 0;
/** `topology=webex` with agent 1 or 2: that desktop agent in the "Webex in SAP" topology too (issue 13, both at once). */
const webexInSap = agentIndex === 2 || params.get("topology") === "webex";
const alongside = params.get("topology") === "alongside";
const format = params.get("format") === "xml" ? "xml" : "json";
/** `check=on`: the Live Activity pane opens the mashup's setup check instead of the connector. */
const checkMode = params.get("check") === "on";
/** How this tenant behaves where real tenants differ (`tenant=xml-only,end-direction,…`). */
const parsedVariant = parseTenantVariant(params.get("tenant"));
const variant = parsedVariant.ok ? parsedVariant.variant : DEFAULT_VARIANT;
const KEY = `sap-sandbox-${agentIndex + 1}-${format}${checkMode ? "-check" : ""}-${params.get("tenant") ?? ""}`;

let cfg: PageConfig;
let agentName = "";
let state: State = load();
let view: View = { kind: "activities" };
let mashupFrame: HTMLIFrameElement;
const sequence = new SequenceChecker();
for (const p of state.payloads) sequence.check(p.fields);

function load(): State {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as State;
  } catch {
    /* storage blocked: start empty */
  }
  return { payloads: [], activities: [], ignored: 0 };
}

function save(): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* storage blocked: the page still works, it just forgets on reload */
  }
}

/** The tenant's CRM as this page last heard it from the server. */
const crm = new CrmClient();
const records = () => crm.records();
/** This agent's legs as the simulation knows them, by ExternalOriginalReferenceID. */
let simLegs = new Map<string, SimLeg>();
const byId = (id: string) => crm.byId(id);
const $ = (id: string) => document.getElementById(id) as HTMLElement;

/** The fields SAP got for an activity, rebuilt from it (for its label). */
function fieldsOf(a: Activity): Fields {
  const f: Fields = { Type: a.type === "Phone Call" ? "CALL" : a.channelId ? "MESSAGE" : "CHAT", EventType: a.direction.toUpperCase() };
  if (a.address) f[f.Type === "CHAT" ? "Email" : "ANI"] = a.address;
  if (a.channelId) f.ChannelId = a.channelId;
  if (a.originalId) f.ExternalOriginalReferenceID = a.originalId;
  return f;
}

// ---- payloads from the mashup ----

const inbox: InboxHost = {
  get state() {
    return state;
  },
  variant,
  sequence,
  records,
  pop: (f) => screenPop(f),
  showingList: (ref) => view.kind === "pop" && view.fields.ExternalReferenceID === ref,
  ended: (ref) => {
    // The ringing or live interaction is over: the Live Activity pane no longer shows it.
    if (livePop?.ExternalReferenceID === ref) livePop = undefined;
  },
};

function onMessage(e: MessageEvent): void {
  if (e.origin !== cfg.mashup) {
    // SAP only listens to its configured CTI provider; anything else is ignored.
    if (e.data && typeof e.data === "object" && "payload" in e.data) state.ignored++;
    return;
  }
  const { entry, read } = receive(inbox, e.data, Date.now());
  if (entry.violations.length > 0) console.error(`[SAP sandbox] payload violates the contract: ${entry.violations.join("; ")}`);
  const f = entry.fields;
  const note = entry.violations.length ? " ✗ " + entry.violations[0] : entry.ignored ? ` (${entry.ignored})` : "";
  trace(`SAP (${agentName})`, "sap", `${f.Type ?? "?"} ${f.EventType ?? "?"} ${f.Action ?? "?"} ${(f.ExternalReferenceID ?? "").slice(-6)}${note}`);
  if (read) tenant?.postMessage({ agent: agentIndex, fields: read });
  finish();
}

/**
 * One tenant behind all of this agent's SAP tabs: what one tab's page received is known to the
 * others (the payload sequence per leg, an activity closed), as SAP's server knows it whichever
 * browser tab posted it. Each tab still shows only what reached it.
 */
const tenant = (() => {
  try {
    return new BroadcastChannel("sap-sandbox-tenant");
  } catch {
    return undefined;
  }
})();
tenant?.addEventListener("message", (e: MessageEvent) => {
  const m = e.data as { agent?: number; fields?: Fields };
  if (m?.agent !== agentIndex || typeof m.fields !== "object" || m.fields === null) return;
  sequence.check(m.fields);
  const ref = m.fields.ExternalReferenceID;
  const act = ref ? state.activities.find((a) => a.externalId === ref) : undefined;
  if (closesActivity(variant, m.fields) && act && act.status !== "Completed") {
    act.endedAt = Date.now();
    act.status = "Completed";
    finish();
  }
});

function finish(): void {
  save();
  render();
  void refreshSimLegs();
}

/** What SAP does on an incoming interaction: identify the customer by ANI or e-mail. */
function screenPop(f: Fields): void {
  view = popView(records(), f, variant);
  livePop = f;
}

let livePop: Fields | undefined;

// ---- click-to-dial ----

function clickToDial(r: CrmRecord, phone: string): void {
  const uuid = crypto.randomUUID();
  state.activities.push({
    key: `act-${Date.now()}-c2d`,
    type: "Phone Call",
    direction: "Outbound",
    customer: r.name,
    recordId: r.id,
    address: phone,
    createdAt: Date.now(),
    status: "Planned",
    notes: "",
    activityUUID: uuid,
  });
  finish();
  // SAP's object (docs/reference/sap-cti.md §5.1): no payload wrapper, the number as SAP shows it.
  const message = {
    PhoneNumber: displayPhone(phone),
    ActivityUUID: uuid,
    BusinessPartnerID: r.id,
    ObjectID: r.id,
    ObjectTypeCode: "72",
    ObjectThingType: "COD_LEAD_TT",
    Direction: "OUTBOUND",
    IsBTDRef: "false",
    LoggedInUserID: `AGENT0${agentIndex + 1}`,
  };
  trace(`SAP (${agentName})`, "sap", `click-to-dial ${displayPhone(phone).slice(0, 6)}… ActivityUUID ${uuid.slice(0, 8)}`);
  mashupFrame.contentWindow?.postMessage(message, cfg.mashup);
}

// ---- rendering ----

function render(): void {
  renderViolations();
  renderLive();
  const main = $("main");
  main.replaceChildren(renderView());
  for (const b of document.querySelectorAll<HTMLButtonElement>("#nav button")) b.classList.toggle("active", b.dataset.view === navKey());
}

function navKey(): string {
  return view.kind === "list" ? view.recordKind : view.kind;
}

function renderViolations(): void {
  const bad = state.payloads.filter((p) => p.violations.length > 0);
  const box = $("violations");
  box.hidden = bad.length === 0;
  box.replaceChildren(
    h("strong", {}, `⚠ ${bad.length} payload${bad.length === 1 ? "" : "s"} violate${bad.length === 1 ? "s" : ""} the SAP CTI contract`),
    h("ul", {}, bad.slice(-5).map((p) => h("li", {}, `${clock(p.at)} ${p.fields.Type ?? ""} ${p.fields.Action ?? ""}: ${p.violations.join("; ")}`))),
  );
}

function renderLive(): void {
  const box = $("live-card");
  const open = [...state.activities].reverse().find((a) => a.status === "Open");
  if (!livePop && !open) {
    box.replaceChildren(h("div", { class: "muted" }, "No live interaction. Incoming calls, chats and messages appear here."));
    return;
  }
  // The pop being shown wins: it is what the agent is looking at (a new offer, or a consult).
  const accepted = open !== undefined && (!livePop || livePop.ExternalReferenceID === open.externalId);
  const f = livePop ?? fieldsOf(open!);
  const leg = simLegs.get(f.ExternalOriginalReferenceID ?? "");
  const label = liveLabel(f, accepted, leg, clock(open?.acceptedAt ?? open?.createdAt));
  const notes = accepted
    ? h("textarea", { id: "live-notes", placeholder: "Notes for this activity…", oninput: (e: Event) => {
        open!.notes = (e.target as HTMLTextAreaElement).value;
        save();
      } })
    : null;
  if (notes) notes.value = open!.notes;
  box.replaceChildren(
    h("div", { class: "live-title", id: "live-title" }, label.title, accepted && open!.customer !== open!.address ? ` · ${open!.customer}` : ""),
    h("div", { class: "muted", id: "live-status" }, label.status),
  );
  if (notes) box.append(notes);
}

/** Asks the simulation what this agent's interactions really are (see live-label.ts); refreshes the card. */
async function refreshSimLegs(): Promise<void> {
  try {
    const r = await fetch("/cc/state", { cache: "no-store" });
    const st = (await r.json()) as { live: { interactionId: string; media: string; legs: Record<string, { type: string; consult: boolean }> }[] };
    const me = agentOf(cfg).agentId;
    const next = new Map<string, SimLeg>();
    for (const l of st.live) {
      const leg = l.legs[me];
      if (leg) next.set(l.interactionId.replace(/-/g, "").toUpperCase(), { media: l.media, type: leg.type, consult: leg.consult });
    }
    simLegs = next;
    renderLive();
  } catch {
    /* the card keeps what the payloads alone say */
  }
}

const screens: Screens = {
  variant,
  state: () => state,
  records,
  byId,
  livePop: () => livePop,
  mediaOf: (f) => simLegs.get(f.ExternalOriginalReferenceID ?? "")?.media,
  show: (v) => {
    view = v;
    render();
  },
  setView: (v) => (view = v),
  finish,
  save,
  clickToDial,
  create: (body) => crm.create(body),
};

function renderView(): HTMLElement {
  switch (view.kind) {
    case "list":
      return renderList(screens, view.recordKind);
    case "record":
      return renderRecord(screens, view.id);
    case "pop":
      return renderPop(screens, view.fields);
    case "new":
      return renderNew(screens, view.fields);
    case "activities":
      return renderActivities(screens);
    case "payloads":
      return renderPayloads(screens);
  }
}

function nav(): HTMLElement {
  const item = (label: string, v: View, k: string) => h("button", { "data-view": k, onclick: () => {
    view = v;
    livePop = undefined;
    render();
  } }, label);
  return h("nav", { id: "nav" },
    item("Accounts", { kind: "list", recordKind: "Account" }, "Account"),
    item("Contacts", { kind: "list", recordKind: "Contact" }, "Contact"),
    item("Individual Customers", { kind: "list", recordKind: "Individual Customer" }, "Individual Customer"),
    item("Leads", { kind: "list", recordKind: "Lead" }, "Lead"),
    item("Activities", { kind: "activities" }, "activities"),
    item("CTI payloads", { kind: "payloads" }, "payloads"),
  );
}

/** This page's agent: one of the two desktop agents, or the "Webex in SAP" one. */
function agentOf(c: PageConfig): { agentId: string; agentName: string } {
  return agentIndex === 2 ? c.cloudAgents[0]! : c.agents[agentIndex]!;
}

async function main(): Promise<void> {
  cfg = await loadConfig();
  await crm.start(() => render());
  setInterval(() => void refreshSimLegs(), 1000);
  const agent = agentOf(cfg);
  agentName = agent.agentName;
  const desktop = cfg.desktops[agentIndex];
  const q = new URLSearchParams({ sapOrigin: cfg.sap, format });
  // The setup check is configured as the admin's real connector would be: channels and CAD mapping
  // only when this page's URL names them (`channels=…`, `cad=…`); the connector gets the sandbox's.
  const channels = params.get("channels") ?? (checkMode ? null : "whatsapp:WHATSAPP_1,sms:SMS_1");
  if (channels) q.set("channels", channels);
  if (params.get("cad")) q.set("cad", params.get("cad")!);
  if (webexInSap) {
    // The emulated Webex cloud on this origin (sandbox/webex-cloud): its identity stand-in, service catalog and Webex API.
    const base = cfg.webexCloud.origin + "/webex";
    for (const [k, v] of Object.entries({ webexInSap: "on", webexClientId: "sandbox-integration-1", webexAuthBase: `${base}/v1`, webexDiscovery: `${base}/u2c/api/v1`, webexHydra: `${base}/svc/hydra` })) q.set(k, v);
    // A desktop agent: the pane joins the SAP tabs of the agent's Agent Desktop, so one of them posts to SAP.
    if (desktop) q.set("webexDesktopOrigin", desktop);
  } else if (alongside) q.set("desktopOrigin", desktop!);
  else q.set("desktopUrl", `${desktop}/`);
  if (checkMode) q.set("check", "on");
  mashupFrame = h("iframe", { id: "cti", title: "Live Activity: Webex Contact Center connector", src: `${cfg.mashup}/sap-mashup/index.html?${q}`, allow: "microphone; camera; autoplay" });
  document.body.replaceChildren(
    h("header", { class: "shell" },
      h("span", { class: "logo" }, "SAP"),
      h("span", { class: "product" }, "Sales Cloud / Service Cloud"),
      h("span", { class: "badge", title: "This page imitates SAP's CTI integration for local testing. It is not SAP software." }, "SANDBOX — stand-in, not SAP"),
      h("span", { class: "user" }, `${agentName} · ${checkMode ? "setup check" : webexInSap ? (agentIndex === 2 ? "Webex in SAP (no desktop)" : "Webex in SAP") : alongside ? "desktop in its own window" : "desktop embedded"}${format === "xml" ? " · XML" : ""}${describeVariant(variant) ? ` · tenant: ${describeVariant(variant)}` : ""}`),
    ),
    ...(parsedVariant.ok ? [] : [h("div", { class: "violations", id: "tenant-error", role: "alert" }, parsedVariant.error)]),
    h("div", { id: "violations", class: "violations", hidden: true }),
    h("div", { class: "layout" },
      h("div", { class: "crm" }, nav(), h("main", { id: "main" })),
      h("aside", { id: "live" }, h("h2", {}, "Live Activity"), h("div", { id: "live-card" }), mashupFrame),
    ),
  );
  window.addEventListener("message", onMessage);
  render();
}

/** For the browser tests: what "SAP" has recorded. */
(window as unknown as { sapSandbox: unknown }).sapSandbox = {
  state: () => state,
  view: () => view.kind,
  /** The record shown, if any: what the agent sees after a pop. */
  record: () => (view.kind === "record" ? view.id : undefined),
  variant: () => variant,
};

void main();
