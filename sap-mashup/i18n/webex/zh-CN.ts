/** Simplified Chinese messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-zh-CN.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "未登录 Webex",
  "wx.status.signingIn": "正在登录 Webex…",
  "wx.status.starting": "正在连接 Webex Contact Center…",
  "wx.status.ready": "已登录 Webex",
  "wx.signIn": "使用 Webex 登录",
  "wx.signInHint": "登录后，呼叫、聊天和电子邮件会进入此窗格。登录将在一个小窗口中打开。",
  "wx.cause.popup-blocked": "浏览器阻止了登录窗口。请允许此页面的弹出窗口，然后重新登录。",
  "wx.cause.cancelled": "登录完成之前，登录窗口已被关闭。",
  "wx.cause.refused": "Webex 未能让您登录。请重试，或联系管理员。",
  "wx.cause.unreachable": "无法连接 Webex。请检查网络连接，然后重新登录。",
  "wx.cause.expired": "您的 Webex 会话已结束。请重新登录；不会丢失任何内容。",
  "wx.cause.revoked": "Webex 已将您注销。请重新登录；不会丢失任何内容。",
  "wx.startFailed": "Webex Contact Center 未能启动。请重新登录，或联系管理员。",
  "wx.logout.open": "注销…",
  "wx.logout.reason": "注销原因",
  "wx.logout.button": "注销",
  "wx.logout.hint": "所有对话及其结束工作完成后，您才能注销。",
  "wx.loggedOut": "已从工作站注销：{0}",
  "wx.logout.failed": "Webex 未能将您注销。请重试。",
  "wx.elsewhere": "另一个 SAP 标签页正在使用连接器",
  "wx.elsewhereHint": "呼叫、聊天和活动显示在那个标签页中。要改在此标签页中工作，请点击“使用此标签页”。",
  "wx.takeOver": "使用此标签页",
};
