/**
 * The mashup's visible part inside SAP's CTI area: link status, agent state and its controls,
 * sign-out, notices, live conversations. It only renders what it is given and reports the agent's
 * choices as events (`open-desktop`, `set-state`, `sign-out`); main.ts owns the behaviour.
 */
import { LitElement, css, html, nothing } from "lit";
import type { AgentState, Leg } from "../channel/protocol";
import type { Notice } from "./sap-payload";

export type LinkStatus = "config-error" | "waiting" | "linked" | "lost" | "no-desktop-window";

const MAX_NOTICES = 5;

export class ConnectorPanel extends LitElement {
  static override properties = {
    status: { attribute: false },
    configErrors: { attribute: false },
    notices: { attribute: false },
    legs: { attribute: false },
    agent: { attribute: false },
    selected: { attribute: false },
    alongside: { attribute: false },
    sapPresent: { attribute: false },
    logoutReasons: { attribute: false },
    signOutReason: { attribute: false },
    busy: { attribute: false },
  };

  declare status: LinkStatus;
  declare configErrors: string[];
  declare notices: (Notice & { at: number })[];
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

  constructor() {
    super();
    this.status = "waiting";
    this.configErrors = [];
    this.notices = [];
    this.legs = [];
    this.alongside = false;
    this.sapPresent = true;
    this.logoutReasons = [];
    this.busy = false;
  }

  addNotice(n: Notice): void {
    this.notices = [...this.notices, { ...n, at: Date.now() }].slice(-MAX_NOTICES);
  }

  static override styles = css`
    :host { display: block; font: 13px/1.4 system-ui, sans-serif; color: #1d2d3e; }
    .status { padding: 4px 8px; border-radius: 4px; background: #eef1f4; margin-bottom: 6px; }
    .status.linked { background: #e5f5ea; color: #10582a; }
    .status.lost, .status.config-error, .status.no-desktop-window { background: #fdecea; color: #8a1c12; }
    ul { list-style: none; margin: 0; padding: 0; }
    li.notice { padding: 3px 8px; margin: 2px 0; border-left: 3px solid #c4c9ce; }
    li.notice.warn { border-color: #e9a23b; }
    li.notice.error { border-color: #d3382a; }
    li.leg { padding: 3px 8px; border-bottom: 1px solid #e3e6e9; }
    li.leg.selected { background: #eaf2fd; }
    .muted { color: #5b6873; }
    button, select { font: inherit; }
    .agent { margin: 4px 0 6px; }
    .controls { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; margin: 4px 0 6px; }
    .hint { color: #5b6873; font-size: 12px; }
  `;

  protected override render() {
    return html`
      <div class="status ${this.status}" role="status" aria-live="polite">${this.statusText()}</div>
      ${this.status === "config-error"
        ? html`<ul>${this.configErrors.map((e) => html`<li class="notice error">${e}</li>`)}</ul>`
        : nothing}
      ${this.alongside && this.status !== "linked" && this.status !== "config-error"
        ? html`<button part="open-desktop" @click=${() => this.dispatchEvent(new CustomEvent("open-desktop"))}>Open the Agent Desktop</button>`
        : nothing}
      ${this.agent ? this.renderAgent(this.agent) : nothing}
      <ul class="legs">
        ${this.legs.map(
          (l) => html`<li class="leg ${l.interactionId === this.selected ? "selected" : ""}">
            ${legText(l)}
          </li>`,
        )}
      </ul>
      <ul class="notices">${this.notices.map((n) => html`<li class="notice ${n.level}">${n.text}</li>`)}</ul>
    `;
  }

  private renderAgent(a: AgentState) {
    if (a.status === "signed-out") {
      return html`<div class="agent signed-out" part="agent-state">
        Signed out${this.signOutReason ? html` (reason: ${this.signOutReason})` : nothing}. Sign in again in the Agent Desktop (Webex single sign-on).
      </div>`;
    }
    const linked = this.status === "linked";
    const open = this.legs.length > 0;
    return html`
      <div class="agent" part="agent-state">Agent state${linked ? "" : " (last known)"}: ${agentText(a)}</div>
      <div class="controls">
        <label>Change to
          <select part="state-select" ?disabled=${!linked || this.busy} @change=${(e: Event) => this.pickState(e)}>
            ${stateValue(a) === "" ? html`<option value="" disabled>—</option>` : nothing}
            <option value="available">Available</option>
            ${a.idleCodes.map((c) => html`<option value=${`idle:${c.id}`}>Idle – ${c.name}</option>`)}
          </select>
        </label>
      </div>
      <div class="controls">
        <label>Sign-out reason
          <select part="sign-out-reason" ?disabled=${!linked || this.busy}>
            ${this.logoutReasons.map((r) => html`<option value=${r}>${r}</option>`)}
          </select>
        </label>
        <button part="sign-out" ?disabled=${!linked || this.busy || open} @click=${() => this.signOut()}>Sign out</button>
        ${open ? html`<span class="hint" part="sign-out-hint">Sign-out is possible once every conversation and its wrap-up is done.</span>` : nothing}
      </div>
    `;
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
    const value = (e.target as HTMLSelectElement).value;
    const detail = value === "available" ? { state: "available" } : value.startsWith("idle:") ? { state: "idle", idleCodeId: value.slice(5) } : undefined;
    if (detail) this.dispatchEvent(new CustomEvent("set-state", { detail }));
  }

  private signOut(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part="sign-out-reason"]');
    const reason = select?.value ?? this.logoutReasons[0];
    if (reason) this.dispatchEvent(new CustomEvent("sign-out", { detail: { reason } }));
  }

  private statusText(): string {
    switch (this.status) {
      case "config-error":
        return "Configuration error: the connector sends nothing to SAP until it is fixed.";
      case "linked":
        return this.sapPresent ? "Agent Desktop linked." : "Agent Desktop linked, but this page is not inside SAP.";
      case "lost":
        return this.alongside
          ? "Link to the Agent Desktop lost. Keep its window open; press the button to link to it again (or to reopen it)."
          : "Link to the Agent Desktop lost. Reload this page if it does not come back.";
      case "no-desktop-window":
        return "The Agent Desktop window is not open. Open it with the button; you sign in there (Webex single sign-on).";
      default:
        return "Waiting for the Agent Desktop…";
    }
  }
}

export function agentText(a: AgentState): string {
  let text: string;
  switch (a.status) {
    case "signed-out":
      return "signed out (sign in in the Agent Desktop)";
    case "available":
      text = "Available";
      break;
    case "idle":
      text = a.idleCode ? `Idle – ${a.idleCode.name}` : "Idle";
      break;
    default:
      text = "unknown";
  }
  if (a.activity === "conversation") return `${text}, on a conversation`;
  if (a.activity === "wrap-up") return `${text}, in wrap-up`;
  return text;
}

function stateValue(a: AgentState): string {
  return a.status === "available" ? "available" : a.status === "idle" && a.idleCode ? `idle:${a.idleCode.id}` : "";
}

const KIND: Record<Leg["media"], string> = { telephony: "Call", chat: "Chat", email: "Email", social: "Message", other: "Conversation" };

function legText(l: Leg): string {
  const who = l.customer.name ?? l.customer.ani ?? l.customer.email ?? "unknown customer";
  const what = l.role === "consult" ? "consult" : l.phase === "offered" ? "ringing" : l.held ? "on hold" : "connected";
  return `${KIND[l.media]} ${l.direction === "OUTBOUND" ? "to" : "from"} ${who} – ${what}`;
}

export const PANEL_ELEMENT = "wxcc-sap-panel";
if (!customElements.get(PANEL_ELEMENT)) customElements.define(PANEL_ELEMENT, ConnectorPanel);
