/**
 * An in-memory BroadcastChannel for jsdom tests (jsdom has none): every channel of one bus hears
 * every other one, asynchronously and in order, never itself, as the browser's does.
 */
import type { TabChannel } from "../../sap-mashup/tab-ownership";

export class TabBus {
  readonly channels = new Set<BusChannel>();
  /** Every message posted on the bus, in order (for assertions). */
  readonly sent: unknown[] = [];

  channel(): BusChannel {
    const c = new BusChannel(this);
    this.channels.add(c);
    return c;
  }
}

export class BusChannel implements TabChannel {
  readonly listeners = new Set<(e: MessageEvent) => void>();
  closed = false;
  constructor(private readonly bus: TabBus) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error("InvalidStateError: channel closed");
    const data = JSON.parse(JSON.stringify(message)) as unknown;
    this.bus.sent.push(data);
    for (const c of this.bus.channels) {
      if (c === this) continue;
      setTimeout(() => {
        if (!c.closed) for (const fn of [...c.listeners]) fn({ data } as MessageEvent);
      }, 0);
    }
  }
  addEventListener(_type: "message", fn: (e: MessageEvent) => void): void {
    this.listeners.add(fn);
  }
  removeEventListener(_type: "message", fn: (e: MessageEvent) => void): void {
    this.listeners.delete(fn);
  }
  close(): void {
    this.closed = true;
    this.bus.channels.delete(this);
  }
}
