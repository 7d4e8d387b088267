/**
 * The English message catalog: the source language and the fallback. Every text the mashup shows
 * comes from here (or from a translation of it in ./locales/, same ids, same placeholders). Each
 * message is a string with numbered placeholders {0}, {1}, which a translation may reorder
 * (localize.ts hands them to @lit/localize as its `str` templates).
 *
 * Notices (ids starting with "n.") say what happened, to which conversation or number (masked as
 * in the logs), and what the agent can do; technical detail goes to the log only.
 */
export const en = {
  // The compact bar: link status.
  "status.waiting": "Waiting for the Agent Desktop…",
  "status.linked": "Agent Desktop linked",
  "status.linkedOutsideSap": "Agent Desktop linked, but this page is not inside SAP",
  "status.lost": "Link to the Agent Desktop lost",
  "status.noWindow": "The Agent Desktop window is not open",
  "status.noWindowHint": "Open it with the button; you sign in there with Webex single sign-on.",
  "status.elsewhere": "Another SAP tab has the connector",
  "status.elsewhereHint": "Calls, chats and activities appear in that tab. To work in this one instead, press “Use this tab”.",
  "status.configError": "The connector is not set up correctly, so nothing is sent to SAP. Tell your SAP administrator:",
  "config.missing": "The setting “{0}” is missing.",
  "config.invalid": "The setting “{0}” has a value the connector cannot use: “{1}”.",
  "config.invalidNoValue": "The setting “{0}” has a value the connector cannot use.",
  "config.details": "The browser console says exactly what is wrong.",
  "action.openDesktop": "Open the Agent Desktop",
  "action.takeOver": "Use this tab",
  // Agent state and sign-out.
  "agent.state": "State",
  "agent.lastKnown": "State (last known)",
  "agent.available": "Available",
  "agent.idle": "Idle",
  "agent.idleCode": "Idle: {0}",
  "agent.unknown": "Unknown",
  "agent.pick": "Choose a state",
  "agent.onConversation": "{0}, on a conversation",
  "agent.inWrapUp": "{0}, in wrap-up",
  "agent.signedOut": "Signed out. Sign in again in the Agent Desktop.",
  "agent.signedOutReason": "Signed out ({0}). Sign in again in the Agent Desktop.",
  "signOut.reason": "Sign-out reason",
  "signOut.button": "Sign out",
  "signOut.hint": "You can sign out once every conversation and its wrap-up is finished.",
  "reason.endOfShift": "End of shift",
  "reason.lunch": "Lunch",
  "reason.training": "Training",
  "reason.meeting": "Meeting",
  "reason.personal": "Personal",
  "reason.technical": "Technical problem",
  "reason.other": "Other",
  // Conversations.
  "conv.heading": "Conversations ({0})",
  "conv.from": "{0} from {1}",
  "conv.to": "{0} to {1}",
  "conv.unknownCustomer": "unknown customer",
  "media.telephony": "Call",
  "media.chat": "Chat",
  "media.email": "Email",
  "media.social": "Message",
  "media.other": "Conversation",
  "phase.ringing": "ringing",
  "phase.connected": "connected",
  "phase.held": "on hold",
  "phase.consult": "consult",
  // The notice stack and the screen reader.
  "notices.label": "Notices",
  "notices.more": "More notices: {0}",
  "notices.dismiss": "Dismiss",
  "live.newConversation": "New conversation: {0}",
  "live.linkRestored": "Link to the Agent Desktop restored",
  // Notices.
  "n.linkLost": "The link to the Agent Desktop is lost, so SAP is not being updated. It comes back by itself; if not within a minute, reload this page.",
  "n.linkLostAlongside": "The link to the Agent Desktop is lost, so SAP is not being updated. Keep its window open, or press “Open the Agent Desktop”.",
  "n.popupBlocked": "The browser blocked the Agent Desktop window. Allow pop-ups for this page, then press “Open the Agent Desktop” again.",
  "n.clickUnreadable": "SAP sent a click-to-dial request that cannot be read, so nothing was dialled. Click the number again; if this keeps happening, tell your SAP administrator.",
  "n.noNumberToDial": "SAP sent no number to dial, so nothing was dialled. Click a phone number in SAP.",
  "n.notANumber": "“{0}” is not a phone number, so nothing was dialled. Correct it in SAP and click it again.",
  "n.noCountry": "{0} has no country code, so it was not dialled. Add the country code (for example +49) in SAP and click it again.",
  "n.impossibleNumber": "{0} has too few or too many digits, so it was not dialled. Correct it in SAP and click it again.",
  "n.extension": "Dialling {0}. The extension {1} was not dialled: once connected, ask for it or key it in.",
  "n.dialNotPlaced": "The call to {0} was not placed: Webex refused it. Try again, or dial from the Agent Desktop.",
  "n.dialNotLinked": "The call to {0} was not placed: the Agent Desktop is not linked. Wait for the link, then click the number again.",
  "n.dialForwarded": "The number {0} is dialled from the SAP tab that has the connector; the call appears there.",
  "n.dialNotAllowed": "The call to {0} was not placed: outgoing calls are not set up for you in Webex. Ask your contact center administrator.",
  "n.dialPlan": "The call to {0} was not placed: your dial plan does not allow this number.",
  "n.outdialFailed": "Your outgoing call did not go through: Webex reported it as failed. Check the number and try again.",
  "n.parserWait": "{0} was not dialled: phone number support has not loaded yet. Click the number again in a moment.",
  "n.parserFailed": "Phone number support did not load, so SAP is not being updated for now. The connector keeps trying; check the network connection.",
  "n.stateUnknownCode": "That idle state is not available to you in Webex. Choose another state.",
  "n.stateSignedOut": "You are signed out, so your state cannot change. Sign in in the Agent Desktop first.",
  "n.stateRefused": "Your state did not change: the Agent Desktop refused it. Try again, or change it in the Agent Desktop.",
  "n.signOutPickReason": "Choose a sign-out reason from the list, then sign out again.",
  "n.signOutAlready": "You are already signed out.",
  "n.signOutOpen": "You cannot sign out while a conversation or its wrap-up is open. Finish them, then sign out.",
  "n.signOutRefused": "You were not signed out: the Agent Desktop refused it. Try again, or sign out in the Agent Desktop.",
  "n.noSapType": "This conversation is not shown in SAP: SAP has no type for this kind of conversation. Handle it in the Agent Desktop.",
  "n.noChannelId": "This conversation is not shown in SAP: no SAP channel is set up for “{0}”. Ask your SAP administrator to add it to the connector's channels.",
  "n.noEmail": "No customer e-mail address came with this conversation, so SAP cannot find the customer. Search for them in SAP.",
  "n.badNumber": "The customer's number {0} cannot be used, so SAP cannot find the caller. Search for them in SAP.",
  "n.noNumber": "No customer number came with this conversation, so SAP cannot find the caller. Search for them in SAP.",
  "n.fieldLeftOut": "SAP did not get the {0} of this conversation: “{1}” is not a valid value for it. The rest was sent; check the customer's details in SAP.",
};

/** A message of the catalog. */
export type MessageId = keyof typeof en;
/** A notice's message: its id is its kind (see ../notices.ts). */
export type NoticeKind = Extract<MessageId, `n.${string}`>;
