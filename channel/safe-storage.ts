/**
 * sessionStorage as an optimisation only. In cross-site frames browsers partition or block it
 * (Safari; Chrome with third-party storage blocked): reading `window.sessionStorage` itself may
 * throw, and writes may throw on quota. Every access is guarded and falls back to memory, so the
 * caller never needs to care whether storage works.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** True while values actually reach the browser's storage (for diagnostics only). */
  readonly persistent: boolean;
}

export function safeSessionStorage(win: { sessionStorage?: Storage } | undefined): KeyValueStore {
  // What this page wrote or removed (null) is authoritative: a write that storage refused (quota)
  // or a removal it refused must not let an older stored value come back. Storage is read only
  // for keys this page has not touched, i.e. what an earlier page of the tab left behind.
  const memory = new Map<string, string | null>();
  let storage: Storage | null = null;
  try {
    storage = win?.sessionStorage ?? null;
    if (storage) {
      const probe = "__wxcc_sap_probe__";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
    }
  } catch {
    storage = null;
  }
  const store: KeyValueStore = {
    persistent: storage !== null,
    get(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      if (storage) {
        try {
          return storage.getItem(key);
        } catch {
          /* blocked since: nothing else to read */
        }
      }
      return null;
    },
    set(key, value) {
      memory.set(key, value);
      if (storage) {
        try {
          storage.setItem(key, value);
        } catch {
          /* quota or blocked: memory still has it */
        }
      }
    },
    remove(key) {
      memory.set(key, null);
      if (storage) {
        try {
          storage.removeItem(key);
        } catch {
          /* ignore */
        }
      }
    },
  };
  return store;
}
