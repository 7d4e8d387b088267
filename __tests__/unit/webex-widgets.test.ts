/** Which of Cisco's widgets the pane shows (issue 13): station login until logged in, then state, offers, tasks, call control, outdial. */
import { isCall, shownWidgets, taskId, widgetsState, type Offer } from "../../sap-mashup/webex-in-sap/widgets";

const task = (id: string) => ({ data: { interactionId: id } });

test("logged out: only the station login", () => {
  expect(shownWidgets({ loggedIn: false, offered: true, current: true, tasks: true, multiLogin: false, voice: false })).toEqual(["stationLogin"]);
});

test("logged in: state always, outdial without a call; the incoming task, task list and call control only with something to show, in the pane's order", () => {
  expect(shownWidgets({ loggedIn: true, offered: false, current: false, tasks: false, multiLogin: false, voice: false })).toEqual(["userState", "outdial"]);
  expect(shownWidgets({ loggedIn: true, offered: true, current: false, tasks: true, multiLogin: false, voice: false })).toEqual(["userState", "incomingTask", "taskList", "outdial"]);
  expect(shownWidgets({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: false, voice: false })).toEqual(["userState", "taskList", "callControl", "outdial"]);
});

test("a task's id is its interaction id", () => {
  expect([taskId(task("i-1")), taskId(null), taskId({ data: {} }), taskId("x")]).toEqual(["i-1", undefined, undefined, undefined]);
});

test("an offer counts from the store's callback until the task list had it and lost it (ended unanswered)", () => {
  const offer: Offer = { task: task("i-1"), listed: false };
  const store = (list: Record<string, unknown>, current: unknown = null) => ({ isAgentLoggedIn: true, taskList: list, currentTask: current });
  expect(widgetsState(store({}), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: false, multiLogin: false, voice: false });
  // The task list shows the tasks besides the one offered (the incoming-task widget shows that one).
  expect(widgetsState(store({ "i-1": task("i-1") }), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: false, multiLogin: false, voice: false });
  expect(widgetsState(store({ "i-1": task("i-1"), "i-0": task("i-0") }), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: true, multiLogin: false, voice: false });
  expect(offer.listed).toBe(true);
  expect(widgetsState(store({}), offer)).toEqual({ loggedIn: true, offered: false, current: false, tasks: false, multiLogin: false, voice: false });
  expect(widgetsState(store({ "i-2": task("i-2") }, task("i-2")), undefined)).toEqual({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: false, voice: false });
});

test("Webex closed the session for a newer one (agent:multiLogin): only the station login, where Cisco's multi-login alert is", () => {
  expect(shownWidgets({ loggedIn: true, offered: true, current: true, tasks: true, multiLogin: true, voice: false })).toEqual(["stationLogin"]);
  const store = { isAgentLoggedIn: true, taskList: { "i-1": task("i-1") }, currentTask: task("i-1"), showMultipleLoginAlert: true };
  expect(widgetsState(store, undefined)).toEqual({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: true, voice: false });
  expect(shownWidgets(widgetsState({ ...store, showMultipleLoginAlert: false }, undefined))).toEqual(["userState", "taskList", "callControl", "outdial"]);
});

test("no outdial keypad while a call is offered or open (wrap-up too): a chat or an e-mail keeps it", () => {
  const call = (id: string) => ({ data: { interactionId: id, interaction: { mediaType: "telephony" } } });
  const chat = (id: string) => ({ data: { interactionId: id, interaction: { mediaType: "chat" } } });
  expect([isCall(call("c")), isCall(chat("h")), isCall(task("t")), isCall(null), isCall({ data: { interaction: { mediaType: "TELEPHONY " } } })]).toEqual([true, false, false, false, false]);
  const store = (list: Record<string, unknown>, current: unknown = null) => ({ isAgentLoggedIn: true, taskList: list, currentTask: current });
  // A call ringing (offered, not yet in the list), then answered, then in wrap-up (still in the list): no keypad.
  expect(shownWidgets(widgetsState(store({}), { task: call("c1"), listed: false }))).toEqual(["userState", "incomingTask"]);
  expect(shownWidgets(widgetsState(store({ c1: call("c1") }, call("c1")), undefined))).toEqual(["userState", "taskList", "callControl"]);
  // A chat offered and open beside nothing else: the keypad stays, for a call the agent may start.
  expect(shownWidgets(widgetsState(store({}), { task: chat("h1"), listed: false }))).toEqual(["userState", "incomingTask", "outdial"]);
  expect(shownWidgets(widgetsState(store({ h1: chat("h1") }, chat("h1")), undefined))).toEqual(["userState", "taskList", "callControl", "outdial"]);
  // A chat selected while a call is open: still a call open.
  expect(shownWidgets(widgetsState(store({ h1: chat("h1"), c1: call("c1") }, chat("h1")), undefined))).toEqual(["userState", "taskList", "callControl"]);
  // The call ended and wrapped up: the keypad is back.
  expect(shownWidgets(widgetsState(store({}), undefined))).toEqual(["userState", "outdial"]);
});
