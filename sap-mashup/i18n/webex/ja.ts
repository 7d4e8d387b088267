/** Japanese messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-ja.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Webex にサインインしていません",
  "wx.status.signingIn": "Webex にサインインしています…",
  "wx.status.starting": "Webex Contact Center に接続しています…",
  "wx.status.ready": "Webex にサインインしました",
  "wx.signIn": "Webex でサインイン",
  "wx.signInHint": "サインインすると、通話、チャット、メールがこのペインに届きます。サインインは小さなウィンドウで開きます。",
  "wx.cause.popup-blocked": "ブラウザーがサインイン ウィンドウをブロックしました。このページのポップアップを許可してから、もう一度サインインしてください。",
  "wx.cause.cancelled": "サインインが完了する前にサインイン ウィンドウが閉じられました。",
  "wx.cause.refused": "Webex にサインインできませんでした。もう一度試すか、管理者に問い合わせてください。",
  "wx.cause.unreachable": "Webex に接続できませんでした。接続を確認してから、もう一度サインインしてください。",
  "wx.cause.expired": "Webex のセッションが終了しました。もう一度サインインしてください。失われるものはありません。",
  "wx.cause.revoked": "Webex からサインアウトされました。もう一度サインインしてください。失われるものはありません。",
  "wx.startFailed": "Webex Contact Center が起動しませんでした。もう一度サインインするか、管理者に問い合わせてください。",
  "wx.logout.open": "ログアウト…",
  "wx.logout.reason": "ログアウトの理由",
  "wx.logout.button": "ログアウト",
  "wx.logout.hint": "すべての会話と後処理が終わるとログアウトできます。",
  "wx.loggedOut": "ステーションからログアウトしました: {0}",
  "wx.logout.failed": "Webex からログアウトできませんでした。もう一度試してください。",
  "wx.elsewhere": "別の SAP タブがコネクタを使用しています",
  "wx.elsewhereHint": "通話、チャット、アクティビティはそのタブに表示されます。このタブで作業するには「このタブを使用」を押してください。",
  "wx.takeOver": "このタブを使用",
};
