/**
 * The soak's cross-window bus: the same model as the integration tests' in-memory bus
 * (__tests__/support/window-bus.ts) — windows with an origin and a parent, references bound to
 * the viewing window so `ref.postMessage(data, targetOrigin)` knows its sender, delivery only when
 * the target origin matches exactly (a mismatch is silently dropped, as browsers do), with `origin`,
 * `source` and a structured clone of the data, always asynchronously (a task, never inside the
 * sender's call stack).
 *
 * Two differences, both for a long run: a task is a `setImmediate` turn instead of a
 * `setTimeout(…, 0)` one (on a loaded machine a zero timer costs milliseconds, and a conversation
 * crosses the bus dozens of times), and nothing is recorded per message — the bus only counts, and
 * tells one observer after each batch of deliveries, so the soak waits for conditions instead of
 * sleeping.
 */
type Listener = (e: MessageEvent) => void;

export class SoakWindow {
  /** Listeners by event type ("message", "pagehide", "pageshow", …). */
  readonly listeners = new Map<string, Set<Listener>>();
  readonly parentWin: SoakWindow;
  closed = false;
  /** Messages delivered to a listener of this window / dropped for a wrong target origin. */
  delivered = 0;
  originMismatches = 0;
  private readonly refs = new Map<SoakWindow, SoakWindowRef>();

  constructor(
    readonly bus: SoakBus,
    readonly origin: string,
    parent?: SoakWindow,
  ) {
    this.parentWin = parent ?? this;
  }

  /** This window as seen by `viewer`'s script. */
  ref(viewer: SoakWindow = this): SoakWindowRef {
    let r = this.refs.get(viewer);
    if (!r) this.refs.set(viewer, (r = new SoakWindowRef(this, viewer)));
    return r;
  }

  /** The window's own `window` object, for the code under test. */
  get self(): Window {
    return this.ref(this) as unknown as Window;
  }

  listenerCount(type = "message"): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** Listener counts by event type, e.g. { message: 2, pagehide: 1, pageshow: 1 }. */
  listenerCounts(): Record<string, number> {
    return Object.fromEntries([...this.listeners].filter(([, s]) => s.size > 0).map(([t, s]) => [t, s.size]));
  }

  deliver(data: unknown, targetOrigin: string, from: SoakWindow): void {
    if (targetOrigin === "*") throw new Error("soak bus: postMessage with '*' is forbidden by the contract");
    const clone = structuredClone(data);
    this.bus.enqueue(() => {
      if (this.closed) return;
      if (targetOrigin !== this.origin) {
        this.originMismatches++;
        return;
      }
      this.delivered++;
      const event = { data: clone, origin: from.origin, source: from.ref(this) } as unknown as MessageEvent;
      const set = this.listeners.get("message");
      if (!set) return;
      for (const fn of [...set]) {
        try {
          fn(event);
        } catch (e) {
          // As in a browser: a listener that throws is reported, the other listeners still run.
          this.bus.listenerErrors++;
          this.bus.lastListenerError = e;
        }
      }
    });
  }

  /** Posts `data` into this window as if from `from`'s script (e.g. SAP's click-to-dial). */
  receiveFrom(from: SoakWindow, data: unknown, targetOrigin = this.origin): void {
    this.deliver(data, targetOrigin, from);
  }
}

export class SoakWindowRef {
  constructor(
    private readonly target: SoakWindow,
    private readonly viewer: SoakWindow,
  ) {}
  postMessage(data: unknown, targetOrigin: string): void {
    this.target.deliver(data, targetOrigin, this.viewer);
  }
  get parent(): SoakWindowRef {
    return this.target.parentWin.ref(this.viewer);
  }
  get top(): SoakWindowRef {
    let w = this.target;
    while (w.parentWin !== w) w = w.parentWin;
    return w.ref(this.viewer);
  }
  get opener(): SoakWindowRef | null {
    return null;
  }
  get closed(): boolean {
    return this.target.closed;
  }
  addEventListener(type: string, fn: Listener): void {
    if (this.target !== this.viewer) throw new Error("soak bus: listening on another window");
    let set = this.target.listeners.get(type);
    if (!set) this.target.listeners.set(type, (set = new Set()));
    set.add(fn);
  }
  removeEventListener(type: string, fn: Listener): void {
    this.target.listeners.get(type)?.delete(fn);
  }
}

export class SoakBus {
  private queue: (() => void)[] = [];
  private scheduled = false;
  /** Batches run and messages carried, for the report. */
  batches = 0;
  messages = 0;
  /** Listeners that threw (the message still reached the other listeners), and the last error. */
  listenerErrors = 0;
  lastListenerError: unknown;
  /** Called after every batch of deliveries: the soak re-checks what it waits for. */
  observer: (() => void) | undefined;

  window(origin: string, parent?: SoakWindow): SoakWindow {
    return new SoakWindow(this, origin, parent);
  }

  get inFlight(): number {
    return this.queue.length;
  }

  enqueue(task: () => void): void {
    this.queue.push(task);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const tasks = this.queue;
    this.queue = [];
    this.batches++;
    this.messages += tasks.length;
    for (const t of tasks) t();
    this.observer?.();
  }
}
