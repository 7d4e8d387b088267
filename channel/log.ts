import { maskText } from "./mask";

/**
 * The connector's log: a bounded in-memory ring (shown in the mashup's debug view and kept for
 * support) that also goes to the console. Every line is masked before it is stored.
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
      // eslint-disable-next-line no-console
      (level === "error" ? console.error : level === "warn" ? console.warn : console.info)(`[${this.#source}] ${line.text}`);
    }
    for (const sink of this.#sinks) sink(line);
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
