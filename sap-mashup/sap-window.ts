/**
 * Talking to SAP: payloads out to the SAP page (the mashup's parent), click-to-dial in. The
 * envelope is SAP's (contract §5): JSON mode posts `{ payload }` as an object, XML mode a string.
 */
import type { Log } from "../channel/log";
import { maskValue } from "../channel/mask";
import type { SapPayload } from "./sap-payload";
import { toXml } from "./xml";

export class SapWindow {
  constructor(
    private readonly target: Window | null,
    private readonly origins: readonly string[],
    private readonly format: "json" | "xml",
    private readonly log: Log,
  ) {}

  /** True when there is an SAP page around us to talk to. */
  get present(): boolean {
    return this.target !== null;
  }

  post(payload: SapPayload): boolean {
    if (!this.target) return false;
    const message = this.format === "xml" ? toXml(payload) : { payload };
    let delivered = false;
    // Exact targets only: the browser delivers to whichever configured origin SAP really has.
    for (const origin of this.origins) {
      try {
        this.target.postMessage(message, origin);
        delivered = true;
      } catch (e) {
        this.log.error(`could not post to SAP: ${(e as Error)?.name ?? "error"}`);
      }
    }
    // The leg by its whole ExternalReferenceID (support looks it up in SAP); the customer masked.
    const customer = payload.ANI ?? payload.Email;
    this.log.info(`to SAP: ${payload.Type} ${payload.EventType} ${payload.Action} leg ${payload.ExternalReferenceID ?? "?"}${customer ? ` customer ${maskValue(customer)}` : ""}`);
    return delivered;
  }
}
