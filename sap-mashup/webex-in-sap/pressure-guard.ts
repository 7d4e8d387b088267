/**
 * Imported before the Webex SDK (webex-page.ts). The SDK's media libraries (@webex/web-capabilities,
 * @webex/internal-media-core) start a CPU PressureObserver when their module loads, whenever the
 * browser has one. Inside SAP's CTI pane (a cross-origin frame whose `allow` SAP sets, without
 * `compute-pressure`) the permissions policy forbids it: each such start logs a policy violation
 * and throws an unhandled rejection, several times over. Where the policy forbids the feature,
 * the observer is hidden, so the libraries take their own "not supported" path; nothing else is
 * affected (the readings only tune browser media, which this topology does not use). Seen with
 * the real SDK in Chromium: six console errors and six unhandled rejections without it
 * (docs/reference/webex-cc-sdk.md §8.1). The newer `permissionsPolicy` is read before `featurePolicy`.
 */
type PolicyDoc = Document & { permissionsPolicy?: { allowsFeature(f: string): boolean }; featurePolicy?: { allowsFeature(f: string): boolean } };

/** Hides `PressureObserver` from `win` when the document's permissions policy disallows compute pressure. */
export function hideForbiddenPressureObserver(win: Window & typeof globalThis): boolean {
  if (!("PressureObserver" in win)) return false;
  const doc = win.document as PolicyDoc;
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  if (!policy || policy.allowsFeature("compute-pressure")) return false;
  try {
    return delete (win as unknown as Record<string, unknown>).PressureObserver;
  } catch {
    return false;
  }
}

hideForbiddenPressureObserver(window);
