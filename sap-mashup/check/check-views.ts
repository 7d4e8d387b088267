/**
 * The setup check's parts as lit templates: the test-data form, one step, and the result. Plain
 * functions of what they show and what they report back; check-element.ts holds the state.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { SapPayload } from "../sap-payload";
import type { Answer } from "./check-run";
import { describePayload } from "./check-report";
import type { Stage } from "./check-app";
import type { CheckStep } from "./check-steps";
import { ct, expectation, stepTitle } from "./check-text";

export interface FormField {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  type?: "tel" | "email" | "text";
}

function field(f: FormField): TemplateResult {
  const hint = f.hint ? `${f.name}-hint` : "";
  const err = f.error ? `${f.name}-error` : "";
  return html`<label for=${f.name}>${f.label}</label>
    ${f.hint ? html`<div class="hint" id=${hint}>${f.hint}</div>` : nothing}
    <input id=${f.name} name=${f.name} type=${f.type ?? "text"} .value=${f.value} autocomplete="off" aria-invalid=${f.error ? "true" : "false"} aria-describedby=${[hint, err].filter(Boolean).join(" ") || nothing} />
    ${f.error ? html`<div class="error" id=${err}>${f.error}</div>` : nothing}`;
}

export function formView(fields: readonly FormField[], onSubmit: (e: SubmitEvent) => void): TemplateResult {
  return html`<section aria-labelledby="form-heading">
    <h2 id="form-heading">${ct("check.form.heading")}</h2>
    <form novalidate @submit=${onSubmit}>
      ${fields.map(field)}
      <div class="buttons"><button type="submit" class="emphasized" part="start">${ct("check.form.start")}</button></div>
    </form>
  </section>`;
}

const payloadList = (ps: readonly SapPayload[]) => html`<ol class="payloads">${ps.map((p) => html`<li><code>${describePayload(p)}</code></li>`)}</ol>`;

export interface StepActions {
  setUp(): void;
  prepared(): void;
  send(): void;
  answer(a: Answer): void;
  note(text: string): void;
}

export function stepView(n: number, step: CheckStep, stage: Stage, channel: string | undefined, note: string, act: StepActions): TemplateResult {
  return html`<section aria-labelledby="step-heading" data-step=${step.id} data-stage=${stage}>
    <h2 id="step-heading" tabindex="-1">${ct("check.step.counter", String(n))}: ${stepTitle(step, channel)}</h2>
    <h3>${ct("check.expectHeading")}</h3>
    <p class="expect">${expectation(step)}</p>
    ${step.setup.length > 0 ? html`<p>${ct("check.setupText")}</p>${payloadList(step.setup)}` : nothing}
    ${stage === "setup" ? html`<div class="buttons"><button class="emphasized" part="set-up" @click=${act.setUp}>${ct("check.action.setUp")}</button></div>` : nothing}
    ${stage === "prepare" ? html`<p class="expect">${ct("check.prepareText")}</p>` : nothing}
    <h3>${ct("check.willSend", step.format.toUpperCase())}</h3>
    ${payloadList(step.send)}
    ${step.after.length > 0 ? html`<h3>${ct("check.afterwards")}</h3>${payloadList(step.after)}` : nothing}
    ${stage === "prepare"
      ? html`<div class="buttons"><button class="emphasized" part="send" @click=${act.prepared}>${ct("check.action.prepared")}</button></div>`
      : stage === "send"
        ? html`<div class="buttons"><button class="emphasized" part="send" @click=${act.send}>${ct("check.action.send")}</button></div>`
        : nothing}
    ${stage === "answer" ? answerView(note, act) : nothing}
  </section>`;
}

function answerView(note: string, act: StepActions): TemplateResult {
  return html`<div role="group" aria-labelledby="question">
    <p class="muted">${ct("check.sent")}</p>
    <h3 id="question" tabindex="-1">${ct("check.question")}</h3>
    <label for="note">${ct("check.note")}</label>
    <textarea id="note" .value=${note} @input=${(e: Event) => act.note((e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="buttons">
      <button part="answer-yes" class="emphasized" @click=${() => act.answer("yes")}>${ct("check.answer.yes")}</button>
      <button part="answer-no" @click=${() => act.answer("no")}>${ct("check.answer.no")}</button>
      <button part="answer-other" @click=${() => act.answer("other")}>${ct("check.answer.other")}</button>
    </div>
  </div>`;
}

export interface ResultData {
  findings: [string, string][];
  url: string;
  report: string;
  reportHref: string;
  reportName: string;
  ids: readonly string[];
  prefix: string;
}

export function resultView(r: ResultData, copy: (what: "url" | "report") => void): TemplateResult {
  return html`<section aria-labelledby="result-heading" data-step="result">
    <h2 id="result-heading" tabindex="-1">${ct("check.result.heading")}</h2>
    <dl part="findings">${r.findings.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    <h3 id="url-heading">${ct("check.url.heading")}</h3>
    <p class="hint">${ct("check.url.hint")}</p>
    <textarea id="url" class="url" part="url" readonly aria-labelledby="url-heading" .value=${r.url}></textarea>
    <div class="buttons"><button part="copy-url" @click=${() => copy("url")}>${ct("check.action.copy")}<span class="sr-only">: ${ct("check.url.heading")}</span></button></div>
    <h3 id="report-heading">${ct("check.report.heading")}</h3>
    <p class="hint">${ct("check.report.hint")}</p>
    <textarea id="report" class="report" part="report" readonly aria-labelledby="report-heading" .value=${r.report}></textarea>
    <div class="buttons">
      <button part="copy-report" @click=${() => copy("report")}>${ct("check.action.copy")}<span class="sr-only">: ${ct("check.report.heading")}</span></button>
      <a class="button" part="download" href=${r.reportHref} download=${r.reportName}>${ct("check.action.download")}</a>
    </div>
    <h3>${ct("check.delete.heading")}</h3>
    <p class="hint">${ct("check.delete.hint", r.prefix)}</p>
    <ul class="ids" part="ids">${r.ids.map((id) => html`<li><code>${id}</code></li>`)}</ul>
  </section>`;
}
