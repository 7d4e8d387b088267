/**
 * The setup check without its page: walks the admin through the steps, posts each step's payloads
 * to SAP when (and only when) the admin asks for them, and keeps the answers. No DOM, so tests drive
 * it as it is; check-page.ts renders it.
 *
 * Safe on a production tenant: every payload is one of the steps' (check-steps.ts) and carries the
 * check's ExternalReferenceID prefix; nothing is dialled; nothing the connector sends in normal use
 * changes until the admin applies the recommended URL.
 */
import { Log } from "../../channel/log";
import type { MashupConfig } from "../config";
import type { CustomField } from "../sap-payload";
import { SapWindow } from "../sap-window";
import { endFormInUse, formatInUse, nextStep, outcome, recommendedUrl, type Answer, type StepAnswer } from "./check-run";
import { checkReport, type CheckRecord } from "./check-report";
import { buildStep, type CheckInputs, type CheckStep } from "./check-steps";

/** Where the current step stands: its setup to post, the admin to act in SAP, Send, or an answer. */
export type Stage = "setup" | "prepare" | "send" | "answer";

export class CheckApp {
  readonly log = new Log("wxcc-sap check");
  readonly records: CheckRecord[] = [];
  #inputs: CheckInputs | undefined;
  #step: CheckStep | undefined;
  #stage: Stage = "send";
  readonly #posted = new Set<string>();

  constructor(
    private readonly sapTarget: Window | null,
    readonly config: MashupConfig,
    /** The check page's own URL: the admin's real configuration, which the recommendation starts from. */
    private readonly pageUrl: string,
    readonly run: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The Webex channel whose SAP id the message step tries (the first configured). */
  get channel(): { webex: string; sapId: string } | undefined {
    const [webex, sapId] = Object.entries(this.config.channelIds ?? {})[0] ?? [];
    return webex && sapId ? { webex, sapId } : undefined;
  }

  /** The `Custom_n` fields the admin mapped in `cad`: each can be tried with a test value. */
  get customFields(): CustomField[] {
    return [...new Set(Object.values(this.config.cadFields ?? {}))].sort();
  }

  get step(): CheckStep | undefined {
    return this.#step;
  }

  get stage(): Stage {
    return this.#stage;
  }

  get started(): boolean {
    return this.#inputs !== undefined;
  }

  get done(): boolean {
    return this.started && this.#step === undefined;
  }

  /** Starts with the admin's test data; the numbers must already be E.164 (the page checks them). */
  start(inputs: CheckInputs): void {
    this.#inputs = { ...inputs, ...(this.channel ? { channelId: this.channel.sapId } : {}) };
    this.log.info(`setup check ${this.run} started`);
    this.advance();
  }

  /** Posts the step's setup (the leg the repeated NOTIFY will bring back). */
  setUp(): void {
    if (!this.#step || this.#stage !== "setup") return;
    this.post(this.#step, this.#step.setup);
    this.#stage = this.#step.prepare ? "prepare" : "send";
  }

  /** The admin did what `prepare` asked in SAP. */
  prepared(): void {
    if (this.#stage === "prepare") this.#stage = "send";
  }

  send(): void {
    if (!this.#step || this.#stage !== "send") return;
    this.post(this.#step, this.#step.send);
    this.#stage = "answer";
  }

  /** The admin's answer: posts what closes the step's leg, records it, moves on. */
  answer(answer: Answer, note = ""): void {
    const step = this.#step;
    if (!step || this.#stage !== "answer") return;
    this.post(step, step.after);
    this.records.push({ step, answer: { id: step.id, answer, note } });
    this.log.info(`setup check step ${step.id}: ${answer}`);
    this.advance();
  }

  get answers(): StepAnswer[] {
    return this.records.map((r) => r.answer);
  }

  recommendedUrl(): string {
    return recommendedUrl(this.pageUrl, outcome(this.answers, this.config.format), this.channel?.webex);
  }

  report(): string {
    return checkReport({ records: this.records, outcome: outcome(this.answers, this.config.format), recommendedUrl: this.recommendedUrl(), run: this.run, at: new Date(this.now()) });
  }

  /** ExternalReferenceIDs posted so far, once each: the activities to delete afterwards. */
  get postedIds(): string[] {
    return [...this.#posted];
  }

  private advance(): void {
    const inputs = this.#inputs;
    if (!inputs) return;
    const id = nextStep(inputs, this.config.format, this.answers);
    this.#step = id ? buildStep(id, inputs, this.run, endFormInUse(this.answers), formatInUse(this.answers, this.config.format)) : undefined;
    this.#stage = this.#step && this.#step.setup.length > 0 ? "setup" : "send";
  }

  private post(step: CheckStep, payloads: readonly Record<string, string>[]): void {
    const sap = new SapWindow(this.sapTarget, this.config.sapOrigins, step.format, this.log);
    for (const p of payloads) {
      sap.post(p);
      if (p.ExternalReferenceID) this.#posted.add(p.ExternalReferenceID);
    }
  }
}
