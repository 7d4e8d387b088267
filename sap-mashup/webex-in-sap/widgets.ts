/**
 * Cisco's contact-center widgets in the pane, one under the other as SAP's narrow pane needs them:
 * station login (team and device) until the agent is logged in, then user state (the tenant's idle
 * codes), incoming task (accept/decline), task list (switching), call control with call-associated
 * data (hold, consult, transfer, conference, end, wrap-up with the tenant's codes) and outdial.
 * The custom elements come from `@webex/cc-widgets/wc` (React inside, rendered into the element
 * itself, styled by Momentum's global stylesheet), so they live in the page's light DOM, inside a
 * container carrying Momentum's theme classes.
 */
import type { CcStore } from "./webex-sdk";

/** The tags `@webex/cc-widgets/wc` defines (dist/wc.js), in the order the pane shows them. */
export const WIDGET_TAGS = {
  stationLogin: "widget-cc-station-login",
  userState: "widget-cc-user-state",
  incomingTask: "widget-cc-incoming-task",
  taskList: "widget-cc-task-list",
  callControl: "widget-cc-call-control-cad",
  outdial: "widget-cc-outdial-call",
} as const;

type WidgetElement = HTMLElement & Record<string, unknown>;

/** Momentum's theme wrapper classes (what its ThemeProvider puts on its wrapper). */
export function themeClasses(dark: boolean): string {
  return `wx-widgets md-theme-provider-wrapper md-theme-provider-globals mds-typography mds-elevation mds-theme-stable-${dark ? "dark" : "light"}Webex`;
}

export interface Widgets {
  readonly container: HTMLElement;
  /** Shows the station login, or the working widgets once the agent is logged in to a station. */
  showStation(loggedIn: boolean): void;
  /** Hides everything (signed out of Webex); the elements and what they hold stay. */
  hide(): void;
}

/** Creates the widgets in a container appended to `parent`, hidden until `showStation`. */
export function mountWidgets(doc: Document, parent: HTMLElement, store: CcStore, dark: boolean, on: { login(): void; logout(): void }): Widgets {
  const container = doc.createElement("div");
  container.className = themeClasses(dark);
  container.hidden = true;
  const make = (tag: string, label: string) => {
    const el = doc.createElement(tag) as WidgetElement;
    el.className = "wx-widget";
    el.dataset.widget = label;
    container.appendChild(el);
    return el;
  };
  const stationLogin = make(WIDGET_TAGS.stationLogin, "station-login");
  const working = [
    make(WIDGET_TAGS.userState, "user-state"),
    make(WIDGET_TAGS.incomingTask, "incoming-task"),
    make(WIDGET_TAGS.taskList, "task-list"),
    make(WIDGET_TAGS.callControl, "call-control"),
    make(WIDGET_TAGS.outdial, "outdial"),
  ];
  const incoming = working[1]!;
  stationLogin.onLogin = () => on.login();
  stationLogin.onLogout = () => on.logout();
  // The incoming-task widget shows the task it is given; the store says when one is offered.
  store.setIncomingTaskCb(({ task }) => (incoming.incomingTask = task));
  const clear = () => (incoming.incomingTask = undefined);
  incoming.onAccepted = clear;
  incoming.onRejected = clear;
  parent.appendChild(container);
  return {
    container,
    showStation(loggedIn) {
      container.hidden = false;
      // Logged in, the station widget is put away: its own logout sends only Webex's fixed
      // reason, while the pane's bar logs out with the reason the agent picks.
      stationLogin.hidden = loggedIn;
      for (const w of working) w.hidden = !loggedIn;
    },
    hide() {
      container.hidden = true;
    },
  };
}
