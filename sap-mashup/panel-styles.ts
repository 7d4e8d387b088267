/**
 * The panel's look: SAP's theming parameters only (the `--sap…` custom properties that
 * theme.build.ts writes into mashup.css for the four Horizon themes), so every theme, dark and
 * high-contrast included, follows from one set of rules. Compact by design: the framed Agent
 * Desktop below must keep at least 70% of the pane's height, so the panel never takes more than
 * 30% and scrolls inside itself when notices or conversations need more.
 */
import { css } from "lit";

export const panelStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* 30% of the pane at most, border included, a hair less so rounding never costs the desktop its 70%. */
    max-height: calc(30vh - 2px);
    overflow-y: auto;
    font-family: var(--sapFontFamily);
    font-size: var(--sapFontSmallSize);
    line-height: 1.3;
    color: var(--sapTextColor);
    background: var(--sapShell_Background);
    border-bottom: 1px solid var(--sapGroup_TitleBorderColor);
  }
  :host([alongside]) { max-height: none; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 3px 8px; padding: 3px 6px; }
  .link { display: inline-flex; align-items: center; gap: 4px; flex: 1 1 auto; min-width: 0; }
  .dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--sapNeutralElementColor); }
  .linked .dot { background: var(--sapPositiveElementColor); }
  .lost .dot, .config-error .dot { background: var(--sapNegativeElementColor); }
  .no-desktop-window .dot, .elsewhere .dot { background: var(--sapInformativeElementColor); }
  .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
  button, select {
    font: inherit;
    min-height: 24px;
    color: var(--sapButton_TextColor);
    background: var(--sapButton_Background);
    border: 1px solid var(--sapButton_BorderColor);
    border-radius: var(--sapButton_BorderCornerRadius);
    padding: 1px 8px;
  }
  select { color: var(--sapField_TextColor); background: var(--sapField_Background); border-color: var(--sapField_BorderColor); border-radius: var(--sapField_BorderCornerRadius); max-width: 16rem; }
  button.emphasized { color: var(--sapButton_Emphasized_TextColor); background: var(--sapButton_Emphasized_Background); border-color: var(--sapButton_Emphasized_BorderColor); }
  button:hover:not(:disabled) { background: var(--sapButton_Hover_Background); color: var(--sapButton_Hover_TextColor); }
  button.emphasized:hover:not(:disabled) { background: var(--sapButton_Emphasized_Hover_Background); color: var(--sapButton_Emphasized_TextColor); }
  button:disabled, select:disabled { opacity: var(--sapContent_DisabledOpacity); cursor: default; }
  :focus-visible, summary:focus-visible { outline: var(--sapContent_FocusWidth) var(--sapContent_FocusStyle) var(--sapContent_FocusColor); outline-offset: 1px; }
  .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  .hint { color: var(--sapContent_LabelColor); flex-basis: 100%; }
  .info { padding: 0 6px 4px; }
  details { padding: 0 6px 2px; }
  summary { cursor: pointer; color: var(--sapTextColor); padding: 1px 0; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.leg { padding: 2px 4px; border-bottom: 1px solid var(--sapList_BorderColor); }
  li.leg.selected { background: var(--sapList_SelectionBackgroundColor); }
  .notices { padding: 0 6px 2px; }
  li.notice { display: flex; gap: 6px; align-items: flex-start; margin: 1px 0; padding: 1px 4px 1px 6px; border: 1px solid; border-left-width: 4px; border-radius: var(--sapElement_BorderCornerRadius); }
  li.notice.error { background: var(--sapErrorBackground); border-color: var(--sapErrorBorderColor); }
  li.notice.warn { background: var(--sapWarningBackground); border-color: var(--sapWarningBorderColor); }
  li.notice.info { background: var(--sapInformationBackground); border-color: var(--sapInformationBorderColor); }
  .notice-body { flex: 1; min-width: 0; overflow-wrap: anywhere; }
  .meta { color: var(--sapContent_LabelColor); white-space: nowrap; margin-left: 4px; }
  li.notice button { flex: none; min-height: 24px; padding: 0 6px; }
  .more { color: var(--sapContent_LabelColor); margin: 0; }
  .errors { margin: 2px 0 4px; padding-left: 18px; list-style: disc; }
`;
