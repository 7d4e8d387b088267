/**
 * `<wxcc-sap-connector>`: the headless widget the desktop layout declares (contract §3). No visible
 * UI; it only starts the connector with its configuration and keeps it in step with bindings.
 *
 * Why a plain HTMLElement and not lit: there is nothing to render, so lit's reactive update cycle
 * and template engine would buy nothing here, yet cost ~5 KB gzip of the widget's 10 KB budget
 * beyond the SDK. Property setters pass binding changes on at once. lit stays where there is UI
 * (the mashup panel).
 */
import { parseOriginList } from "../channel/origins";
import { WidgetConnector } from "./connector";
import type { DesktopApi } from "./desktop-port";
import { sdkDesktopPort } from "./desktop-port";

/** Set by the desktop's `$STORE` bindings, possibly before this element is defined. */
const BOUND = ["outdialEp", "outdialAni", "selectedTask", "language"] as const;

export class WxccSapConnector extends HTMLElement {
  static observedAttributes = ["mashup-origin"];
  /** Set by the bundle entry to the SDK's `Desktop`; tests may set another. */
  static desktop: DesktopApi | undefined;

  /** The `mashup-origin` attribute (which wins), or the origins set as a property. */
  mashupOrigin: string | null | undefined;
  connector: WidgetConnector | undefined;
  /** Why the connector is not running, if it is not (shown to admins through the console). */
  configError: string | undefined;
  #outdialEp: unknown;
  #outdialAni: unknown;
  #selectedTask: unknown;
  #language: unknown;

  constructor() {
    super();
    // The desktop may set bindings on the element before this script upgraded it: such values are
    // own properties that hide the accessors below. Move them behind the accessors.
    for (const p of BOUND) {
      if (this.hasOwnProperty(p)) {
        const value: unknown = this[p];
        delete this[p];
        this[p] = value;
      }
    }
  }

  get outdialEp(): unknown {
    return this.#outdialEp;
  }
  set outdialEp(value: unknown) {
    this.#outdialEp = value;
    this.#outdialChanged();
  }

  get outdialAni(): unknown {
    return this.#outdialAni;
  }
  set outdialAni(value: unknown) {
    this.#outdialAni = value;
    this.#outdialChanged();
  }

  get selectedTask(): unknown {
    return this.#selectedTask;
  }
  set selectedTask(value: unknown) {
    this.#selectedTask = value;
    this.connector?.select(selectedId(value));
  }

  /** The desktop's language (`$STORE.app.language`), passed on so the mashup in SAP speaks it too. */
  get language(): unknown {
    return this.#language;
  }
  set language(value: unknown) {
    this.#language = value;
    this.connector?.setLanguage(typeof value === "string" ? value : undefined);
  }

  attributeChangedCallback(_name: string, _old: string | null, value: string | null): void {
    this.mashupOrigin = value;
  }

  connectedCallback(): void {
    if (this.connector) return;
    const desktop = WxccSapConnector.desktop;
    const origins = parseOriginList(this.getAttribute("mashup-origin") ?? this.mashupOrigin, "mashup-origin");
    if (!origins.ok || !desktop) {
      this.configError = !origins.ok ? origins.error : "the Desktop SDK is not available";
      console.error(`[wxcc-sap widget] not started: ${this.configError}`);
      return;
    }
    const connector = (this.connector = new WidgetConnector(sdkDesktopPort(desktop), window, { mashupOrigins: origins.origins, ...this.#outdial() }));
    connector.select(selectedId(this.#selectedTask));
    if (typeof this.#language === "string") connector.setLanguage(this.#language);
    connector.start().catch((e: unknown) => connector.log.error(`start failed: ${(e as Error)?.message ?? "error"}`));
  }

  disconnectedCallback(): void {
    this.connector?.stop();
    this.connector = undefined;
  }

  #outdialChanged(): void {
    const o = this.#outdial();
    this.connector?.setOutdial(o.outdialEp, o.outdialAni);
  }

  #outdial(): { outdialEp?: string; outdialAni?: string } {
    const str = (x: unknown) => (typeof x === "string" && x.trim() ? x.trim() : typeof x === "number" ? String(x) : undefined);
    return { outdialEp: str(this.#outdialEp), outdialAni: str(this.#outdialAni) };
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
