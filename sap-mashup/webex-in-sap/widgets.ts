/**
 * Cisco's contact-center widgets in the pane, one under the other as SAP's narrow pane needs them:
 * station login (team and device) until the agent is logged in, then user state (the tenant's idle
 * codes), incoming task (accept/decline), task list (switching), call control with call-associated
 * data (hold, consult, transfer, conference, end, wrap-up with the tenant's codes) and outdial.
 * The custom elements come from `@webex/cc-widgets/wc` (React inside, rendered into the element
 * itself, styled by Momentum's global stylesheet) and draw with Momentum Design's own web
 * components (`mdc-select`, `mdc-button`, …), which take their theme and icons from the
 * `mdc-themeprovider` and `mdc-iconprovider` above them: so the widgets live in the page's light
 * DOM inside those two providers.
 *
 * A widget renders as soon as it is in the document, hidden or not, and reads the store then: the
 * call control with no current task, or the incoming task with none offered, log errors. So each
 * enters the document only once it has something to show (`update`), as Cisco's sample adds them.
 */
import { keepRowButtonsReachable } from "./list-keyboard-fix";
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

type WidgetName = keyof typeof WIDGET_TAGS;

/**
 * The registered symbols of `@r2wc/core`, which turns the widgets' React components into custom
 * elements: the element's React props, and its render. The incoming-task widget declares its task
 * a "json" prop, so setting `incomingTask` sends the task through an attribute as JSON and the
 * widget gets a copy without the task's methods ("accept is not a function" on Accept). The task
 * is put among the props as it is instead.
 */
const R2WC_PROPS = Symbol.for("r2wc.props");
const R2WC_RENDER = Symbol.for("r2wc.render");

/** Gives a widget a React prop as the very object (no JSON round trip), and renders it if it is in the document. */
export function setWidgetProp(el: HTMLElement, name: string, value: unknown): void {
  const r2wc = el as unknown as { [R2WC_PROPS]?: Record<string, unknown>; [R2WC_RENDER]?: () => void };
  const props = r2wc[R2WC_PROPS];
  if (!props || typeof r2wc[R2WC_RENDER] !== "function") return void ((el as unknown as Record<string, unknown>)[name] = value);
  props[name] = value;
  r2wc[R2WC_RENDER]();
}
type WidgetElement = HTMLElement & Record<string, unknown>;

/** Momentum's theme class for SAP's light or dark themes. */
export function themeClass(dark: boolean): string {
  return `mds-theme-stable-${dark ? "dark" : "light"}Webex`;
}

/** Momentum's (react-collaboration) theme wrapper classes, beside Momentum Design's provider element. */
export function themeClasses(dark: boolean): string {
  return `wx-widgets md-theme-provider-wrapper md-theme-provider-globals mds-typography mds-elevation ${themeClass(dark)}`;
}

/** What the pane shows of Cisco's widgets, from the store's state. */
export interface WidgetsState {
  loggedIn: boolean;
  /** A task is offered and not yet accepted or declined. */
  offered: boolean;
  /** The store has a current (selected) task: the call control has something to control. */
  current: boolean;
  /** Tasks open besides the one offered (which the incoming-task widget shows already): the task list shows them. */
  tasks: boolean;
  /**
   * Webex closed this session because the agent signed in elsewhere too (`agent:multiLogin`;
   * docs/reference/webex-cc-sdk.md §3.6): the store's `showMultipleLoginAlert`. Cisco's
   * multi-login alert ("Continue" registers again) lives in the station-login widget.
   */
  multiLogin: boolean;
  /** A call is offered or open (also in its wrap-up): the outdial keypad has nothing to do then. */
  voice: boolean;
}

/** Which widgets are in the document for a state, in the pane's order. Pure. */
export function shownWidgets(s: WidgetsState): WidgetName[] {
  // The session is closed: only Cisco's choice, nothing that would act on the closed session.
  if (!s.loggedIn || s.multiLogin) return ["stationLogin"];
  const shown: WidgetName[] = ["userState"];
  if (s.offered) shown.push("incomingTask");
  if (s.tasks) shown.push("taskList");
  if (s.current) shown.push("callControl");
  // During a call its keypad would take half of a narrow pane for nothing: the call's sound is on
  // the agent's phone (no tones from here), and a second call cannot be dialled while one is open
  // (inferred from Webex's one voice conversation per agent; docs/webex-in-sap.md).
  if (!s.voice) shown.push("outdial");
  return shown;
}

export interface Widgets {
  readonly container: HTMLElement;
  /** Shows exactly the widgets `state` calls for, in the pane's order; the others are hidden or not yet in the document. */
  update(state: WidgetsState): void;
  /** The task the incoming-task widget shows (the store says when one is offered), or none. */
  readonly offer: Offer | undefined;
  /** Hides everything (signed out of Webex); the elements and what they hold stay. */
  hide(): void;
}

/** The interaction id of a task of the SDK (`task.data.interactionId`), the store's `taskList` key. */
export function taskId(task: unknown): string | undefined {
  const id = (task as { data?: { interactionId?: unknown } } | null | undefined)?.data?.interactionId;
  return typeof id === "string" ? id : undefined;
}

/** Whether a task of the SDK is a call (`task.data.interaction.mediaType`, docs/reference/webex-cc-sdk.md). */
export function isCall(task: unknown): boolean {
  return (task as { data?: { interaction?: { mediaType?: unknown } } } | null | undefined)?.data?.interaction?.mediaType === "telephony";
}

/** The task last offered, and whether the store's task list has had it yet. */
export interface Offer {
  task: unknown;
  listed: boolean;
}

/**
 * The widgets' state from the store and the task last offered. An offer counts until the store's
 * task list has had it and lost it again (ended unanswered), or the widget says it was accepted or
 * declined (`offer` is then undefined). Marks `offer.listed` once the list has it; nothing else.
 */
export function widgetsState(store: Pick<CcStore, "isAgentLoggedIn" | "taskList" | "currentTask" | "showMultipleLoginAlert">, offer: Offer | undefined): WidgetsState {
  const open = store.taskList ?? {};
  const id = taskId(offer?.task);
  let offered = false;
  if (offer && id !== undefined) {
    if (id in open) offered = offer.listed = true;
    else offered = !offer.listed;
  }
  const others = Object.keys(open).filter((k) => !(offered && k === id));
  const voice = (offered && isCall(offer?.task)) || Object.values(open).some(isCall);
  return { loggedIn: store.isAgentLoggedIn, offered, current: taskId(store.currentTask) !== undefined, tasks: others.length > 0, multiLogin: store.showMultipleLoginAlert === true, voice };
}

/** Creates the widgets' container, appended to `parent`, hidden until the first `update`. */
/** Where the build puts Momentum's icons, relative to this bundle (mashup.build.ts `writeWebexInSapIcons`). */
export const ICONS_DIR = "webex-assets/icons";

/** `iconsBase`: the URL the icons folder is relative to (the bundle's own, `import.meta.url`). */
export function mountWidgets(doc: Document, parent: HTMLElement, store: CcStore, dark: boolean, iconsBase: string, on: { login(): void; logout(): void; changed(): void }): Widgets {
  // Both providers come with the widgets' bundle (@momentum-design/components, defined on import).
  const container = doc.createElement("mdc-themeprovider");
  container.setAttribute("themeclass", themeClass(dark));
  container.className = themeClasses(dark);
  container.hidden = true;
  const icons = doc.createElement("mdc-iconprovider");
  // Momentum's icons as files beside this bundle (mashup.build.ts WEBEX_ICONS_DIR), fetched one by one when shown.
  icons.setAttribute("icon-set", "custom-icons");
  icons.setAttribute("url", new URL(`./${ICONS_DIR}`, iconsBase).href);
  icons.className = "wx-icons";
  container.appendChild(icons);
  const elements = {} as Record<WidgetName, WidgetElement>;
  for (const name of Object.keys(WIDGET_TAGS) as WidgetName[]) {
    const el = doc.createElement(WIDGET_TAGS[name]) as WidgetElement;
    el.className = "wx-widget";
    el.dataset.widget = name;
    elements[name] = el;
  }
  let offer: Offer | undefined;
  elements.stationLogin.onLogin = () => on.login();
  elements.stationLogin.onLogout = () => on.logout();
  // The incoming-task widget shows the task it is given; the store says when one is offered.
  store.setIncomingTaskCb(({ task }) => {
    offer = { task, listed: false };
    setWidgetProp(elements.incomingTask, "incomingTask", task);
    on.changed();
  });
  const settled = () => {
    offer = undefined;
    on.changed();
  };
  elements.incomingTask.onAccepted = settled;
  elements.incomingTask.onRejected = settled;
  // The consult and transfer popovers' rows, reachable by keyboard (list-keyboard-fix.ts); the
  // popovers may render outside the container, so the whole page is watched.
  keepRowButtonsReachable(doc.body);
  // The call control calls this after Webex paused or resumed the recording, without checking it
  // was given one ("w is not a function", logged as an error); the widget shows the change itself.
  elements.callControl.onRecordingToggle = () => undefined;
  // Answered elsewhere (on the agent's phone, or from the task list): the offer is settled too.
  store.setTaskAssigned((task) => {
    if (offer && taskId(task) === taskId(offer.task)) settled();
  });
  // Cisco's call control reads the store's current task as it renders and throws on none (a
  // TypeError in React, logged as errors): when the store drops the task (wrapped up, or gone), the
  // widget leaves the document in that same update, before React renders it again; `update` puts
  // it back for the next task.
  store.setTaskSelected((task) => {
    if (taskId(task) === undefined) elements.callControl.remove();
    on.changed();
  });
  parent.appendChild(container);
  return {
    container,
    get offer() {
      return offer;
    },
    update(state) {
      container.hidden = false;
      const shown = new Set(shownWidgets(state));
      // A widget enters the document the first time it has something to show and then stays,
      // hidden when it has not: taking one out again makes Momentum's select options fail in
      // their disconnect ("Cannot read properties of undefined (reading 'length')").
      let at: ChildNode | null = icons.firstChild;
      for (const name of Object.keys(WIDGET_TAGS) as WidgetName[]) {
        const el = elements[name];
        if (shown.has(name) && el.parentNode !== icons) icons.insertBefore(el, at);
        if (el.parentNode === icons) {
          el.hidden = !shown.has(name);
          at = el.nextSibling;
        }
      }
    },
    hide() {
      container.hidden = true;
    },
  };
}
