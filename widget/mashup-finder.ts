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

/** Bounds the frame-tree walk: SAP pages nest a few frames, never hundreds. */
const MAX_FRAMES = 64;

/**
 * Every frame below `root` (breadth first, `root` included). `frames`, `length` and indexed access
 * are readable across origins, so this can search a foreign page for a frame of the mashup's origin.
 *
 * Why: in the alongside topology an SAP page reload destroys the mashup frame that opened the
 * desktop window, so the widget's opener is gone; but the SAP tab's top-level window object
 * survives the reload. Remembering it while linked lets the widget find the new mashup frame by
 * itself — the mashup cannot reclaim the window without a click, as pop-up blockers refuse
 * `window.open` without a user gesture even for an existing named window.
 */
export function frameTree(root: Window): Window[] {
  const out: Window[] = [];
  const queue: Window[] = [root];
  while (queue.length > 0 && out.length < MAX_FRAMES) {
    const w = queue.shift() as Window;
    if (out.includes(w)) continue;
    out.push(w);
    let n = 0;
    try {
      n = w.length;
    } catch {
      n = 0;
    }
    for (let i = 0; i < n && i < MAX_FRAMES; i++) {
      try {
        const child = (w as unknown as Record<number, Window | undefined>)[i];
        if (child) queue.push(child);
      } catch {
        /* a frame that went away while we looked */
      }
    }
  }
  return out;
}

/** The top-level window of a (possibly cross-origin) window, if it can still be read. */
export function topOf(w: MessageEventSource | Window): Window | undefined {
  try {
    const top = (w as Window).top;
    return top ?? undefined;
  } catch {
    return undefined;
  }
}
