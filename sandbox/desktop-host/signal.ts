/**
 * A host signal with the contract of `@uuip/unified-ui-platform-sdk`'s Signal.WithData
 * (docs/reference/webex-desktop.md, the host surface an emulator needs): the real SDK calls
 * `listen`/`listenOnce` and keeps the stoppers.
 */
export class EmulatedSignal<T> {
  private readonly listeners = new Set<(m: T) => void>();
  private readonly once = new Set<(m: T) => void>();

  listen(fn: (m: T) => void): { stopListen(): boolean } {
    this.listeners.add(fn);
    return { stopListen: () => this.listeners.delete(fn) };
  }

  listenOnce(fn: (m: T) => void): { stopListenOnce(): boolean } {
    this.once.add(fn);
    return { stopListenOnce: () => this.once.delete(fn) };
  }

  stopListen(fn: (m: T) => void): boolean {
    return this.listeners.delete(fn);
  }

  stopListenOnce(fn: (m: T) => void): boolean {
    return this.once.delete(fn);
  }

  /** Emulator only (the real one is concealed): listeners, then once-listeners, which are then cleared. */
  send(m: T): void {
    for (const fn of [...this.listeners]) fn(m);
    const once = [...this.once];
    this.once.clear();
    for (const fn of once) fn(m);
  }

  get listenerCount(): number {
    return this.listeners.size + this.once.size;
  }
}
