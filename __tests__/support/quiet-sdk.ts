/**
 * The real SDK logs every step to the console; in tests that drowns the failures. Its lines (all
 * tagged "agentx-js-api") are kept in memory instead, where a test can still read them.
 */
export const sdkLog: string[] = [];
for (const level of ["log", "info", "debug", "warn", "error"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (args.some((a) => typeof a === "string" && a.includes('"agentx-js-api"'))) {
      sdkLog.push(args.map(String).join(" "));
      if (sdkLog.length > 2000) sdkLog.splice(0, 1000);
      return;
    }
    // The connector's own info lines are expected in tests; warnings and errors stay visible.
    if ((level === "info" || level === "log") && args.some((a) => typeof a === "string" && a.startsWith("[wxcc-sap"))) return;
    original(...args);
  };
}
