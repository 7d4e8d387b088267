/**
 * What Cisco's widgets (`@webex/cc-widgets` 1.28.0-next.3, built against
 * `@momentum-ui/react-collaboration` >=26.197.0) import from Momentum, as the installed 26.213.0
 * provides it. Without these two React renders nothing where they are used ("Element type is
 * invalid … got: undefined"), docs/reference/webex-sign-in.md §4:
 * - `SelectNext` (the user-state dropdown): 26.213.0 still ships the component, no longer under
 *   that name;
 * - `Button` (the consult/transfer popover's category buttons, `variant` primary/secondary): the
 *   legacy component is gone from 26.213.0; Momentum Design's React button, which the widgets use
 *   everywhere else with the same `variant`s, stands in.
 * Build time: the bundle resolves the widgets' imports of the package to this module
 * (momentum-compat.build.ts); every other importer gets the package itself.
 */
export * from "@momentum-ui/react-collaboration";
export { default as SelectNext } from "@momentum-ui/react-collaboration/dist/esm/components/Select";
export { default as Button } from "@momentum-design/components/react/button/index.js";
