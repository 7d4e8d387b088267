/** The benchmark's machine-stall bookkeeping: which latency samples a stall of the VM overlapped. */
import { mergeStalls, overlapsStall } from "../../bench/stall-probe";

describe("stall probe", () => {
  test("stalls seen by several probe threads merge into one", () => {
    expect(mergeStalls([{ from: 10, to: 20 }, { from: 5, to: 12 }, { from: 30, to: 31 }, { from: 20, to: 25 }])).toEqual([
      { from: 5, to: 25 },
      { from: 30, to: 31 },
    ]);
  });

  test("a sample overlaps a stall when their intervals share any instant", () => {
    const stalls = mergeStalls([{ from: 100, to: 110 }, { from: 200, to: 250 }]);
    expect(overlapsStall(stalls, 90, 99)).toBe(false);
    expect(overlapsStall(stalls, 90, 100)).toBe(true);
    expect(overlapsStall(stalls, 105, 106)).toBe(true);
    expect(overlapsStall(stalls, 110, 120)).toBe(true);
    expect(overlapsStall(stalls, 111, 199)).toBe(false);
    expect(overlapsStall(stalls, 150, 300)).toBe(true);
    expect(overlapsStall(stalls, 251, 260)).toBe(false);
    expect(overlapsStall([], 0, 1e12)).toBe(false);
  });
});
