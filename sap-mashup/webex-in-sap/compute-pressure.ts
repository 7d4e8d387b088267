/**
 * The Webex CC SDK's media libraries (`@webex/web-capabilities`, `@webex/internal-media-core`,
 * pulled in through `@webex/calling`) each start a `PressureObserver` on "cpu" when their module
 * loads, whenever the browser has the class. Chromium's permissions policy allows the
 * "compute-pressure" feature only to the top page and same-origin frames by default, and SAP
 * frames the pane from another site without granting it: there each observer fails with a
 * "Permissions policy violation" console error and an unhandled rejection — six of them — and
 * measures nothing anyway. Hiding the class where the policy forbids it makes the libraries skip
 * the observer, as they do in browsers without it (docs/reference/webex-cc-sdk.md §8.1).
 */

interface PolicyWindow {
  document: { featurePolicy?: { allowsFeature(feature: string): boolean }; permissionsPolicy?: { allowsFeature(feature: string): boolean } };
  PressureObserver?: unknown;
}

/**
 * Call before the SDK's modules load (import this module, and call it, first). Returns true when
 * it hid `PressureObserver`; a page allowed to use it keeps it.
 */
export function hidePressureObserverWhereDisallowed(win: PolicyWindow): boolean {
  if (!("PressureObserver" in win)) return false;
  const policy = win.document.permissionsPolicy ?? win.document.featurePolicy;
  if (!policy || policy.allowsFeature("compute-pressure")) return false;
  delete win.PressureObserver;
  return !("PressureObserver" in win);
}
