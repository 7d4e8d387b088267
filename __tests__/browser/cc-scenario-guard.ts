/**
 * Imported first by cc-scenario-entry.ts, so it runs before the Webex SDK's modules load: the pane
 * is a cross-site frame, where the SDK's media libraries would each fail to start a
 * `PressureObserver` (sap-mashup/webex-in-sap/compute-pressure.ts says why).
 */
import { hidePressureObserverWhereDisallowed } from "../../sap-mashup/webex-in-sap/compute-pressure";

hidePressureObserverWhereDisallowed(window as unknown as Parameters<typeof hidePressureObserverWhereDisallowed>[0]);
