/** Bundle entry for dist/widget.js: the real SDK, and the element bound to it. */
import { Desktop } from "@wxcc-desktop/sdk";
import type { DesktopApi } from "./desktop-port";
import { defineConnector } from "./wxcc-sap-connector";

defineConnector(Desktop as unknown as DesktopApi);
