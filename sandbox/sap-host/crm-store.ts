/**
 * The SAP stand-in's one CRM per tenant: the sample records plus every customer an agent creates,
 * kept by the sandbox server so that all agents' SAP pages (whatever window they are in) see the
 * same records — a customer created in agent 1's SAP is found when agent 2 takes the call. Pure
 * apart from the listeners it calls; the server exposes it as GET/POST /crm/records and
 * /crm/events (Server-Sent Events).
 */
import { SAMPLE_RECORDS, type CrmRecord } from "../entries/crm-data";

export interface NewCustomer {
  name: string;
  city?: string;
  phone?: string;
  email?: string;
}

const E164 = /^\+[1-9]\d{5,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks what a page posts; each problem names the field and what it must be. */
export function checkNewCustomer(body: unknown): { ok: true; value: NewCustomer } | { ok: false; errors: string[] } {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === "string" ? (b[k] as string).trim() : "");
  const errors: string[] = [];
  const name = str("name");
  const phone = str("phone").replace(/[\s().-]/g, "");
  const email = str("email");
  const city = str("city");
  if (!name) errors.push("name: required");
  else if (name.length > 80) errors.push("name: at most 80 characters");
  if (phone && !E164.test(phone)) errors.push(`phone: "${phone}" is not a number in E.164 form (+ and 6–15 digits)`);
  if (email && !EMAIL.test(email)) errors.push(`email: "${email}" is not an e-mail address`);
  if (city.length > 80) errors.push("city: at most 80 characters");
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { name, ...(city ? { city } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) } };
}

export class CrmStore {
  private readonly added: CrmRecord[] = [];
  private readonly listeners = new Set<(r: CrmRecord) => void>();

  /** The sample records, then the created ones in order of creation. */
  records(): CrmRecord[] {
    return [...SAMPLE_RECORDS, ...this.added];
  }

  create(c: NewCustomer): CrmRecord {
    const rec: CrmRecord = {
      id: String(2000001 + this.added.length),
      kind: "Individual Customer",
      name: c.name,
      city: c.city ?? "",
      phones: c.phone ? [c.phone] : [],
      emails: c.email ? [c.email] : [],
    };
    this.added.push(rec);
    for (const fn of this.listeners) fn(rec);
    return rec;
  }

  onCreate(fn: (r: CrmRecord) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
