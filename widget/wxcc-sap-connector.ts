/**
 * `<wxcc-sap-connector>`: the headless widget the desktop layout declares (contract §3). No visible
 * UI; it only starts the connector with its configuration and keeps it in step with bindings.
 */
import { LitElement, nothing } from "lit";
import { parseOriginList } from "../channel/origins";
import { WidgetConnector } from "./connector";
import type { DesktopApi } from "./desktop-port";
import { sdkDesktopPort } from "./desktop-port";

export class WxccSapConnector extends LitElement {
  static override properties = {
    mashupOrigin: { type: String, attribute: "mashup-origin" },
    outdialEp: { attribute: false },
    outdialAni: { attribute: false },
    selectedTask: { attribute: false },
  };

  /** Set by the bundle entry to the SDK's `Desktop`; tests may set another. */
  static desktop: DesktopApi | undefined;

  declare mashupOrigin: string | undefined;
  declare outdialEp: unknown;
  declare outdialAni: unknown;
  declare selectedTask: unknown;
  connector: WidgetConnector | undefined;
  /** Why the connector is not running, if it is not (shown to admins through the console). */
  configError: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.connector) return;
    const desktop = WxccSapConnector.desktop;
    const origins = parseOriginList(this.getAttribute("mashup-origin") ?? this.mashupOrigin, "mashup-origin");
    if (!origins.ok || !desktop) {
      this.configError = !origins.ok ? origins.error : "the Desktop SDK is not available";
      console.error(`[wxcc-sap widget] not started: ${this.configError}`);
      return;
    }
    this.connector = new WidgetConnector(sdkDesktopPort(desktop), window, { mashupOrigins: origins.origins, ...this.outdial() });
    this.connector.start().catch((e: unknown) => this.connector?.log.error(`start failed: ${(e as Error)?.message ?? "error"}`));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connector?.stop();
    this.connector = undefined;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (!this.connector) return;
    if (changed.has("outdialEp") || changed.has("outdialAni")) {
      const o = this.outdial();
      this.connector.setOutdial(o.outdialEp, o.outdialAni);
    }
    if (changed.has("selectedTask")) this.connector.select(selectedId(this.selectedTask));
  }

  protected override render() {
    return nothing;
  }

  private outdial(): { outdialEp?: string; outdialAni?: string } {
    const str = (x: unknown) => (typeof x === "string" && x.trim() ? x.trim() : typeof x === "number" ? String(x) : undefined);
    return { outdialEp: str(this.outdialEp), outdialAni: str(this.outdialAni) };
  }
}

/** `$STORE.agentContact.taskSelected` is a task object; its id field name varies between versions. */
export function selectedId(task: unknown): string | undefined {
  if (typeof task === "string") return task || undefined;
  const t = task as { interactionId?: unknown; id?: unknown } | null | undefined;
  const id = t?.interactionId ?? t?.id;
  return typeof id === "string" && id ? id : undefined;
}

export const ELEMENT_NAME = "wxcc-sap-connector";

export function defineConnector(desktop: DesktopApi): void {
  WxccSapConnector.desktop = desktop;
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, WxccSapConnector);
}
