/**
 * Imported first by cc-scenario-entry.ts, so it runs before the Webex SDK's modules load: the pane
 * is a cross-site frame, where the SDK's media libraries would each fail to start a
 * `PressureObserver`. The product's own guard does it (sap-mashup/webex-in-sap/pressure-guard.ts says why).
 */
import "../../sap-mashup/webex-in-sap/pressure-guard";
