/**
 * What the SAP stand-in does with each payload the mashup posts (docs/reference/sap-cti.md §2–5),
 * on the tenant it imitates (sandbox/sap-host/tenant-variant.ts): decode and check it against the
 * contract, log it, then identify the customer on NOTIFY, open an activity on ACCEPT and close it
 * on END. The page (sap-page.ts) owns the DOM; this decides and records.
 */
import { SequenceChecker, checkPayload, decodeSapMessage, type Fields } from "../sap-host/sap-contract";
import { closesActivity, customIdentification, ignoredBecause, popsOnNotify, type TenantVariant } from "../sap-host/tenant-variant";
import { searchRecords, type CrmRecord } from "./crm-data";
import type { Activity, LoggedPayload } from "./sap-records";

export interface SapState {
  payloads: LoggedPayload[];
  activities: Activity[];
  /** Messages from origins other than the CTI provider's. */
  ignored: number;
}

/** What SAP shows after identifying a customer: the record, a new-record form, or a result list. */
export type PopView = { kind: "record"; id: string } | { kind: "new"; fields: Fields } | { kind: "pop"; fields: Fields };

/** What the page around the inbox provides. */
export interface InboxHost {
  readonly state: SapState;
  readonly variant: TenantVariant;
  readonly sequence: SequenceChecker;
  records(): readonly CrmRecord[];
  /** Shows a pop for `f` (sets the view and the Live Activity card). */
  pop(f: Fields): void;
  /** True while the result list for this ExternalReferenceID is shown. */
  showingList(ref: string): boolean;
  /** The interaction `ref` is over: the Live Activity card no longer shows it. */
  ended(ref: string): void;
}

export function searchKey(f: Fields): { ani?: string; email?: string } {
  return f.Type === "CHAT" ? { email: f.Email } : { ani: f.ANI };
}

export function addressOf(f: Fields): string {
  return (f.Type === "CHAT" ? f.Email : f.ANI) ?? "";
}

/** The customers SAP finds for a payload: by ANI or Email, else (on tenants that do) by a `Custom_n` holding a record ID. */
export function identify(records: readonly CrmRecord[], f: Fields, variant: TenantVariant): CrmRecord[] {
  const byCustom = customIdentification(variant, f, records.map((r) => r.id));
  if (byCustom) return records.filter((r) => r.id === byCustom);
  return searchRecords(records, searchKey(f));
}

export function popView(records: readonly CrmRecord[], f: Fields, variant: TenantVariant): PopView {
  const hits = identify(records, f, variant);
  if (hits.length === 1) return { kind: "record", id: hits[0]!.id };
  return hits.length === 0 ? { kind: "new", fields: f } : { kind: "pop", fields: f };
}

/**
 * Receives one message from the CTI provider: logs it (with its contract check, or why this tenant
 * ignored it) and acts on it. Returns the logged entry; the fields of a payload SAP read, else none.
 */
export function receive(host: InboxHost, data: unknown, at: number): { entry: LoggedPayload; read?: Fields } {
  const d = decodeSapMessage(data);
  if ("error" in d) {
    const entry: LoggedPayload = { at, fields: {}, format: "invalid", violations: [d.error] };
    host.state.payloads.push(entry);
    return { entry };
  }
  const violations = [...checkPayload(d.fields), ...host.sequence.check(d.fields)];
  const ignored = ignoredBecause(host.variant, d.format);
  const entry: LoggedPayload = { at, fields: d.fields, format: d.format, violations, ...(ignored ? { ignored } : {}) };
  host.state.payloads.push(entry);
  if (ignored) return { entry };
  act(host, d.fields, at);
  return { entry, read: d.fields };
}

function act(host: InboxHost, f: Fields, at: number): void {
  const { state } = host;
  const ref = f.ExternalReferenceID ?? "";
  let activity = state.activities.find((a) => a.externalId === ref && ref);
  if (!activity && f.ActivityUUID) activity = state.activities.find((a) => a.activityUUID === f.ActivityUUID);
  switch (f.Action) {
    case "NOTIFY":
      if (activity) activity.externalId ??= ref;
      // A NOTIFY again for an accepted leg: brings its customer back only where the tenant does so.
      if (popsOnNotify(host.variant, activity?.acceptedAt !== undefined && activity.status === "Open")) host.pop(f);
      break;
    case "ACCEPT": {
      const matches = identify(host.records(), f, host.variant);
      if (!activity) {
        activity = newActivity(f, at, matches.length === 1 ? matches[0] : undefined);
        state.activities.push(activity);
        if (!host.showingList(ref)) host.pop(f);
      }
      activity.externalId = ref;
      activity.originalId = f.ExternalOriginalReferenceID;
      activity.acceptedAt ??= at;
      activity.status = "Open";
      break;
    }
    case "END":
      if (activity && activity.status !== "Completed" && closesActivity(host.variant, f)) {
        activity.endedAt = at;
        activity.status = "Completed";
      }
      host.ended(ref);
      break;
  }
}

function newActivity(f: Fields, at: number, match: CrmRecord | undefined): Activity {
  const a: Activity = {
    key: `act-${at}-${Math.random().toString(36).slice(2, 7)}`,
    type: f.Type === "CALL" ? "Phone Call" : "Chat",
    direction: f.EventType === "OUTBOUND" ? "Outbound" : "Inbound",
    customer: match?.name ?? addressOf(f),
    address: addressOf(f),
    createdAt: at,
    status: "Open",
    notes: "",
  };
  if (match) a.recordId = match.id;
  if (f.ChannelId) a.channelId = f.ChannelId;
  if (f.ActivityUUID) a.activityUUID = f.ActivityUUID;
  return a;
}
