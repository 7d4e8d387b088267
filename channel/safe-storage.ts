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
  const memory = new Map<string, string>();
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
      if (storage) {
        try {
          const v = storage.getItem(key);
          if (v !== null) return v;
        } catch {
          /* fall through to memory */
        }
      }
      return memory.get(key) ?? null;
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
      memory.delete(key);
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
