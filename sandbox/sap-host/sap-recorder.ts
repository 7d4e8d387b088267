/**
 * The SAP host test double: listens on the SAP page's window, records every payload the mashup
 * posts from the expected origin, decodes it, and checks it against the contract. It can also
 * post SAP's click-to-dial message into the mashup.
 */
import { SequenceChecker, checkPayload, decodeSapMessage, type Fields } from "./sap-contract";

export interface Recorded {
  at: number;
  format: "json" | "xml" | "invalid";
  fields: Fields;
  violations: string[];
  raw: unknown;
}

interface Listenable {
  addEventListener(type: "message", fn: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", fn: (e: MessageEvent) => void): void;
}

export class SapRecorder {
  readonly payloads: Recorded[] = [];
  private readonly sequence = new SequenceChecker();
  private readonly onMessage = (e: MessageEvent) => this.record(e);

  constructor(
    private readonly win: Listenable,
    private readonly mashupOrigins: readonly string[],
    private readonly clock: () => number = Date.now,
  ) {
    win.addEventListener("message", this.onMessage);
  }

  stop(): void {
    this.win.removeEventListener("message", this.onMessage);
  }

  /** `Type Action` per payload, e.g. "CALL NOTIFY": the sequence at a glance. */
  get summary(): string[] {
    return this.payloads.map((p) => `${p.fields.Type} ${p.fields.EventType} ${p.fields.Action}`);
  }

  get violations(): string[] {
    return this.payloads.flatMap((p) => p.violations);
  }

  forLeg(ref: string): Recorded[] {
    return this.payloads.filter((p) => p.fields.ExternalReferenceID === ref);
  }

  private record(e: MessageEvent): void {
    if (!this.mashupOrigins.includes(e.origin)) return;
    const d = decodeSapMessage(e.data);
    if ("error" in d) {
      // Only our payload shapes count; channel traffic never reaches SAP's window.
      this.payloads.push({ at: this.clock(), format: "invalid", fields: {}, violations: [d.error], raw: e.data });
      return;
    }
    const violations = [...checkPayload(d.fields), ...this.sequence.check(d.fields)];
    this.payloads.push({ at: this.clock(), format: d.format, fields: d.fields, violations, raw: e.data });
  }
}
