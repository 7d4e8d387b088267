/**
 * The mashup's visible part inside SAP's CTI pane: one compact bar (link status, agent state and
 * its change, sign-out with a reason), the conversation list folded away, and a bounded notice
 * stack (newest first, at most two shown, a count of the rest). It renders what it is given, in
 * the agent's language, and reports the agent's choices as events (`open-desktop`, `set-state`,
 * `sign-out`, `dismiss-notice`); main.ts owns the behaviour. A polite live region tells screen
 * reader users about a new conversation, a lost and restored link and a refused click-to-dial.
 */
import { LitElement, html, nothing } from "lit";
import { updateWhenLocaleChanges } from "@lit/localize";
import type { AgentState, Leg } from "../channel/protocol";
import { configProblem } from "./config-problems";
import { t } from "./i18n/localize";
import { noticeAnnouncement, noticeList } from "./notice-list";
import { conversationOf, type Notice, type Raised } from "./notices";
import { panelStyles } from "./panel-styles";
import { agentText, conversationText, legText, reasonText } from "./panel-text";

/** `elsewhere`: another SAP tab has the connector; this one stands by (tab-ownership.ts). */
export type LinkStatus = "config-error" | "waiting" | "linked" | "lost" | "no-desktop-window" | "elsewhere";

export { VISIBLE_NOTICES } from "./notice-list";

export class ConnectorPanel extends LitElement {
  static override properties = {
    status: { attribute: false },
    configErrors: { attribute: false },
    notices: { attribute: false },
    legs: { attribute: false },
    agent: { attribute: false },
    selected: { attribute: false },
    alongside: { type: Boolean, reflect: true },
    sapPresent: { attribute: false },
    logoutReasons: { attribute: false },
    signOutReason: { attribute: false },
    busy: { attribute: false },
    signingOut: { state: true },
    announcement: { state: true },
  };

  declare status: LinkStatus;
  declare configErrors: readonly string[];
  /** The notice stack, newest first (MashupApp.notices). */
  declare notices: readonly Raised[];
  declare legs: Leg[];
  declare agent: AgentState | undefined;
  declare selected: string | undefined;
  declare alongside: boolean;
  declare sapPresent: boolean;
  /** Reasons offered for a sign-out (the mashup's `logoutReasons`). */
  declare logoutReasons: readonly string[];
  /** The reason picked for the last sign-out, shown while the agent is signed out. */
  declare signOutReason: string | undefined;
  /** A state change or sign-out is on its way to Webex: the controls wait for its answer. */
  declare busy: boolean;
  /** The sign-out row (reason and confirm) is open. */
  declare signingOut: boolean;
  /** What the live region says now. */
  declare announcement: string;

  /** Conversations already announced, so each is announced once. */
  private readonly announced = new Set<string>();
  /** An announcement was made in this task: the next one joins it. */
  private batch = false;

  static override styles = panelStyles;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.status = "waiting";
    this.configErrors = [];
    this.notices = [];
    this.legs = [];
    this.alongside = false;
    this.sapPresent = true;
    this.logoutReasons = [];
    this.busy = false;
    this.signingOut = false;
    this.announcement = "";
  }

  /**
   * Says `text` to screen readers once (a polite live region). Announcements made in the same task
   * (two conversations arriving in one snapshot) are said together; a later one replaces the
   * earlier, so nothing is read out twice.
   */
  announce(text: string): void {
    this.announcement = this.batch ? `${this.announcement} ${text}` : text;
    this.batch = true;
    setTimeout(() => (this.batch = false), 0);
  }

  /** A notice was raised: refused click-to-dials are announced, the rest are only shown. */
  noticeRaised(n: Notice): void {
    const text = noticeAnnouncement(n);
    if (text) this.announce(text);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("legs")) {
      for (const l of this.legs) {
        if (this.announced.has(l.interactionId)) continue;
        this.announced.add(l.interactionId);
        if (l.phase !== "ended") this.announce(t("live.newConversation", conversationText(conversationOf(l))));
      }
    }
    if (changed.has("status")) {
      const before = changed.get("status");
      if (this.status === "linked" && (before === "lost" || before === "no-desktop-window")) this.announce(t("live.linkRestored"));
      if (this.status === "lost" && before === "linked") this.announce(t("status.lost"));
      if (this.status === "elsewhere" && before !== "elsewhere") this.announce(t("status.elsewhere"));
    }
    if (this.agent?.status === "signed-out") this.signingOut = false;
  }

  protected override render() {
    return html`
      <div class="bar">
        <span class="link ${this.status}" part="status"><span class="dot" aria-hidden="true"></span><span>${this.statusText()}</span></span>
        ${this.status === "elsewhere"
          ? html`<button part="take-over" class="emphasized" @click=${() => this.dispatchEvent(new CustomEvent("take-over"))}>${t("action.takeOver")}</button>`
          : this.alongside && this.status !== "linked" && this.status !== "config-error"
            ? html`<button part="open-desktop" class="emphasized" @click=${() => this.dispatchEvent(new CustomEvent("open-desktop"))}>${t("action.openDesktop")}</button>`
            : nothing}
        ${this.agent && this.status !== "config-error" && this.status !== "elsewhere" ? this.renderAgent(this.agent) : nothing}
      </div>
      ${this.status === "no-desktop-window" ? html`<div class="info hint">${t("status.noWindowHint")}</div>` : nothing}
      ${this.status === "elsewhere" ? html`<div class="info hint" part="elsewhere-hint">${t("status.elsewhereHint")}</div>` : nothing}
      ${this.status === "config-error"
        ? html`<ul class="errors info" part="config-errors">
              ${this.configErrors.map((e) => {
                const p = configProblem(e);
                return html`<li>${t(p.id, ...p.args)}</li>`;
              })}
            </ul>
            <div class="info hint">${t("config.details")}</div>`
        : nothing}
      ${this.renderLegs()} ${this.renderNotices()}
      <div class="sr-only" role="status" aria-live="polite" part="live">${this.announcement}</div>
    `;
  }

  private renderAgent(a: AgentState) {
    if (a.status === "signed-out") {
      return html`<span class="hint" part="agent-state">${this.signOutReason ? t("agent.signedOutReason", reasonText(this.signOutReason)) : t("agent.signedOut")}</span>`;
    }
    const linked = this.status === "linked";
    const open = this.legs.length > 0;
    const current = stateValue(a);
    // While a request is on its way the controls say so (aria-disabled) but stay enabled: a
    // disabled control loses the keyboard focus, and a keyboard user would be thrown out of the
    // pane after every state change. Their handlers ignore the agent until the answer is in.
    const busy = this.busy ? "true" : "false";
    return html`
      <span class="controls">
        <select part="state-select" aria-label=${linked ? t("agent.state") : t("agent.lastKnown")} title=${agentText(a)} ?disabled=${!linked} aria-disabled=${busy} @change=${(e: Event) => this.pickState(e)}>
            ${current === "" ? html`<option value="" disabled>${agentText(a)}</option>` : nothing}
            <option value="available">${activityOf(a, "available", t("agent.available"))}</option>
            ${a.idleCodes.map((c) => html`<option value=${`idle:${c.id}`}>${activityOf(a, `idle:${c.id}`, t("agent.idleCode", c.name))}</option>`)}
        </select>
        <button part="sign-out-toggle" aria-expanded=${this.signingOut ? "true" : "false"} ?disabled=${!linked} aria-disabled=${busy} @click=${() => this.busy || (this.signingOut = !this.signingOut)}>
          ${t("signOut.button")}
        </button>
      </span>
      ${this.signingOut
        ? html`<span class="controls" part="sign-out-row">
            <label
              >${t("signOut.reason")}
              <select part="sign-out-reason" ?disabled=${!linked} aria-disabled=${busy}>
                ${this.logoutReasons.map((r) => html`<option value=${r}>${reasonText(r)}</option>`)}
              </select></label
            >
            <button part="sign-out" class="emphasized" ?disabled=${!linked || open} aria-disabled=${busy} @click=${() => this.signOut()}>${t("signOut.button")}</button>
            ${open ? html`<span class="hint" part="sign-out-hint">${t("signOut.hint")}</span>` : nothing}
          </span>`
        : nothing}
    `;
  }

  private renderLegs() {
    // A tab that stands by knows no live conversations: the tab with the connector has them.
    if (this.legs.length === 0 || this.status === "elsewhere") return nothing;
    // Folded away under the framed desktop (it shows them itself); open where no desktop is framed.
    return html`<details part="conversations" ?open=${this.alongside}>
      <summary>${t("conv.heading", String(this.legs.length))}</summary>
      <ul>
        ${this.legs.map((l) => html`<li class="leg ${l.interactionId === this.selected ? "selected" : ""}" aria-current=${l.interactionId === this.selected ? "true" : "false"}>${legText(l)}</li>`)}
      </ul>
    </details>`;
  }

  private renderNotices() {
    return noticeList(this.notices, (id) => this.dispatchEvent(new CustomEvent("dismiss-notice", { detail: { id } })));
  }

  /**
   * The select shows the agent's real state after every update, also when the agent picked
   * another one that Webex then refused (the state itself did not change, so nothing else would
   * move the select back).
   */
  protected override updated(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part="state-select"]');
    if (select && this.agent) select.value = stateValue(this.agent);
  }

  private pickState(e: Event): void {
    // Busy: the choice is ignored, and the next update puts the select back on the real state.
    if (this.busy) return void this.requestUpdate();
    const value = (e.target as HTMLSelectElement).value;
    const detail = value === "available" ? { state: "available" } : value.startsWith("idle:") ? { state: "idle", idleCodeId: value.slice(5) } : undefined;
    if (detail) this.dispatchEvent(new CustomEvent("set-state", { detail }));
  }

  private signOut(): void {
    if (this.busy) return;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part="sign-out-reason"]');
    const reason = select?.value ?? this.logoutReasons[0];
    if (reason) this.dispatchEvent(new CustomEvent("sign-out", { detail: { reason } }));
  }

  private statusText(): string {
    switch (this.status) {
      case "config-error":
        return t("status.configError");
      case "linked":
        return this.sapPresent ? t("status.linked") : t("status.linkedOutsideSap");
      case "lost":
        return t("status.lost");
      case "no-desktop-window":
        return t("status.noWindow");
      case "elsewhere":
        return t("status.elsewhere");
      default:
        return t("status.waiting");
    }
  }
}

function stateValue(a: AgentState): string {
  return a.status === "available" ? "available" : a.status === "idle" && a.idleCode ? `idle:${a.idleCode.id}` : "";
}

/** The selected option carries what the agent is busy with ("Available, on a conversation"). */
function activityOf(a: AgentState, value: string, label: string): string {
  if (stateValue(a) !== value) return label;
  return a.activity === "conversation" ? t("agent.onConversation", label) : a.activity === "wrap-up" ? t("agent.inWrapUp", label) : label;
}

export const PANEL_ELEMENT = "wxcc-sap-panel";
if (!customElements.get(PANEL_ELEMENT)) customElements.define(PANEL_ELEMENT, ConnectorPanel);
