/**
 * Cisco's consult and transfer popovers list the agents (queues, entry points) as Momentum list
 * items whose one button, the action, Momentum keeps out of the tab order (tabindex -1), and no
 * other part of a row takes the focus: with the keyboard alone the popover offers nobody to pick
 * (Tab only cycles through the search field, the category buttons and Close). Each row's button
 * is put back in the tab order, so Tab reaches it and Enter or Space presses it, and it is named
 * after its row (the agent's name) for screen readers; kept so while the popover re-renders.
 * Remove when the widgets make their rows reachable (__tests__/browser/webex-in-sap-consult.test.ts
 * consults by keyboard).
 */
const ROW = ".call-control-list-item";
const ROW_BUTTON = `${ROW} .hover-button [tabindex="-1"], ${ROW} .hover-button [role="button"]:not([aria-label])`;

/** Keeps the rows' buttons under `root` reachable and named; the observer is returned for stopping. */
export function keepRowButtonsReachable(root: ParentNode & Node): MutationObserver {
  const fix = () => {
    for (const button of root.querySelectorAll(ROW_BUTTON)) {
      if (button.getAttribute("tabindex") === "-1") button.setAttribute("tabindex", "0");
      const name = button.closest(ROW)?.getAttribute("aria-label");
      if (name && !button.hasAttribute("aria-label")) button.setAttribute("aria-label", name);
    }
  };
  const observer = new MutationObserver(fix);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex"] });
  fix();
  return observer;
}
