/** Size baselines the bench holds the build to (bench/run.ts), shared with the unit test that does the same. */

/**
 * What the other topologies load, measured (gzip -9, same dependencies) on the commit before issue
 * 13 added the "Webex in SAP" topology: that weight must stay in its own bundle, so these
 * two must not grow (bench/run.ts targets, __tests__/unit/mashup-bundle.test.ts).
 */
export const BEFORE_WEBEX_IN_SAP = { widgetGzip: 96_314, mashupPageGzip: 34_993 } as const;
