/**
 * The channel inside one page, for the "Webex in SAP" topology: the connector (widget side) and the
 * mashup run in the same window, with no desktop frame between them. Each side gets an endpoint
 * that stands in for "the other window" exactly as `WidgetLink` and `DesktopLink` use one
 * (`addEventListener("message")`, `postMessage(data, targetOrigin)`, `parent`/`top`/`opener`), so
 * both links, their handshake, sequencing, acknowledgements and replay run unchanged.
 *
 * Delivery copies the data and is asynchronous, as `postMessage` is, and only to the exact target
 * origin; `source` is the sending side's endpoint. Everything but "message" (`pagehide`,
 * `pageshow`, …) is the page's own: both sides go away with it.
 */

type Listener = EventListenerOrEventListenerObject;

/** The part of `Window` the links touch; the endpoints are handed to them as `Window`. */
export interface InPageEndpoint {
  addEventListener(type: string, fn: Listener): void;
  removeEventListener(type: string, fn: Listener): void;
  postMessage(data: unknown, targetOrigin: string): void;
  readonly parent: InPageEndpoint;
  readonly top: InPageEndpoint;
  readonly opener: null;
  readonly closed: boolean;
  readonly length: number;
}

export interface InPagePair {
  /** The origin both sides speak as (the page's own): the only one each side accepts. */
  readonly origin: string;
  /** What the connector (`WidgetConnector`) is given as its window. */
  readonly widget: Window;
  /** What the mashup's `DesktopLink` listens on and attaches to. */
  readonly mashup: Window;
  /** The endpoint the mashup attaches to (`MashupApp.attachDesktop`): the widget's side. */
  readonly desktop: Window;
  /** Stops delivery (both sides); later posts are dropped, as to a closed window. */
  close(): void;
}

type PageWindow = Pick<Window, "addEventListener" | "removeEventListener">;

/** Runs `fn` in a later task, as the browser delivers a posted message. */
export type Schedule = (fn: () => void) => void;
const laterTask: Schedule = (fn) => void setTimeout(fn, 0);

/**
 * Two endpoints joined to each other. `page` is the real window, whose other events are passed
 * through; `schedule` delivers (a later task; tests hand in their message bus's queue).
 */
export function inPagePair(page: PageWindow, origin: string, schedule: Schedule = laterTask): InPagePair {
  if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`in-page channel: "${origin}" is not an origin`);
  let closed = false;
  const listeners = { widget: new Set<Listener>(), mashup: new Set<Listener>() };
  const endpoints = {} as Record<"widget" | "mashup", InPageEndpoint>;

  const make = (side: "widget" | "mashup"): InPageEndpoint => {
    const other = side === "widget" ? "mashup" : "widget";
    return {
      addEventListener(type, fn) {
        if (type === "message") listeners[side].add(fn);
        else page.addEventListener(type, fn);
      },
      removeEventListener(type, fn) {
        if (type === "message") listeners[side].delete(fn);
        else page.removeEventListener(type, fn);
      },
      // Posting to an endpoint delivers to that side's listeners, from the other side (as `ref.postMessage`).
      postMessage(data, targetOrigin) {
        if (targetOrigin === "*") throw new Error("in-page channel: postMessage with '*' is not allowed");
        if (closed || targetOrigin !== origin) return;
        const copy = copyOf(data);
        schedule(() => {
          if (closed) return;
          const event = { data: copy, origin, source: endpoints[other] } as unknown as MessageEvent;
          for (const fn of [...listeners[side]]) {
            if (typeof fn === "function") fn(event);
            else fn.handleEvent(event);
          }
        });
      },
      // The widget looks for the mashup among its ancestors: the mashup's endpoint is its "parent",
      // and the mashup's is its own (a top-level window), which ends that walk.
      get parent() {
        return endpoints.mashup;
      },
      get top() {
        return endpoints.mashup;
      },
      opener: null,
      get closed() {
        return closed;
      },
      length: 0,
    };
  };
  endpoints.widget = make("widget");
  endpoints.mashup = make("mashup");
  return {
    origin,
    widget: endpoints.widget as unknown as Window,
    mashup: endpoints.mashup as unknown as Window,
    desktop: endpoints.widget as unknown as Window,
    close() {
      closed = true;
      listeners.widget.clear();
      listeners.mashup.clear();
    },
  };
}

/** A structured copy (channel messages are plain data), so neither side shares objects with the other. */
function copyOf(data: unknown): unknown {
  const clone = (globalThis as { structuredClone?: (x: unknown) => unknown }).structuredClone;
  if (typeof clone === "function") return clone(data);
  return data === undefined ? undefined : JSON.parse(JSON.stringify(data));
}
