/**
 * The mashup's visible part inside SAP's CTI area: link status, notices, live conversations.
 * It only renders what it is given; main.ts owns the behaviour.
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
  };

  declare status: LinkStatus;
  declare configErrors: string[];
  declare notices: (Notice & { at: number })[];
  declare legs: Leg[];
  declare agent: AgentState | undefined;
  declare selected: string | undefined;
  declare alongside: boolean;
  declare sapPresent: boolean;

  constructor() {
    super();
    this.status = "waiting";
    this.configErrors = [];
    this.notices = [];
    this.legs = [];
    this.alongside = false;
    this.sapPresent = true;
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
    button { font: inherit; }
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
      ${this.agent ? html`<div class="agent muted">Agent state: ${agentText(this.agent)}</div>` : nothing}
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

  private statusText(): string {
    switch (this.status) {
      case "config-error":
        return "Configuration error: the connector sends nothing to SAP until it is fixed.";
      case "linked":
        return this.sapPresent ? "Agent Desktop linked." : "Agent Desktop linked, but this page is not inside SAP.";
      case "lost":
        return this.alongside
          ? "Link to the Agent Desktop lost. Keep its window open, or open it again with the button."
          : "Link to the Agent Desktop lost. Reload this page if it does not come back.";
      case "no-desktop-window":
        return "The Agent Desktop window is not open.";
      default:
        return "Waiting for the Agent Desktop…";
    }
  }
}

function agentText(a: AgentState): string {
  switch (a.status) {
    case "signed-out":
      return "signed out (sign in in the Agent Desktop)";
    case "available":
      return "Available";
    case "idle":
      return a.idleCode ? `Idle – ${a.idleCode.name}` : "Idle";
    default:
      return "unknown";
  }
}

const KIND: Record<Leg["media"], string> = { telephony: "Call", chat: "Chat", email: "Email", social: "Message", other: "Conversation" };

function legText(l: Leg): string {
  const who = l.customer.name ?? l.customer.ani ?? l.customer.email ?? "unknown customer";
  const what = l.role === "consult" ? "consult" : l.phase === "offered" ? "ringing" : l.held ? "on hold" : "connected";
  return `${KIND[l.media]} ${l.direction === "OUTBOUND" ? "to" : "from"} ${who} – ${what}`;
}

export const PANEL_ELEMENT = "wxcc-sap-panel";
if (!customElements.get(PANEL_ELEMENT)) customElements.define(PANEL_ELEMENT, ConnectorPanel);
