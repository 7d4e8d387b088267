/**
 * Where the widget looks for the mashup: ancestors and openers (never assuming window.parent), and
 * the frame tree of an SAP tab it was linked in before (alongside re-link after an SAP reload).
 */
import { frameTree, mashupCandidates, topOf } from "../../widget/mashup-finder";

type FakeWin = { parent: FakeWin; opener: FakeWin | null; top: FakeWin; length: number; [i: number]: FakeWin; name: string };

function win(name: string, parent?: FakeWin, children: FakeWin[] = []): FakeWin {
  const w = { name, opener: null, length: 0 } as unknown as FakeWin;
  w.parent = parent ?? w;
  w.top = parent ? parent.top : w;
  children.forEach((c, i) => (w[i] = c));
  w.length = children.length;
  return w;
}

test("ancestors and the opener chain are candidates; the window itself is not", () => {
  const sap = win("sap");
  const mashup = win("mashup", sap);
  const desktop = win("desktop", mashup);
  const shell = win("shell", desktop);
  const names = mashupCandidates(shell as unknown as Window).map((w) => (w as unknown as FakeWin).name);
  expect(names).toEqual(["desktop", "mashup", "sap"]);

  const popup = win("popup");
  popup.opener = mashup;
  expect(mashupCandidates(popup as unknown as Window).map((w) => (w as unknown as FakeWin).name)).toEqual(["mashup"]);
});

test("frameTree walks every frame breadth first, bounded, and survives frames that throw", () => {
  const sap = win("sap");
  const a = win("a", sap);
  const b = win("b", sap);
  const mashup = win("mashup", b);
  Object.assign(sap, { 0: a, 1: b, length: 2 });
  Object.assign(b, { 0: mashup, length: 1 });
  Object.defineProperty(a, "length", { get: () => { throw new Error("gone"); } });
  expect(frameTree(sap as unknown as Window).map((w) => (w as unknown as FakeWin).name)).toEqual(["sap", "a", "b", "mashup"]);

  // A page with a huge number of frames is cut at the bound rather than walked for ever.
  const wide = win("wide");
  const kids = Array.from({ length: 500 }, (_, i) => win(`k${i}`, wide));
  Object.assign(wide, Object.fromEntries(kids.map((k, i) => [i, k])), { length: kids.length });
  expect(frameTree(wide as unknown as Window).length).toBeLessThanOrEqual(64);
});

test("topOf reads a window's top and tolerates one that throws", () => {
  const sap = win("sap");
  const mashup = win("mashup", sap);
  expect(topOf(mashup as unknown as Window)).toBe(sap);
  const broken = {} as Window;
  Object.defineProperty(broken, "top", { get: () => { throw new Error("denied"); } });
  expect(topOf(broken)).toBeUndefined();
});
