/** Brazilian Portuguese messages of the "Webex in SAP" pane: the same ids and placeholders as ./en.ts (webex-lang-pt-BR.js). */
import type { WebexCatalog } from "./en";

export const templates: WebexCatalog = {
  "wx.status.signedOut": "Não conectado ao Webex",
  "wx.status.signingIn": "Entrando no Webex…",
  "wx.status.starting": "Conectando ao Webex Contact Center…",
  "wx.status.ready": "Conectado ao Webex",
  "wx.signIn": "Entrar com o Webex",
  "wx.signInHint": "Chamadas, chats e e-mails chegam a este painel depois que você entrar. O login abre em uma janela pequena.",
  "wx.cause.popup-blocked": "O navegador bloqueou a janela de login. Permita pop-ups para esta página e entre novamente.",
  "wx.cause.cancelled": "A janela de login foi fechada antes de o login terminar.",
  "wx.cause.refused": "O Webex não fez o seu login. Tente novamente ou fale com o administrador.",
  "wx.cause.unreachable": "Não foi possível acessar o Webex. Verifique a conexão e entre novamente.",
  "wx.cause.expired": "Sua sessão do Webex terminou. Entre novamente; nada se perde.",
  "wx.cause.revoked": "O Webex encerrou a sua sessão. Entre novamente; nada se perde.",
  "wx.startFailed": "O Webex Contact Center não iniciou. Entre novamente ou fale com o administrador.",
  "wx.logout.open": "Sair…",
  "wx.logout.reason": "Motivo da saída",
  "wx.logout.button": "Sair",
  "wx.logout.hint": "Você pode sair quando todas as conversas e o pós-atendimento estiverem concluídos.",
  "wx.loggedOut": "Desconectado da estação: {0}",
  "wx.logout.failed": "O Webex não fez a sua saída. Tente novamente.",
  "wx.elsewhere": "Outra aba do SAP está com o conector",
  "wx.elsewhereHint": "Ligações, chats e atividades aparecem naquela aba. Para trabalhar nesta, clique em “Usar esta aba”.",
  "wx.takeOver": "Usar esta aba",
};
