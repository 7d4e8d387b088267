/**
 * The log keeps every line in its ring at once, but prints to the console only after the current
 * task (the task that posts a screen pop to SAP must not wait for the console; `npm run bench`
 * measured about half a millisecond at the median). Errors flush what waits and print at once.
 */
import { Log } from "../../channel/log";

let printed: string[];
beforeEach(() => {
  jest.useFakeTimers();
  printed = [];
  for (const level of ["info", "warn", "error"] as const) jest.spyOn(console, level).mockImplementation((...a: unknown[]) => void printed.push(`${level} ${String(a[0])}`));
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

test("info and warn lines reach the ring at once and the console after the task, in order", () => {
  const log = new Log("test");
  log.info("to SAP: NOTIFY leg A customer +14155550123");
  log.warn("second");
  expect(log.recent().map((l) => l.text)).toEqual(["to SAP: NOTIFY leg A customer +*********23", "second"]);
  expect(printed).toEqual([]);
  jest.runOnlyPendingTimers();
  expect(printed).toEqual(["info [test] to SAP: NOTIFY leg A customer +*********23", "warn [test] second"]);
});

test("an error prints at once, after the lines that were waiting", () => {
  const log = new Log("test");
  log.info("first");
  log.error("broken");
  expect(printed).toEqual(["info [test] first", "error [test] broken"]);
  jest.runOnlyPendingTimers();
  expect(printed).toHaveLength(2);
});

test("debug lines and a log without console print nothing", () => {
  new Log("test").debug("quiet");
  const silent = new Log("test", false);
  silent.info("quiet too");
  jest.runOnlyPendingTimers();
  expect(printed).toEqual([]);
  expect(silent.recent()).toHaveLength(1);
});
