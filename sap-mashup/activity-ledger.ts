/**
 * What SAP was told, per agent leg, for the lifetime of the browser tab. Kept in sessionStorage
 * when the browser allows it (so a mashup or SAP page reload does not post a second ACCEPT), and
 * in memory otherwise; the widget's snapshot restores the same knowledge when storage is blocked.
 */
import * as v from "valibot";
import { LegSchema } from "../channel/protocol";
import type { KeyValueStore } from "../channel/safe-storage";
import type { LegRecord, SapAction } from "./sap-payload";

const KEY = "wxcc-sap:ledger:v1";
/** Bounded: a shift's worth of finished legs is not kept, only enough to absorb late replays. */
export const LEDGER_LIMIT = 400;
/**
 * Changes are written to storage at most this often (and at once by `flush`, which the mashup
 * calls when its page goes away). Writing on every change cost ~10 ms of main thread per write on
 * the soak machine once the ledger was full (400 records, ~230 KB of JSON, four writes per
 * conversation: bench/soak.ts). Waiting loses nothing: SAP's payload and the widget's
 * acknowledgement leave in the same task as the change, and the widget's snapshot re-teaches what
 * the ledger knew, which is also how the ledger works when storage is blocked.
 */
export const LEDGER_SAVE_DELAY_MS = 250;

const ACTIONS: readonly SapAction[] = ["NOTIFY", "ACCEPT", "END"];

function isRecord(x: unknown): x is LegRecord {
  const r = x as LegRecord;
  return (
    typeof r === "object" && r !== null &&
    typeof r.ref === "string" && typeof r.interactionId === "string" && typeof r.agentId === "string" &&
    Array.isArray(r.posted) && r.posted.every((a) => ACTIONS.includes(a)) &&
    typeof r.at === "number" && (r.activityUUID === undefined || typeof r.activityUUID === "string") &&
    (r.leg === undefined || v.is(LegSchema, r.leg))
  );
}

export class ActivityLedger {
  readonly #records = new Map<string, LegRecord>();

  readonly #store: KeyValueStore | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** Called with every record this tab writes (not with those `merge` takes from another tab). */
  onWrite: ((record: LegRecord) => void) | undefined;

  constructor(store?: KeyValueStore) {
    this.#store = store;
    const raw = store?.get(KEY);
    if (!raw) return;
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list)) for (const r of list) if (isRecord(r)) this.#records.set(r.ref, r);
    } catch {
      /* a corrupt entry is ignored: the widget's snapshot re-teaches what matters */
    }
  }

  get(ref: string): LegRecord | undefined {
    return this.#records.get(ref);
  }

  put(record: LegRecord): void {
    this.store(record);
    this.onWrite?.(record);
  }

  /**
   * What another SAP tab told SAP about a leg (tab-ownership.ts): kept beside what this tab knows.
   * A record that ends up here is trusted as SAP's state, so a tab that owns later posts only what
   * is still missing. A later record of the owner replaces an earlier one, also to take back an END
   * it retracted; a malformed one is ignored.
   */
  merge(record: unknown): void {
    if (isRecord(record)) this.store(record);
  }

  /** Every record, oldest first: for a tab that joins. */
  all(): LegRecord[] {
    return [...this.#records.values()];
  }

  private store(record: LegRecord): void {
    this.#records.delete(record.ref); // re-insert keeps Map order = recency
    this.#records.set(record.ref, record);
    this.evict();
    if (this.#store && this.#saveTimer === undefined) this.#saveTimer = setTimeout(() => this.flush(), LEDGER_SAVE_DELAY_MS);
  }

  /** Writes pending changes to storage now (the page is going away). */
  flush(): void {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    this.#store?.set(KEY, JSON.stringify([...this.#records.values()]));
  }

  /** Legs SAP has open (told something, not yet END). */
  open(): LegRecord[] {
    return [...this.#records.values()].filter((r) => r.posted.length > 0 && !r.posted.includes("END"));
  }

  get size(): number {
    return this.#records.size;
  }

  private evict(): void {
    if (this.#records.size <= LEDGER_LIMIT) return;
    // Finished legs go first, oldest first; open legs are only dropped if nothing else is left.
    for (const [ref, r] of this.#records) {
      if (this.#records.size <= LEDGER_LIMIT) return;
      if (r.posted.includes("END") || r.posted.length === 0) this.#records.delete(ref);
    }
    for (const ref of this.#records.keys()) {
      if (this.#records.size <= LEDGER_LIMIT) return;
      this.#records.delete(ref);
    }
  }
}
