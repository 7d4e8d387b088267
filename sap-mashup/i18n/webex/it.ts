/** Italian messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-it.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Accesso a Webex non effettuato",
  "wx.status.signingIn": "Accesso a Webex in corso…",
  "wx.status.starting": "Connessione a Webex Contact Center…",
  "wx.status.ready": "Accesso a Webex effettuato",
  "wx.signIn": "Accedi con Webex",
  "wx.signInHint": "Chiamate, chat ed e-mail arrivano in questo riquadro dopo l’accesso. L’accesso si apre in una piccola finestra.",
  "wx.cause.popup-blocked": "Il browser ha bloccato la finestra di accesso. Consenti i pop-up per questa pagina, poi accedi di nuovo.",
  "wx.cause.cancelled": "La finestra di accesso è stata chiusa prima che l’accesso fosse completato.",
  "wx.cause.refused": "Webex non ha effettuato l’accesso. Riprova o rivolgiti all’amministratore.",
  "wx.cause.unreachable": "Webex non è raggiungibile. Controlla la connessione, poi accedi di nuovo.",
  "wx.cause.expired": "La sessione Webex è terminata. Accedi di nuovo; non si perde nulla.",
  "wx.cause.revoked": "Webex ha chiuso la tua sessione. Accedi di nuovo; non si perde nulla.",
  "wx.startFailed": "Webex Contact Center non si è avviato. Accedi di nuovo o rivolgiti all’amministratore.",
  "wx.logout.open": "Esci…",
  "wx.logout.reason": "Motivo della disconnessione",
  "wx.logout.button": "Esci",
  "wx.logout.hint": "Puoi uscire quando ogni conversazione e la relativa attività post-chiamata sono terminate.",
  "wx.loggedOut": "Disconnesso dalla postazione: {0}",
  "wx.logout.failed": "Webex non ti ha disconnesso. Riprova.",
  "wx.elsewhere": "Un’altra scheda SAP ha il connettore",
  "wx.elsewhereHint": "Chiamate, chat e attività compaiono in quella scheda. Per lavorare invece in questa, premi «Usa questa scheda».",
  "wx.takeOver": "Usa questa scheda",
};
