/**
 * What Cisco's widgets (`@webex/cc-widgets` 1.28.0-next.3, built against
 * `@momentum-ui/react-collaboration` >=26.197.0) import from Momentum, as the installed 26.213.0
 * provides it: that version still ships the Select component but no longer exports it as
 * `SelectNext`, under which the widgets' user-state dropdown asks for it (without it React
 * renders nothing there: "Element type is invalid … got: undefined"). Build time: the bundle
 * resolves the widgets' imports of the package to this module (momentum-compat.build.ts); every
 * other importer gets the package itself. docs/reference/webex-sign-in.md §4.
 */
export * from "@momentum-ui/react-collaboration";
export { default as SelectNext } from "@momentum-ui/react-collaboration/dist/esm/components/Select";
