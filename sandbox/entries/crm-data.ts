/**
 * The SAP sandbox's sample CRM: fictitious accounts, contacts, individual customers and leads
 * (example.* domains, 555-01xx and similar test numbers). One number is shared by three records
 * and one e-mail by two, so the multi-match screen can be seen; the walkthrough lists numbers and
 * addresses that match nothing. Pure: search is exact on E.164 numbers and case-insensitive on
 * e-mails, which is how SAP's CTI customer identification matches (docs/reference/sap-cti.md, customer search).
 */
export type RecordKind = "Account" | "Contact" | "Individual Customer" | "Lead";

export interface CrmRecord {
  id: string;
  kind: RecordKind;
  name: string;
  /** Account the contact works for, or the lead's company. */
  company?: string;
  city: string;
  /** Phone numbers in E.164, as SAP stores normalised numbers. */
  phones: string[];
  emails: string[];
  owner?: string;
}

export const SAMPLE_RECORDS: readonly CrmRecord[] = [
  { id: "1000120", kind: "Account", name: "Sunrise Foods Inc.", city: "San Francisco, US", phones: ["+14155550100"], emails: ["info@sunrisefoods.example"] },
  { id: "1000121", kind: "Contact", name: "Maria Lopez", company: "Sunrise Foods Inc.", city: "San Francisco, US", phones: ["+14155550132"], emails: ["maria.lopez@sunrisefoods.example"] },
  { id: "1000130", kind: "Account", name: "Brandt Logistik GmbH", city: "Berlin, DE", phones: ["+493090182200"], emails: ["orders@brandt-logistik.example"] },
  { id: "1000131", kind: "Contact", name: "Jana Brandt", company: "Brandt Logistik GmbH", city: "Berlin, DE", phones: ["+493090182200", "+4917012345671"], emails: ["jana.brandt@brandt-logistik.example"] },
  { id: "1000132", kind: "Contact", name: "Felix Wagner", company: "Brandt Logistik GmbH", city: "Berlin, DE", phones: ["+493090182200"], emails: ["orders@brandt-logistik.example", "felix.wagner@brandt-logistik.example"] },
  { id: "1000140", kind: "Individual Customer", name: "Li Wei", city: "London, GB", phones: ["+442079460321"], emails: ["li.wei@mail.example"] },
  { id: "1000141", kind: "Individual Customer", name: "Sofia Rossi", city: "Milan, IT", phones: ["+390212345678", "+393471234567"], emails: ["sofia.rossi@mail.example"] },
  { id: "1000150", kind: "Lead", name: "Tom Becker", company: "Becker Bau AG", city: "Munich, DE", phones: ["+4915112345678"], emails: ["tom.becker@beckerbau.example"], owner: "Alice Martin" },
  { id: "1000151", kind: "Lead", name: "Emma Johnson", company: "Northwind Outfitters", city: "New York, US", phones: ["+12125550175"], emails: ["emma.johnson@northwind.example"], owner: "Bruno Keller" },
];

/** Addresses the walkthrough uses, by what SAP finds for them. */
export const SAMPLES = {
  oneMatchPhone: "+14155550132",
  sharedPhone: "+493090182200",
  unknownPhone: "+14695550199",
  leadPhone: "+4915112345678",
  oneMatchEmail: "li.wei@mail.example",
  sharedEmail: "orders@brandt-logistik.example",
  unknownEmail: "new.customer@mail.example",
  whatsappPhone: "+393471234567",
} as const;

export interface SearchKey {
  ani?: string;
  email?: string;
}

export function searchRecords(records: readonly CrmRecord[], key: SearchKey): CrmRecord[] {
  if (key.email) {
    const e = key.email.trim().toLowerCase();
    return records.filter((r) => r.emails.some((x) => x.toLowerCase() === e));
  }
  if (key.ani) {
    const a = key.ani.replace(/[^\d+]/g, "");
    return records.filter((r) => r.phones.includes(a));
  }
  return [];
}

/** "+4915112345678" → "+49 1511 2345678": shown as SAP shows numbers, with spaces (click-to-dial sends it so). */
export function displayPhone(e164: string): string {
  const m = /^\+(1)(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (m) return `+${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
  const n = /^\+(\d{2})(\d{2,4})(\d+)$/.exec(e164);
  return n ? `+${n[1]} ${n[2]} ${n[3]}` : e164;
}
