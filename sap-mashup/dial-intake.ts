/**
 * SAP's click-to-dial, taken in (contract §6): the object SAP posts, read and checked, its number
 * made E.164 (waiting for the phone parser chunk when the number needs it, in SAP's order), then
 * dialled through the widget; every refusal told to the agent in plain words. The origin check and
 * the choice of tab (tab-ownership.ts) happen before, in mashup-app.ts.
 */
import type { Log } from "../channel/log";
import { OUTDIAL_DIAL_PLAN, OUTDIAL_NOT_ENABLED, OUTDIAL_NO_ENTRY_POINT, type Command } from "../channel/protocol";
import { dialRequest, invalidClickToDial, readClickToDial, type ClickToDial, type DialBook } from "./click-to-dial";
import type { MashupConfig } from "./config";
import { NOT_LINKED } from "./desktop-link";
import { notice, shown, type Notice, type NoticeKind } from "./notices";
import { needsParser, type PhoneParserLoader } from "./phone";

/** The widget's and the link's own refusals of a dial, each with what the agent can do about it. */
const DIAL_REFUSALS: Record<string, NoticeKind> = {
  [NOT_LINKED]: "n.dialNotLinked",
  [OUTDIAL_NOT_ENABLED]: "n.dialNotAllowed",
  [OUTDIAL_NO_ENTRY_POINT]: "n.dialNotAllowed",
  [OUTDIAL_DIAL_PLAN]: "n.dialPlan",
};

export interface DialIntakeHost {
  notice(n: Notice): void;
  clearNotices(cause: string): void;
  /** Sends a command to the widget; resolves with an error text, or undefined when it was done. */
  command(c: Command): Promise<string | undefined>;
  /** The mashup stopped: a dial still waiting for the parser is dropped. */
  stopped(): boolean;
}

export class DialIntake {
  /** Click-to-dials waiting for the parser chunk; later ones queue behind them, so SAP's order is kept. */
  #waiting = 0;
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: MashupConfig,
    private readonly phone: PhoneParserLoader,
    /** Ties SAP's pre-created activity to the outbound call Webex then reports (click-to-dial.ts). */
    private readonly book: DialBook,
    private readonly host: DialIntakeHost,
    private readonly log: Log,
    private readonly now: () => number,
  ) {}

  /** SAP's click-to-dial object, from an allowed SAP origin (of this tab or another). */
  take(data: unknown): void {
    const c = readClickToDial(data);
    if (!c) return this.host.notice(invalidClickToDial());
    if (this.#waiting === 0 && (this.phone.loaded || !needsParser(c.PhoneNumber))) return this.dial(c);
    this.#waiting++;
    this.#tail = this.#tail
      .then(async () => {
        // One attempt only: a call placed long after the click would surprise the agent.
        const ok = this.phone.loaded || !needsParser(c.PhoneNumber) || (await this.phone.load());
        this.#waiting--;
        if (this.host.stopped()) return;
        if (ok) this.dial(c);
        else this.host.notice(notice("n.parserWait", [shown(c.PhoneNumber)], { cause: "dial" }));
      })
      .catch((e: unknown) => this.log.error(`click-to-dial failed: ${(e as Error)?.message ?? "error"}`));
  }

  private dial(c: ClickToDial): void {
    const req = dialRequest(c, this.config.defaultCountry);
    if (!req.ok) return this.host.notice(req.notice);
    this.book.add(req.destination, req.activityUUID, this.now());
    this.log.info(`click-to-dial ${req.destination}`);
    const number = shown(req.destination);
    void this.host.command({ kind: "dial", destination: req.destination }).then((error) => {
      if (!error) {
        // The agent's latest click worked: earlier refusals are out of date.
        this.host.clearNotices("dial");
        if (req.ext) this.host.notice(notice("n.extension", [number, req.ext], { cause: "dial" }));
        return;
      }
      this.book.cancel(req.destination);
      this.host.notice(notice(DIAL_REFUSALS[error] ?? "n.dialNotPlaced", [number], { cause: "dial", detail: error }));
    });
  }
}
