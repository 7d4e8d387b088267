/** German messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-de.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Nicht bei Webex angemeldet",
  "wx.status.signingIn": "Anmeldung bei Webex…",
  "wx.status.starting": "Verbindung zu Webex Contact Center wird aufgebaut…",
  "wx.status.ready": "Bei Webex angemeldet",
  "wx.signIn": "Mit Webex anmelden",
  "wx.signInHint": "Anrufe, Chats und E-Mails erscheinen in diesem Bereich, sobald Sie angemeldet sind. Die Anmeldung öffnet sich in einem kleinen Fenster.",
  "wx.cause.popup-blocked": "Der Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Seite und melden Sie sich erneut an.",
  "wx.cause.cancelled": "Das Anmeldefenster wurde geschlossen, bevor die Anmeldung abgeschlossen war.",
  "wx.cause.refused": "Webex hat Sie nicht angemeldet. Versuchen Sie es erneut oder wenden Sie sich an Ihren Administrator.",
  "wx.cause.unreachable": "Webex war nicht erreichbar. Prüfen Sie die Verbindung und melden Sie sich erneut an.",
  "wx.cause.expired": "Ihre Webex-Sitzung ist abgelaufen. Melden Sie sich erneut an; es geht nichts verloren.",
  "wx.cause.revoked": "Webex hat Sie abgemeldet. Melden Sie sich erneut an; es geht nichts verloren.",
  "wx.startFailed": "Webex Contact Center ist nicht gestartet. Melden Sie sich erneut an oder wenden Sie sich an Ihren Administrator.",
  "wx.logout.open": "Abmelden…",
  "wx.logout.reason": "Abmeldegrund",
  "wx.logout.button": "Abmelden",
  "wx.logout.hint": "Sie können sich abmelden, sobald jede Konversation und ihre Nachbearbeitung abgeschlossen ist.",
  "wx.loggedOut": "Von der Station abgemeldet: {0}",
  "wx.logout.failed": "Webex hat Sie nicht abgemeldet. Versuchen Sie es erneut.",
  "wx.elsewhere": "Ein anderer SAP-Tab hat den Connector",
  "wx.elsewhereHint": "Anrufe, Chats und Aktivitäten erscheinen in jenem Tab. Um stattdessen hier zu arbeiten, klicken Sie auf „Diesen Tab verwenden“.",
  "wx.takeOver": "Diesen Tab verwenden",
};
