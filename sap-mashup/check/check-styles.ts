/**
 * The setup check's look: SAP's theming parameters only, as the pane's (panel-styles.ts), so the
 * four Horizon themes follow from one set of rules. The check has the whole CTI pane to itself
 * (no Agent Desktop below), so it scrolls as one column, readable at 360 px.
 */
import { css } from "lit";

export const checkStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    padding: 8px 10px 16px;
    font-family: var(--sapFontFamily);
    font-size: var(--sapFontSize);
    line-height: 1.4;
    color: var(--sapTextColor);
    background: var(--sapBackgroundColor);
  }
  h1 { font-size: var(--sapFontHeader4Size); margin: 0 0 6px; }
  h2 { font-size: var(--sapFontHeader5Size); margin: 12px 0 4px; }
  h3 { font-size: var(--sapFontSize); margin: 10px 0 2px; }
  p { margin: 4px 0; }
  section { border-top: 1px solid var(--sapGroup_TitleBorderColor); margin-top: 8px; }
  .muted, .hint { color: var(--sapContent_LabelColor); font-size: var(--sapFontSmallSize); }
  label { display: block; margin: 8px 0 2px; }
  input, textarea {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: var(--sapField_TextColor);
    background: var(--sapField_Background);
    border: 1px solid var(--sapField_BorderColor);
    border-radius: var(--sapField_BorderCornerRadius);
    padding: 4px 6px;
  }
  input[aria-invalid="true"] { border-color: var(--sapField_InvalidColor); border-width: 2px; }
  textarea { min-height: 3.2em; resize: vertical; }
  textarea.url { min-height: 6.5em; }
  textarea.report { min-height: 10em; font-family: var(--sapFontFamily); font-size: var(--sapFontSmallSize); }
  .error { color: var(--sapNegativeTextColor); margin: 2px 0; }
  .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
  button, a.button {
    font: inherit;
    min-height: 28px;
    color: var(--sapButton_TextColor);
    background: var(--sapButton_Background);
    border: 1px solid var(--sapButton_BorderColor);
    border-radius: var(--sapButton_BorderCornerRadius);
    padding: 2px 10px;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    cursor: pointer;
  }
  button.emphasized { color: var(--sapButton_Emphasized_TextColor); background: var(--sapButton_Emphasized_Background); border-color: var(--sapButton_Emphasized_BorderColor); }
  button:hover { background: var(--sapButton_Hover_Background); color: var(--sapButton_Hover_TextColor); }
  button.emphasized:hover { background: var(--sapButton_Emphasized_Hover_Background); color: var(--sapButton_Emphasized_TextColor); }
  :focus-visible { outline: var(--sapContent_FocusWidth) var(--sapContent_FocusStyle) var(--sapContent_FocusColor); outline-offset: 1px; }
  ol.payloads { margin: 2px 0; padding-left: 1.4em; }
  code { font-size: var(--sapFontSmallSize); overflow-wrap: anywhere; }
  .expect { background: var(--sapInformationBackground); border: 1px solid var(--sapInformationBorderColor); border-left-width: 4px; border-radius: var(--sapElement_BorderCornerRadius); padding: 4px 8px; margin: 4px 0; }
  dl { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 10px; margin: 4px 0; }
  dt { color: var(--sapContent_LabelColor); }
  dd { margin: 0; font-weight: bold; }
  ul.ids { margin: 2px 0; padding-left: 1.2em; }
  .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
