/**
 * An SAP page's view of the tenant's one CRM, which the sandbox server keeps
 * (sandbox/sap-host/crm-store.ts): the records as last heard, customers created through the
 * server, and those other agents create, as they are created (Server-Sent Events).
 */
import { SAMPLE_RECORDS, type CrmRecord } from "./crm-data";

export class CrmClient {
  /** The samples until the server first answers. */
  private list: CrmRecord[] = [...SAMPLE_RECORDS];

  records(): readonly CrmRecord[] {
    return this.list;
  }

  byId(id: string): CrmRecord | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** Loads the records, then follows every creation; `changed` runs after each one. */
  async start(changed: () => void): Promise<void> {
    try {
      this.list = (await (await fetch("/crm/records", { cache: "no-store" })).json()) as CrmRecord[];
    } catch {
      /* the samples only, until the CRM answers */
    }
    new EventSource("/crm/events").addEventListener("created", (e) => {
      this.learn(JSON.parse((e as MessageEvent<string>).data) as CrmRecord);
      changed();
    });
  }

  /** Creates a customer in the tenant's CRM; the server's refusal names each bad field. */
  async create(body: Record<string, string>): Promise<CrmRecord | { errors: string[] }> {
    try {
      const r = await fetch("/crm/records", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const j = (await r.json()) as CrmRecord | { errors: string[] };
      if ("id" in j) this.learn(j);
      return j;
    } catch (e) {
      return { errors: [`The CRM did not answer: ${(e as Error)?.message ?? String(e)}`] };
    }
  }

  private learn(r: CrmRecord): void {
    if (!this.list.some((x) => x.id === r.id)) this.list = [...this.list, r];
  }
}
