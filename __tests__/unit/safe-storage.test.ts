/** sessionStorage as an optimisation only: blocked or full storage never reaches the caller. */
import { safeSessionStorage } from "../../channel/safe-storage";

/** A Storage-like object over a Map, with switches for the failures browsers produce. */
function storage(o: { failSet?: () => boolean; failGet?: boolean; failRemove?: boolean } = {}) {
  const data = new Map<string, string>();
  const s = {
    data,
    getItem: (k: string) => {
      if (o.failGet) throw new DOMException("blocked", "SecurityError");
      return data.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (o.failSet?.()) throw new DOMException("full", "QuotaExceededError");
      data.set(k, v);
    },
    removeItem: (k: string) => {
      if (o.failRemove) throw new DOMException("blocked", "SecurityError");
      data.delete(k);
    },
  };
  return s as typeof s & Storage;
}

test("working storage: values reach it and survive a new wrapper (a reload)", () => {
  const st = storage();
  const a = safeSessionStorage({ sessionStorage: st });
  expect(a.persistent).toBe(true);
  a.set("k", "v");
  expect(st.data.get("k")).toBe("v");
  // The probe key is not left behind.
  expect([...st.data.keys()]).toEqual(["k"]);
  expect(safeSessionStorage({ sessionStorage: st }).get("k")).toBe("v");
  a.remove("k");
  expect(a.get("k")).toBeNull();
});

test("the sessionStorage getter itself throws (Safari, blocked third-party storage): memory only", () => {
  const win = Object.defineProperty({}, "sessionStorage", {
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  }) as { sessionStorage?: Storage };
  const s = safeSessionStorage(win);
  expect(s.persistent).toBe(false);
  s.set("k", "v");
  expect(s.get("k")).toBe("v");
  s.remove("k");
  expect(s.get("k")).toBeNull();
});

test("no window or no storage: memory only", () => {
  for (const win of [undefined, {}]) {
    const s = safeSessionStorage(win);
    expect(s.persistent).toBe(false);
    s.set("a", "1");
    expect(s.get("a")).toBe("1");
  }
});

test("setItem throws from the start (quota 0, private mode): not persistent, memory keeps values", () => {
  const st = storage({ failSet: () => true });
  const s = safeSessionStorage({ sessionStorage: st });
  expect(s.persistent).toBe(false);
  expect(() => s.set("k", "v")).not.toThrow();
  expect(s.get("k")).toBe("v");
});

test("setItem starts throwing later (quota exceeded): the write is kept in memory, no exception", () => {
  let full = false;
  const st = storage({ failSet: () => full });
  const s = safeSessionStorage({ sessionStorage: st });
  expect(s.persistent).toBe(true);
  s.set("k", "old");
  full = true;
  expect(() => s.set("k", "new")).not.toThrow();
  // Storage still holds the old value; the newer one in memory must win.
  expect(st.data.get("k")).toBe("old");
  expect(s.get("k")).toBe("new");
});

test("getItem and removeItem throwing fall back to memory", () => {
  const st = storage();
  const s = safeSessionStorage({ sessionStorage: st });
  s.set("k", "v");
  (st as unknown as { getItem: () => never }).getItem = () => {
    throw new DOMException("blocked", "SecurityError");
  };
  (st as unknown as { removeItem: () => never }).removeItem = () => {
    throw new DOMException("blocked", "SecurityError");
  };
  expect(s.get("k")).toBe("v");
  expect(() => s.remove("k")).not.toThrow();
  expect(s.get("k")).toBeNull();
});

test("removeItem alone throwing: a removed value does not come back from storage", () => {
  const st = storage({ failRemove: false });
  const s = safeSessionStorage({ sessionStorage: st });
  s.set("k", "v");
  (st as unknown as { removeItem: () => never }).removeItem = () => {
    throw new DOMException("blocked", "SecurityError");
  };
  s.remove("k");
  expect(st.data.get("k")).toBe("v");
  expect(s.get("k")).toBeNull();
});
