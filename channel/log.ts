import { maskText } from "./mask";

/**
 * The connector's log: a bounded in-memory ring (shown in the mashup's debug view and kept for
 * support) that also goes to the console. Every line is masked before it is stored.
 *
 * Console output waits for the end of the current task (errors excepted, which flush what waits
 * and go at once). Writing to the console is slow, far slower with the browser's developer tools
 * open, and the line about a payload is written in the very task that posts the payload to SAP:
 * measured with `npm run bench`, printing it at once delayed the screen pop by about half a
 * millisecond at the median. The ring is written at once, so nothing is lost or reordered.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export interface LogLine {
  at: number;
  level: LogLevel;
  source: string;
  text: string;
}

export type LogSink = (line: LogLine) => void;

const RING = 500;

export class Log {
  readonly #lines: LogLine[] = [];
  readonly #sinks = new Set<LogSink>();
  readonly #source: string;
  /** Counts of dropped messages by reason, so "nothing happened" can be told from "we refused it". */
  readonly dropped = new Map<string, number>();
  #toPrint: Array<[LogLevel, string]> = [];
  #printTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    source: string,
    private readonly toConsole = true,
  ) {
    this.#source = source;
  }

  write(level: LogLevel, text: string): void {
    const line: LogLine = { at: Date.now(), level, source: this.#source, text: maskText(text) };
    this.#lines.push(line);
    if (this.#lines.length > RING) this.#lines.shift();
    if (this.toConsole && level !== "debug") {
      this.#toPrint.push([level, `[${this.#source}] ${line.text}`]);
      if (level === "error") this.flush();
      else this.#printTimer ??= setTimeout(() => this.flush(), 0);
    }
    for (const sink of this.#sinks) sink(line);
  }

  /** Prints the lines waiting for the console now, in order. */
  flush(): void {
    if (this.#printTimer !== undefined) clearTimeout(this.#printTimer);
    this.#printTimer = undefined;
    const lines = this.#toPrint;
    this.#toPrint = [];
    // eslint-disable-next-line no-console
    for (const [level, text] of lines) (level === "error" ? console.error : level === "warn" ? console.warn : console.info)(text);
  }

  debug(text: string): void {
    this.write("debug", text);
  }
  info(text: string): void {
    this.write("info", text);
  }
  warn(text: string): void {
    this.write("warn", text);
  }
  error(text: string): void {
    this.write("error", text);
  }

  /** Records a dropped message: counted always, logged at debug level. */
  drop(reason: string, detail = ""): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
    this.debug(`dropped (${reason})${detail ? ": " + detail : ""}`);
  }

  droppedTotal(): number {
    let n = 0;
    for (const c of this.dropped.values()) n += c;
    return n;
  }

  subscribe(sink: LogSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  recent(): readonly LogLine[] {
    return this.#lines;
  }
}
