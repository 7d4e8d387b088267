/** French messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-fr.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Non connecté à Webex",
  "wx.status.signingIn": "Connexion à Webex…",
  "wx.status.starting": "Connexion à Webex Contact Center…",
  "wx.status.ready": "Connecté à Webex",
  "wx.signIn": "Se connecter avec Webex",
  "wx.signInHint": "Les appels, chats et e-mails arrivent dans ce volet une fois que vous êtes connecté. La connexion s’ouvre dans une petite fenêtre.",
  "wx.cause.popup-blocked": "Le navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres pop-up pour cette page, puis reconnectez-vous.",
  "wx.cause.cancelled": "La fenêtre de connexion a été fermée avant la fin de la connexion.",
  "wx.cause.refused": "Webex ne vous a pas connecté. Réessayez ou contactez votre administrateur.",
  "wx.cause.unreachable": "Webex est injoignable. Vérifiez la connexion, puis reconnectez-vous.",
  "wx.cause.expired": "Votre session Webex a pris fin. Reconnectez-vous ; rien n’est perdu.",
  "wx.cause.revoked": "Webex vous a déconnecté. Reconnectez-vous ; rien n’est perdu.",
  "wx.startFailed": "Webex Contact Center n’a pas démarré. Reconnectez-vous ou contactez votre administrateur.",
  "wx.logout.open": "Se déconnecter…",
  "wx.logout.reason": "Motif de déconnexion",
  "wx.logout.button": "Se déconnecter",
  "wx.logout.hint": "Vous pourrez vous déconnecter une fois chaque conversation et son post-traitement terminés.",
  "wx.loggedOut": "Déconnecté du poste : {0}",
  "wx.logout.failed": "Webex ne vous a pas déconnecté. Réessayez.",
  "wx.elsewhere": "Un autre onglet SAP a le connecteur",
  "wx.elsewhereHint": "Les appels, chats et activités s’affichent dans cet onglet-là. Pour travailler plutôt dans celui-ci, cliquez sur « Utiliser cet onglet ».",
  "wx.takeOver": "Utiliser cet onglet",
};
