/**
 * The "Webex in SAP" pane's own bar, above Cisco's widgets: whether the agent is signed in to
 * Webex, the "Sign in with Webex" button, why a sign-in failed or a session ended, and the station
 * logout with a reason (Cisco's station-login widget logs out only with Webex's fixed reason).
 * It renders what it is given, in SAP's look (the pane's theming parameters, panel-styles.ts),
 * and reports the agent's choices as events (`sign-in`, `log-out`, `dismiss-notice`); webex-page.ts
 * owns the behaviour. The core's notices (an unusable number, a refused dial, …) show as in the
 * other topologies' panel (notice-list.ts), a refused click-to-dial also said by a live region.
 */
import { LitElement, css, html, nothing } from "lit";
import { updateWhenLocaleChanges } from "@lit/localize";
import { noticeAnnouncement, noticeList } from "../notice-list";
import type { Notice, Raised } from "../notices";
import { panelStyles } from "../panel-styles";
import { reasonText } from "../panel-text";
import type { WebexMessageId } from "../i18n/webex/en";
import { webexNoticeText, wt } from "./webex-text";

/** signed-out → signing-in (pop-up open) → starting (SDK registering) → ready. */
export type WebexPaneState = "signed-out" | "signing-in" | "starting" | "ready";

export class WebexPane extends LitElement {
  static override properties = {
    state: { attribute: false },
    notice: { attribute: false },
    stationLoggedIn: { attribute: false },
    openTasks: { attribute: false },
    logoutReasons: { attribute: false },
    busy: { attribute: false },
    notices: { attribute: false },
    elsewhere: { attribute: false },
    loggingOut: { state: true },
    announcement: { state: true },
  };

  declare state: WebexPaneState;
  /** What to tell the agent under the bar (why signed out, a refused logout, the reason logged out with). */
  declare notice: { id: WebexMessageId; args: string[]; level: "info" | "error" } | undefined;
  /** The agent is logged in to a station (team and device chosen): logout is offered. */
  declare stationLoggedIn: boolean;
  /** A conversation or its wrap-up is open: Webex refuses a logout, so the button waits. */
  declare openTasks: boolean;
  declare logoutReasons: readonly string[];
  /** A logout is on its way to Webex. */
  declare busy: boolean;
  declare loggingOut: boolean;
  /** The core's notice stack, newest first (MashupApp.notices). */
  declare notices: readonly Raised[];
  /** Another SAP tab of the same agent's Agent Desktop posts to SAP; this pane stands by (tab-ownership.ts). */
  declare elsewhere: boolean;
  /** What the live region says now. */
  declare announcement: string;

  static override styles = [
    panelStyles,
    css`
      :host { max-height: none; border-bottom: none; }
      .ready .dot { background: var(--sapPositiveElementColor); }
      .signing-in .dot, .starting .dot { background: var(--sapInformativeElementColor); }
      .info.error { color: var(--sapNegativeTextColor); }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.state = "signed-out";
    this.notice = undefined;
    this.stationLoggedIn = false;
    this.openTasks = false;
    this.logoutReasons = [];
    this.busy = false;
    this.loggingOut = false;
    this.notices = [];
    this.elsewhere = false;
    this.announcement = "";
  }

  /** A notice of the core was raised: said aloud when the other topologies' panel says it too. */
  noticeRaised(n: Notice): void {
    const text = noticeAnnouncement(n, webexNoticeText);
    if (text) this.announcement = text;
  }

  protected override willUpdate(): void {
    if (!this.stationLoggedIn || this.state !== "ready") this.loggingOut = false;
  }

  protected override render() {
    const ready = this.state === "ready";
    return html`
      <div class="bar">
        <span class="link ${this.state}" part="status"><span class="dot" aria-hidden="true"></span><span>${wt(`wx.status.${this.state === "signing-in" ? "signingIn" : this.state === "signed-out" ? "signedOut" : this.state}` as WebexMessageId)}</span></span>
        ${this.state === "signed-out" ? html`<button part="sign-in" class="emphasized" @click=${() => this.dispatchEvent(new CustomEvent("sign-in"))}>${wt("wx.signIn")}</button>` : nothing}
        ${ready && this.stationLoggedIn
          ? html`<button part="log-out-toggle" aria-expanded=${this.loggingOut ? "true" : "false"} aria-disabled=${this.busy ? "true" : "false"} @click=${() => this.busy || (this.loggingOut = !this.loggingOut)}>${wt("wx.logout.open")}</button>`
          : nothing}
      </div>
      ${this.loggingOut
        ? html`<div class="bar controls" part="log-out-row">
            <label>${wt("wx.logout.reason")}
              <select part="log-out-reason" aria-disabled=${this.busy ? "true" : "false"}>
                ${this.logoutReasons.map((r) => html`<option value=${r}>${reasonText(r)}</option>`)}
              </select></label>
            <button part="log-out" class="emphasized" ?disabled=${this.openTasks} aria-disabled=${this.busy ? "true" : "false"} @click=${() => this.logOut()}>${wt("wx.logout.button")}</button>
            ${this.openTasks ? html`<span class="hint" part="log-out-hint">${wt("wx.logout.hint")}</span>` : nothing}
          </div>`
        : nothing}
      ${this.elsewhere
        ? html`<div class="bar" part="elsewhere"><span>${wt("wx.elsewhere")}</span>
              <button part="take-over" @click=${() => this.dispatchEvent(new CustomEvent("take-over"))}>${wt("wx.takeOver")}</button></div>
            <div class="info hint" part="elsewhere-hint">${wt("wx.elsewhereHint")}</div>`
        : nothing}
      ${this.state === "signed-out" && !this.notice ? html`<div class="info hint" part="hint">${wt("wx.signInHint")}</div>` : nothing}
      ${this.notice ? html`<div class="info ${this.notice.level}" part="notice" role=${this.notice.level === "error" ? "alert" : "status"}>${wt(this.notice.id, ...this.notice.args)}</div>` : nothing}
      ${noticeList(this.notices, (id) => this.dispatchEvent(new CustomEvent("dismiss-notice", { detail: { id } })), webexNoticeText)}
      <div class="sr-only" role="status" aria-live="polite" part="live">${this.announcement}</div>
    `;
  }

  private logOut(): void {
    if (this.busy) return;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part="log-out-reason"]');
    const reason = select?.value ?? this.logoutReasons[0];
    if (reason) this.dispatchEvent(new CustomEvent("log-out", { detail: { reason } }));
  }
}

export const WEBEX_PANE_ELEMENT = "wxcc-sap-webex";
if (!customElements.get(WEBEX_PANE_ELEMENT)) customElements.define(WEBEX_PANE_ELEMENT, WebexPane);
