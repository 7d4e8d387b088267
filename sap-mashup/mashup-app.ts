/**
 * The mashup without its page: links to the widget, keeps SAP in step, takes SAP's click-to-dial.
 * It needs only a window to listen on and post through, so tests and benchmarks run it as is.
 */
import { Log } from "../channel/log";
import type { AgentState, Leg } from "../channel/protocol";
import type { KeyValueStore } from "../channel/safe-storage";
import { ActivityLedger } from "./activity-ledger";
import { isClickToDial, parseClickToDial } from "./click-to-dial";
import type { MashupConfig } from "./config";
import { DesktopLink } from "./desktop-link";
import type { Notice } from "./sap-payload";
import { SapSync } from "./sap-sync";
import { SapWindow } from "./sap-window";

export interface MashupView {
  linkChanged(linked: boolean): void;
  notice(n: Notice): void;
  render(state: { legs: Leg[]; agent: AgentState | undefined; selected: string | undefined }): void;
}

export type MashupWindow = Pick<Window, "addEventListener" | "removeEventListener" | "parent" | "postMessage">;

export class MashupApp {
  readonly log = new Log("wxcc-sap mashup");
  readonly link: DesktopLink;
  readonly sync: SapSync;
  readonly sap: SapWindow;
  private readonly onMessage = (e: MessageEvent) => this.onSapMessage(e);

  constructor(
    private readonly win: MashupWindow,
    readonly config: MashupConfig,
    private readonly view: MashupView,
    store: KeyValueStore | undefined,
    private readonly now: () => number = Date.now,
  ) {
    const parent = win.parent as Window | null;
    this.sap = new SapWindow(parent && parent !== (win as unknown) ? parent : null, config.sapOrigins, config.format, this.log);
    this.sync = new SapSync(
      new ActivityLedger(store),
      config,
      {
        post: (p) => this.sap.post(p),
        notice: (n) => this.notice(n),
        changed: () => this.render(),
      },
      now,
    );
    this.link = new DesktopLink(
      win as Window,
      config.desktopOrigins,
      {
        snapshot: (s) => this.sync.snapshot(s),
        event: (body) => {
          switch (body.kind) {
            case "leg":
              return this.sync.leg(body.leg);
            case "agent":
              return this.sync.agentChanged(body.agent);
            case "select":
              this.sync.selected = body.interactionId;
              return this.render();
            case "outdial-failed":
              return this.notice({ level: "error", text: `The call could not be placed: ${body.reason}` });
          }
        },
        linkChanged: (linked) => view.linkChanged(linked),
      },
      this.log,
      now,
    );
  }

  start(): void {
    this.link.start();
    this.win.addEventListener("message", this.onMessage);
  }

  stop(): void {
    this.link.stop();
    this.win.removeEventListener("message", this.onMessage);
  }

  attachDesktop(desktop: Window): void {
    this.link.attach(desktop);
  }

  notice(n: Notice): void {
    this.view.notice(n);
    this.log.write(n.level, n.text);
  }

  private render(): void {
    this.view.render({ legs: [...this.sync.legs.values()], agent: this.sync.agent, selected: this.sync.selected });
  }

  /** SAP → mashup: click-to-dial (contract §6). Only from a configured SAP origin. */
  private onSapMessage(e: MessageEvent): void {
    let data: unknown;
    try {
      data = e.data;
    } catch {
      return;
    }
    if (!isClickToDial(data)) return;
    if (!this.config.sapOrigins.includes(e.origin)) return this.log.drop("origin", `click-to-dial from ${e.origin}`);
    const req = parseClickToDial(data, this.config.defaultCountry);
    if (!req.ok) return this.notice({ level: "error", text: req.error });
    this.sync.dials.add(req.destination, req.activityUUID, this.now());
    this.log.info(`click-to-dial ${req.destination}`);
    void this.link.command({ kind: "dial", destination: req.destination }).then((error) => {
      if (!error) return;
      this.sync.dials.cancel(req.destination);
      this.notice({ level: "error", text: `The call could not be placed: ${error}` });
    });
  }
}
