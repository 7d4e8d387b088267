/**
 * The in-page channel (channel/in-page.ts): two endpoints that behave towards the links as two
 * windows would — exact origin, a copy of the data, the sender as `source`, later delivery — while
 * the page's own events stay the page's.
 */
import { inPagePair } from "../../channel/in-page";

const ORIGIN = "https://connector.example.com";

function page() {
  const added: string[] = [];
  return {
    added,
    addEventListener: (type: string) => void added.push(`+${type}`),
    removeEventListener: (type: string) => void added.push(`-${type}`),
  };
}

function queue() {
  const tasks: (() => void)[] = [];
  return { tasks, schedule: (fn: () => void) => void tasks.push(fn), run: () => tasks.splice(0).forEach((t) => t()) };
}

test("a post to one side reaches that side's listeners later, as a copy, from the other side, with the page's origin", () => {
  const q = queue();
  const pair = inPagePair(page(), ORIGIN, q.schedule);
  const got: MessageEvent[] = [];
  pair.mashup.addEventListener("message", (e) => got.push(e as MessageEvent));
  const data = { hello: { n: 1 } };
  pair.mashup.postMessage(data, ORIGIN);
  data.hello.n = 2;
  expect(got).toEqual([]);
  q.run();
  expect(got.map((e) => [e.data, e.origin, e.source === pair.widget])).toEqual([[{ hello: { n: 1 } }, ORIGIN, true]]);
});

test("only the exact origin is delivered; '*' is refused outright", () => {
  const q = queue();
  const pair = inPagePair(page(), ORIGIN, q.schedule);
  const got: unknown[] = [];
  pair.widget.addEventListener("message", (e) => got.push((e as MessageEvent).data));
  pair.widget.postMessage("x", "https://other.example.com");
  expect(() => pair.widget.postMessage("y", "*")).toThrow("not allowed");
  q.run();
  expect(got).toEqual([]);
});

test("the widget finds the mashup as its parent; the mashup's side is a top-level window of its own", () => {
  const pair = inPagePair(page(), ORIGIN);
  expect(pair.widget.parent).toBe(pair.mashup);
  expect(pair.mashup.parent).toBe(pair.mashup);
  expect(pair.mashup.top).toBe(pair.mashup);
  expect(pair.widget.opener).toBeNull();
  expect(pair.desktop).toBe(pair.widget);
});

test("other events (pagehide, pageshow) are the page's own", () => {
  const p = page();
  const pair = inPagePair(p, ORIGIN);
  const fn = () => undefined;
  pair.mashup.addEventListener("pagehide", fn);
  pair.mashup.removeEventListener("pagehide", fn);
  pair.mashup.addEventListener("message", fn);
  expect(p.added).toEqual(["+pagehide", "-pagehide"]);
});

test("after close nothing more is delivered, even what was already on its way", () => {
  const q = queue();
  const pair = inPagePair(page(), ORIGIN, q.schedule);
  const got: unknown[] = [];
  pair.mashup.addEventListener("message", (e) => got.push((e as MessageEvent).data));
  pair.mashup.postMessage(1, ORIGIN);
  pair.close();
  pair.mashup.postMessage(2, ORIGIN);
  q.run();
  expect(got).toEqual([]);
  expect(pair.mashup.closed).toBe(true);
});

test("a page origin that is not one is a clear error", () => {
  expect(() => inPagePair(page(), "connector.example.com")).toThrow('in-page channel: "connector.example.com" is not an origin');
});
