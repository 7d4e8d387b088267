/** Dutch messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-nl.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Niet aangemeld bij Webex",
  "wx.status.signingIn": "Aanmelden bij Webex…",
  "wx.status.starting": "Verbinden met Webex Contact Center…",
  "wx.status.ready": "Aangemeld bij Webex",
  "wx.signIn": "Aanmelden met Webex",
  "wx.signInHint": "Gesprekken, chats en e-mails komen in dit deelvenster zodra u bent aangemeld. Het aanmelden opent in een klein venster.",
  "wx.cause.popup-blocked": "De browser heeft het aanmeldvenster geblokkeerd. Sta pop-ups toe voor deze pagina en meld u opnieuw aan.",
  "wx.cause.cancelled": "Het aanmeldvenster is gesloten voordat het aanmelden klaar was.",
  "wx.cause.refused": "Webex heeft u niet aangemeld. Probeer het opnieuw of vraag het uw beheerder.",
  "wx.cause.unreachable": "Webex is niet bereikbaar. Controleer de verbinding en meld u opnieuw aan.",
  "wx.cause.expired": "Uw Webex-sessie is beëindigd. Meld u opnieuw aan; er gaat niets verloren.",
  "wx.cause.revoked": "Webex heeft u afgemeld. Meld u opnieuw aan; er gaat niets verloren.",
  "wx.startFailed": "Webex Contact Center is niet gestart. Meld u opnieuw aan of vraag het uw beheerder.",
  "wx.logout.open": "Afmelden…",
  "wx.logout.reason": "Reden van afmelden",
  "wx.logout.button": "Afmelden",
  "wx.logout.hint": "U kunt zich afmelden zodra elk gesprek en de nawerk ervan klaar zijn.",
  "wx.loggedOut": "Afgemeld van het station: {0}",
  "wx.logout.failed": "Webex heeft u niet afgemeld. Probeer het opnieuw.",
  "wx.elsewhere": "Een ander SAP-tabblad heeft de connector",
  "wx.elsewhereHint": "Gesprekken, chats en activiteiten verschijnen in dat tabblad. Wilt u in dit tabblad werken, klik dan op ‘Dit tabblad gebruiken’.",
  "wx.takeOver": "Dit tabblad gebruiken",
};
