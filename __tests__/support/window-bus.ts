/**
 * In-memory stand-in for the browser's cross-window messaging, for jsdom tests: windows with an
 * origin, a parent and an opener. A script sees other windows through references bound to its own
 * window, so `ref.postMessage(data, targetOrigin)` knows its sender. Delivery is asynchronous,
 * only when the target's origin matches exactly (a mismatch is silently dropped, as browsers do),
 * with `origin`, `source` and a structured clone of the data. Real cross-origin behaviour is
 * covered by the Chromium tests; this exists so the same code can be driven fast and in bulk.
 */
type Listener = (e: MessageEvent) => void;

export class BusWindow {
  readonly listeners = new Set<Listener>();
  /** `pagehide` listeners: fired by `hide()`, as a browser does when the page is unloaded. */
  readonly hideListeners = new Set<() => void>();
  parentWin: BusWindow;
  openerWin: BusWindow | null = null;
  closed = false;
  /** Every message delivered to this window, in order. */
  readonly received: { data: unknown; origin: string }[] = [];
  private readonly refs = new Map<BusWindow, WindowRef>();

  constructor(
    readonly bus: WindowBus,
    readonly origin: string,
    parent?: BusWindow,
  ) {
    this.parentWin = parent ?? this;
  }

  /** This window as seen by `viewer`'s script. */
  ref(viewer: BusWindow = this): WindowRef {
    let r = this.refs.get(viewer);
    if (!r) this.refs.set(viewer, (r = new WindowRef(this, viewer)));
    return r;
  }

  /** The window's own `window` object, for the code under test. */
  get self(): Window {
    return this.ref(this) as unknown as Window;
  }

  deliver(data: unknown, targetOrigin: string, from: BusWindow): void {
    if (targetOrigin === "*") throw new Error("test bus: postMessage with '*' is forbidden by the contract");
    const clone = clone_(data);
    this.bus.enqueue(() => {
      if (this.closed || targetOrigin !== this.origin) return;
      this.received.push({ data: clone, origin: from.origin });
      const event = { data: clone, origin: from.origin, source: from.ref(this) } as unknown as MessageEvent;
      for (const fn of [...this.listeners]) fn(event);
    });
  }

  /** The page is being unloaded: `pagehide` fires, and nothing is delivered to it any more. */
  hide(): void {
    for (const fn of [...this.hideListeners]) fn();
    this.closed = true;
  }

  /** Test helper: posts `data` into this window as if from `from`'s script. */
  receiveFrom(from: BusWindow, data: unknown, targetOrigin = this.origin): void {
    this.deliver(data, targetOrigin, from);
  }
}

export class WindowRef {
  constructor(
    private readonly target: BusWindow,
    private readonly viewer: BusWindow,
  ) {}
  postMessage(data: unknown, targetOrigin: string): void {
    this.target.deliver(data, targetOrigin, this.viewer);
  }
  get parent(): WindowRef {
    return this.target.parentWin.ref(this.viewer);
  }
  get top(): WindowRef {
    let w = this.target;
    while (w.parentWin !== w) w = w.parentWin;
    return w.ref(this.viewer);
  }
  get opener(): WindowRef | null {
    return this.target.openerWin ? this.target.openerWin.ref(this.viewer) : null;
  }
  get closed(): boolean {
    return this.target.closed;
  }
  addEventListener(type: string, fn: Listener): void {
    if (this.target !== this.viewer) throw new Error("test bus: listening on another window");
    if (type === "message") this.target.listeners.add(fn);
    if (type === "pagehide") this.target.hideListeners.add(fn as unknown as () => void);
  }
  removeEventListener(type: string, fn: Listener): void {
    if (type === "message") this.target.listeners.delete(fn);
    if (type === "pagehide") this.target.hideListeners.delete(fn as unknown as () => void);
  }
}

export class WindowBus {
  private queue: (() => void)[] = [];
  private scheduled = false;

  window(origin: string, parent?: BusWindow): BusWindow {
    return new BusWindow(this, origin, parent);
  }

  enqueue(task: () => void): void {
    this.queue.push(task);
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 0);
    }
  }

  /** Resolves once no message is in flight. */
  async settle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (this.queue.length === 0 && !this.scheduled) {
        await new Promise((r) => setTimeout(r, 0));
        if (this.queue.length === 0 && !this.scheduled) return;
      }
    }
    throw new Error("test bus: messages still in flight after 1000 turns");
  }

  private flush(): void {
    this.scheduled = false;
    const tasks = this.queue;
    this.queue = [];
    for (const t of tasks) t();
  }
}

/** jsdom's jest environment has no structuredClone; JSON is close enough for channel messages. */
function clone_<T>(x: T): T {
  const sc = (globalThis as { structuredClone?: <U>(v: U) => U }).structuredClone;
  return sc ? sc(x) : x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}
