/**
 * The "Webex in SAP" pane's own messages (issue 13), in English: the source and the fallback.
 * Apart from the pane's catalog (../en.ts) because only this topology needs them: they travel in
 * its own files (dist/sap-mashup/webex-in-sap.js, webex-lang-<tag>.js), so the page of the other
 * topologies and its language files do not grow. Same rules as ../en.ts: numbered placeholders.
 */
export const webexEn = {
  "wx.status.signedOut": "Not signed in to Webex",
  "wx.status.signingIn": "Signing in to Webex…",
  "wx.status.starting": "Connecting to Webex Contact Center…",
  "wx.status.ready": "Signed in to Webex",
  "wx.signIn": "Sign in with Webex",
  "wx.signInHint": "Calls, chats and e-mails come to this pane once you are signed in. Sign-in opens in a small window.",
  "wx.cause.popup-blocked": "The browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.",
  "wx.cause.cancelled": "The sign-in window was closed before the sign-in was finished.",
  "wx.cause.refused": "Webex did not sign you in. Try again, or ask your administrator.",
  "wx.cause.unreachable": "Webex could not be reached. Check the connection, then sign in again.",
  "wx.cause.expired": "Your Webex session has ended. Sign in again; nothing is lost.",
  "wx.cause.revoked": "Webex signed you out. Sign in again; nothing is lost.",
  "wx.startFailed": "Webex Contact Center did not start. Sign in again, or ask your administrator.",
  "wx.logout.open": "Log out…",
  "wx.logout.reason": "Logout reason",
  "wx.logout.button": "Log out",
  "wx.logout.hint": "You can log out once every conversation and its wrap-up is finished.",
  "wx.loggedOut": "Logged out of the station: {0}",
  "wx.logout.failed": "Webex did not log you out. Try again.",
  "wx.elsewhere": "Another SAP tab has the connector",
  "wx.elsewhereHint": "Calls, chats and activities appear in that tab. To work in this one instead, press “Use this tab”.",
  "wx.takeOver": "Use this tab",
  "wx.dialSignedOut": "SAP asked to dial a number, but you are not signed in to Webex, so nothing was dialled. Sign in, then click the number again.",
  "wx.n.dialNotPlaced": "The call to {0} was not placed: Webex refused it. Try again, or dial it from this pane.",
  "wx.n.dialStationLoggedOut": "The call to {0} was not placed: you are logged out of the station. Log in to the station in this pane, then click the number again.",
  "wx.n.dialNotLinked": "The call to {0} was not placed: Webex Contact Center is not ready yet. Wait a moment, then click the number again.",
  "wx.n.stateSignedOut": "You are logged out of the station, so your state cannot change. Log in to the station in this pane first.",
  "wx.n.stateRefused": "Your state did not change: Webex refused it. Try again.",
  "wx.n.signOutRefused": "You were not logged out: Webex refused it. Try again.",
  "wx.n.noSapType": "This conversation is not shown in SAP: SAP has no type for this kind of conversation. Handle it in this pane.",
} as const;

/** A message of this topology's catalog. */
export type WebexMessageId = keyof typeof webexEn;
/** A translated catalog: every message, same ids, same placeholders. */
export type WebexCatalog = Record<WebexMessageId, string>;
