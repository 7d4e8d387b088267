/**
 * Where the SAP-side mashup may be, seen from the widget: any ancestor frame (embedded topology,
 * whatever the desktop's own frame nesting) or the opener of this window or of an ancestor
 * (alongside topology). `window.parent` alone is never assumed; `parent`, `top` and `opener` are
 * readable across origins, so this works from inside Cisco's pages.
 */
export function mashupCandidates(win: Window): Window[] {
  const out: Window[] = [];
  const add = (w: Window | null | undefined) => {
    if (w && w !== win && !out.includes(w)) out.push(w);
  };
  let current: Window = win;
  for (let depth = 0; depth < 10; depth++) {
    let opener: Window | null = null;
    try {
      opener = current.opener as Window | null;
    } catch {
      opener = null;
    }
    add(opener);
    let parent: Window | null = null;
    try {
      parent = current.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === current) break;
    add(parent);
    current = parent;
  }
  return out;
}
