/**
 * A fix for Momentum Design's `mdc-select` (@momentum-design/components 0.118.1), which Cisco's
 * widgets use for the wrap-up code, the station login and the user state: its option store calls
 * the select's `onStoreUpdate` unbound (`this` is the store, which has no `navItems`), so removing
 * the option that has the focus ring (tabindex 0, e.g. the wrap-up code just submitted) throws
 * "Cannot read properties of undefined (reading 'length')" as the widget leaves the document.
 * Patched on the class, before any select is created, so the call runs on the select itself.
 * Remove when Momentum binds it (checked by the end-to-end tests: no page error at wrap-up).
 */
type SelectLike = { onStoreUpdate?: (this: unknown, ...args: unknown[]) => unknown };

function patch(select: CustomElementConstructor): void {
  const proto = select.prototype as SelectLike & { __wxccBound?: true };
  const original = proto.onStoreUpdate;
  if (typeof original !== "function" || proto.__wxccBound) return;
  proto.__wxccBound = true;
  proto.onStoreUpdate = function (this: unknown, ...args: unknown[]) {
    // Called on the select: as it is. Called on its store (the bug): on the store's host, the select.
    const self = this instanceof select ? this : ((this as { host?: unknown } | null)?.host ?? this);
    return original.apply(self, args);
  };
}

const defined = customElements.get("mdc-select");
if (defined) patch(defined);
else void customElements.whenDefined("mdc-select").then(patch);
