/**
 * The bounded notice stack as the pane shows it (newest first, at most `VISIBLE_NOTICES`, a count
 * of the rest, each with its time, its conversation masked and a dismiss button). One rendering
 * for every topology: the connector panel (connector-panel.ts) and the "Webex in SAP" bar
 * (webex-in-sap/webex-pane.ts) show the core's notices alike, for the eye and the screen reader.
 * The styles are the panel's (panel-styles.ts `.notices`).
 */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "./i18n/localize";
import type { Notice, Raised } from "./notices";
import { conversationText, timeText } from "./panel-text";

/** Never more notices than this on screen at once: the desktop (or the widgets) below need the room. */
export const VISIBLE_NOTICES = 2;

/**
 * What a notice says, in the page's language: its catalog message. A topology whose agent has no
 * Agent Desktop words some notices its own way (webex-in-sap/webex-text.ts `webexNoticeText`).
 */
export type NoticeText = (n: Notice) => string;
const catalogText: NoticeText = (n) => t(n.kind, ...n.args);

/** The notices list, or nothing when there are none; `dismiss` gets the id of the notice the agent closed. */
export function noticeList(notices: readonly Raised[], dismiss: (id: number) => void, text = catalogText): TemplateResult | typeof nothing {
  if (notices.length === 0) return nothing;
  const shown = notices.slice(0, VISIBLE_NOTICES);
  const rest = notices.length - shown.length;
  return html`<section class="notices" part="notices" aria-label=${t("notices.label")}>
    <ul>
      ${shown.map(
        (r) => html`<li class="notice ${r.notice.level}" part="notice">
          <span class="notice-body"
            ><span part="notice-text">${text(r.notice)}</span>
            <span class="meta"><time datetime=${new Date(r.at).toISOString()}>${timeText(r.at)}</time>${r.notice.conversation ? html` · ${conversationText(r.notice.conversation)}` : nothing}</span></span
          >
          <button part="dismiss" aria-label=${t("notices.dismiss")} title=${t("notices.dismiss")} @click=${() => dismiss(r.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>`,
      )}
    </ul>
    ${rest > 0 ? html`<p class="more" part="more-notices">${t("notices.more", String(rest))}</p>` : nothing}
  </section>`;
}

/** What a raised notice says aloud: refused click-to-dials are announced, the rest are only shown. */
export function noticeAnnouncement(n: Notice, text = catalogText): string | undefined {
  return n.cause === "dial" && n.level === "error" ? text(n) : undefined;
}
