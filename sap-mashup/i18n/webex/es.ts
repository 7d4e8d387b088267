/** Spanish messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-es.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Sin sesión en Webex",
  "wx.status.signingIn": "Iniciando sesión en Webex…",
  "wx.status.starting": "Conectando con Webex Contact Center…",
  "wx.status.ready": "Sesión iniciada en Webex",
  "wx.signIn": "Iniciar sesión con Webex",
  "wx.signInHint": "Las llamadas, los chats y los correos llegan a este panel cuando haya iniciado sesión. El inicio de sesión se abre en una ventana pequeña.",
  "wx.cause.popup-blocked": "El navegador bloqueó la ventana de inicio de sesión. Permita las ventanas emergentes para esta página y vuelva a iniciar sesión.",
  "wx.cause.cancelled": "La ventana de inicio de sesión se cerró antes de terminar.",
  "wx.cause.refused": "Webex no inició su sesión. Inténtelo de nuevo o consulte a su administrador.",
  "wx.cause.unreachable": "No se pudo contactar con Webex. Compruebe la conexión y vuelva a iniciar sesión.",
  "wx.cause.expired": "Su sesión de Webex ha terminado. Vuelva a iniciar sesión; no se pierde nada.",
  "wx.cause.revoked": "Webex cerró su sesión. Vuelva a iniciar sesión; no se pierde nada.",
  "wx.startFailed": "Webex Contact Center no se inició. Vuelva a iniciar sesión o consulte a su administrador.",
  "wx.logout.open": "Cerrar sesión…",
  "wx.logout.reason": "Motivo del cierre de sesión",
  "wx.logout.button": "Cerrar sesión",
  "wx.logout.hint": "Podrá cerrar sesión cuando todas las conversaciones y su trabajo posterior hayan terminado.",
  "wx.loggedOut": "Sesión de la estación cerrada: {0}",
  "wx.logout.failed": "Webex no cerró su sesión. Inténtelo de nuevo.",
  "wx.elsewhere": "Otra pestaña de SAP tiene el conector",
  "wx.elsewhereHint": "Las llamadas, los chats y las actividades aparecen en esa pestaña. Para trabajar en esta, pulse «Usar esta pestaña».",
  "wx.takeOver": "Usar esta pestaña",
};
