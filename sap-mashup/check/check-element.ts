/**
 * `<wxcc-sap-check>`: the setup check as the admin sees it in SAP's CTI pane. It walks CheckApp
 * (check-app.ts, which alone posts to SAP, and only when a button here is pressed) one step at a
 * time: the test data, each step's payloads and what SAP should do, the admin's answer, and at
 * the end the findings, the recommended URL, the report and the test activities to delete.
 * Keyboard operable: each new step or the result takes the focus, and a live region says what
 * happened (copied, sent).
 */
import { LitElement, html, nothing } from "lit";
import { updateWhenLocaleChanges } from "@lit/localize";
import { isE164, isEmailAddress } from "../sap-field-rules";
import type { CustomField } from "../sap-payload";
import type { CheckApp } from "./check-app";
import { outcome, type Answer } from "./check-run";
import { CHECK_ID_PREFIX } from "./check-steps";
import { checkStyles } from "./check-styles";
import { ct, findings } from "./check-text";
import { formView, resultView, stepView, type FormField } from "./check-views";

export const CHECK_ELEMENT = "wxcc-sap-check";
/** Suggested number that matches nobody: a fictitious-use number (555-01xx). */
export const UNKNOWN_SUGGESTION = "+12025550199";

export class CheckElement extends LitElement {
  static override properties = {
    values: { state: true },
    errors: { state: true },
    note: { state: true },
    announcement: { state: true },
    tick: { state: true },
  };
  static override styles = checkStyles;

  declare values: Record<string, string>;
  declare errors: Record<string, string>;
  declare note: string;
  declare announcement: string;
  /** Bumped whenever the app moves on (it is not reactive itself). */
  declare tick: number;
  /** Set by check-page.ts before the element is connected. */
  app!: CheckApp;
  /** Whether there is an SAP page around to post to. */
  sapPresent = true;
  private reportUrl: string | undefined;
  /** What takes the focus after the next render: the new step's or the result's heading, or the question. */
  private focusNext: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.values = { phone: "", unknownPhone: UNKNOWN_SUGGESTION, email: "" };
    this.errors = {};
    this.note = "";
    this.announcement = "";
    this.tick = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.reportUrl) URL.revokeObjectURL(this.reportUrl);
  }

  protected override render() {
    const app = this.app;
    // What the check is and why it is safe, before it starts; after that the pane's room is the step's.
    return html`<h1>${ct("check.title")}</h1>
      ${app.started ? nothing : html`<p>${ct("check.intro")}</p>
            <p>${ct("check.safety", CHECK_ID_PREFIX)}</p>`}
      ${!this.sapPresent ? html`<p class="error" role="alert">${ct("check.notInSap")}</p>` : !app.started ? formView(this.fields(), (e) => this.start(e)) : app.done ? this.result() : this.current()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = undefined;
  }

  private fields(): FormField[] {
    const v = this.values;
    const e = this.errors;
    const fields: FormField[] = [
      { name: "phone", type: "tel", label: ct("check.form.phone"), hint: ct("check.form.e164Hint"), value: v.phone ?? "", error: e.phone },
      { name: "unknownPhone", type: "tel", label: ct("check.form.unknownPhone"), value: v.unknownPhone ?? "", error: e.unknownPhone },
      { name: "email", type: "email", label: ct("check.form.email"), value: v.email ?? "", error: e.email },
    ];
    for (const f of this.app.customFields) fields.push({ name: f, label: ct("check.form.custom", f), value: v[f] ?? "" });
    return fields;
  }

  private start(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v: Record<string, string> = {};
    for (const [k, val] of new FormData(form)) v[k] = String(val).trim();
    const errors: Record<string, string> = {};
    for (const k of ["phone", "unknownPhone"]) if (!isE164(v[k] ?? "")) errors[k] = ct("check.error.phone", v[k] ?? "");
    if (!errors.phone && !errors.unknownPhone && v.phone === v.unknownPhone) errors.unknownPhone = ct("check.error.samePhone");
    if (v.email && !isEmailAddress(v.email)) errors.email = ct("check.error.email", v.email);
    this.values = v;
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    const custom: Partial<Record<CustomField, string>> = {};
    for (const f of this.app.customFields) if (v[f]) custom[f] = v[f];
    this.app.start({ phone: v.phone!, unknownPhone: v.unknownPhone!, ...(v.email ? { email: v.email } : {}), custom });
    this.moved();
  }

  private current() {
    const app = this.app;
    const step = app.step;
    if (!step) return nothing;
    return stepView(app.records.length + 1, step, app.stage, app.channel?.sapId, this.note, {
      setUp: () => this.act(() => app.setUp(), "button.emphasized"),
      prepared: () => this.act(() => (app.prepared(), app.send()), "#question", ct("check.sent")),
      send: () => this.act(() => app.send(), "#question", ct("check.sent")),
      answer: (a: Answer) => this.answer(a),
      note: (text) => (this.note = text),
    });
  }

  /** Runs one of the app's moves; the focus goes to `focus` (the button pressed is gone). */
  private act(fn: () => void, focus: string, say?: string): void {
    fn();
    this.focusNext = focus;
    if (say) this.announcement = say;
    this.tick++;
  }

  private answer(a: Answer): void {
    this.app.answer(a, this.note);
    this.note = "";
    this.moved();
  }

  private moved(): void {
    this.focusNext = "#step-heading, #result-heading";
    this.tick++;
  }

  private result() {
    const app = this.app;
    const report = app.report();
    if (!this.reportUrl) this.reportUrl = URL.createObjectURL(new Blob([report], { type: "text/plain;charset=utf-8" }));
    return resultView(
      {
        findings: findings(outcome(app.answers, app.config.format), app.channel !== undefined),
        url: app.recommendedUrl(),
        report,
        reportHref: this.reportUrl,
        reportName: `wxcc-sap-check-${app.run}.txt`,
        ids: app.postedIds,
        prefix: CHECK_ID_PREFIX,
      },
      (what) => void this.copy(what),
    );
  }

  /** Copies the URL or the report; where the frame may not write the clipboard, selects it for the admin. */
  private async copy(what: "url" | "report"): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${what}`);
    const text = area?.value ?? "";
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      area?.focus();
      area?.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
    }
    this.announcement = ct(ok ? "check.copied" : "check.copyFailed");
  }
}

if (!customElements.get(CHECK_ELEMENT)) customElements.define(CHECK_ELEMENT, CheckElement);
