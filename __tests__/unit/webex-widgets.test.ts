/** Which of Cisco's widgets the pane shows (issue 13): station login until logged in, then state, offers, tasks, call control, outdial. */
import { shownWidgets, taskId, widgetsState, type Offer } from "../../sap-mashup/webex-in-sap/widgets";

const task = (id: string) => ({ data: { interactionId: id } });

test("logged out: only the station login", () => {
  expect(shownWidgets({ loggedIn: false, offered: true, current: true, tasks: true, multiLogin: false })).toEqual(["stationLogin"]);
});

test("logged in: state and outdial always; the incoming task, task list and call control only with something to show, in the pane's order", () => {
  expect(shownWidgets({ loggedIn: true, offered: false, current: false, tasks: false, multiLogin: false })).toEqual(["userState", "outdial"]);
  expect(shownWidgets({ loggedIn: true, offered: true, current: false, tasks: true, multiLogin: false })).toEqual(["userState", "incomingTask", "taskList", "outdial"]);
  expect(shownWidgets({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: false })).toEqual(["userState", "taskList", "callControl", "outdial"]);
});

test("a task's id is its interaction id", () => {
  expect([taskId(task("i-1")), taskId(null), taskId({ data: {} }), taskId("x")]).toEqual(["i-1", undefined, undefined, undefined]);
});

test("an offer counts from the store's callback until the task list had it and lost it (ended unanswered)", () => {
  const offer: Offer = { task: task("i-1"), listed: false };
  const store = (list: Record<string, unknown>, current: unknown = null) => ({ isAgentLoggedIn: true, taskList: list, currentTask: current });
  expect(widgetsState(store({}), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: false, multiLogin: false });
  // The task list shows the tasks besides the one offered (the incoming-task widget shows that one).
  expect(widgetsState(store({ "i-1": task("i-1") }), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: false, multiLogin: false });
  expect(widgetsState(store({ "i-1": task("i-1"), "i-0": task("i-0") }), offer)).toEqual({ loggedIn: true, offered: true, current: false, tasks: true, multiLogin: false });
  expect(offer.listed).toBe(true);
  expect(widgetsState(store({}), offer)).toEqual({ loggedIn: true, offered: false, current: false, tasks: false, multiLogin: false });
  expect(widgetsState(store({ "i-2": task("i-2") }, task("i-2")), undefined)).toEqual({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: false });
});

test("Webex closed the session for a newer one (agent:multiLogin): only the station login, where Cisco's multi-login alert is", () => {
  expect(shownWidgets({ loggedIn: true, offered: true, current: true, tasks: true, multiLogin: true })).toEqual(["stationLogin"]);
  const store = { isAgentLoggedIn: true, taskList: { "i-1": task("i-1") }, currentTask: task("i-1"), showMultipleLoginAlert: true };
  expect(widgetsState(store, undefined)).toEqual({ loggedIn: true, offered: false, current: true, tasks: true, multiLogin: true });
  expect(shownWidgets(widgetsState({ ...store, showMultipleLoginAlert: false }, undefined))).toEqual(["userState", "taskList", "callControl", "outdial"]);
});
