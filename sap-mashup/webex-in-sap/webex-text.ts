/**
 * The "Webex in SAP" pane's words in the agent's language: its own catalog (../i18n/webex/), fetched
 * together with the pane's (sign-out reasons are translated there), both by URL beside the scripts.
 * This bundle has its own @lit/localize, like the setup check's page.
 */
import type { MessageId } from "../i18n/en";
import { localized, setLanguage, t, withOwnCatalog, type Language } from "../i18n/localize";
import { webexEn, type WebexMessageId } from "../i18n/webex/en";
import type { Notice } from "../notices";
import { STATION_LOGGED_OUT } from "./cc-desktop-port";

/** A message of this topology in the current language, its placeholders filled with `args`. */
export function wt(id: WebexMessageId, ...args: readonly string[]): string {
  return localized(id, webexEn[id], args);
}

/**
 * The core's notices whose words send the agent to the Agent Desktop, in this topology's words
 * instead: here the agent has none, and does it all in this pane. The core's other notices that
 * name the desktop (its link lost, its window blocked) cannot arise here: the connector runs in
 * this page and opens no window.
 */
export const IN_THIS_PANE: Partial<Record<MessageId, WebexMessageId>> = {
  "n.dialNotPlaced": "wx.n.dialNotPlaced",
  "n.dialNotLinked": "wx.n.dialNotLinked",
  "n.stateSignedOut": "wx.n.stateSignedOut",
  "n.stateRefused": "wx.n.stateRefused",
  "n.signOutRefused": "wx.n.signOutRefused",
  "n.noSapType": "wx.n.noSapType",
};

/** What a core notice says in this pane (notice-list.ts `NoticeText`). */
export function webexNoticeText(n: Notice): string {
  // A dial refused because the agent is logged out of the station (cc-desktop-port.ts): what to do is known.
  if (n.kind === "n.dialNotPlaced" && n.detail === STATION_LOGGED_OUT) return wt("wx.n.dialStationLoggedOut", ...n.args);
  const own = IN_THIS_PANE[n.kind];
  return own ? wt(own, ...n.args) : t(n.kind, ...n.args);
}

/** Switches this pane's language (its own localization, see above). */
export function setWebexLanguage(lang: Language, doc: Document): Promise<void> {
  return setLanguage(lang, doc, withOwnCatalog("webex-"));
}
