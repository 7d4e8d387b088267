/**
 * The redirect page's script (dist/sap-mashup/webex-sign-in.html + webex-sign-in.js): the identity
 * service sends the pop-up here with `code` and `state` (or `error`). It posts them to the mashup
 * that opened it, only to the mashup's own origin (this page is served beside it), also on a
 * same-origin BroadcastChannel for a pop-up that lost its opener, wipes the code from its own
 * address and closes. The code is useless without the verifier, which never left the mashup.
 */
import { SIGN_IN_CHANNEL, returnMessage } from "./sign-in-protocol";

function run(win: Window & typeof globalThis): void {
  const message = returnMessage(win.location.search);
  // The code must not stay in the history or reach a Referer.
  try {
    win.history.replaceState(null, "", win.location.pathname);
  } catch {
    /* nothing to wipe */
  }
  if (!message) return;
  let delivered = false;
  try {
    if (win.opener) {
      (win.opener as Window).postMessage(message, win.location.origin);
      delivered = true;
    }
  } catch {
    delivered = false;
  }
  try {
    const channel = new win.BroadcastChannel(SIGN_IN_CHANNEL);
    channel.postMessage(message);
    channel.close();
    delivered = true;
  } catch {
    /* no channel in this browser */
  }
  if (delivered) win.close();
}

run(window);
