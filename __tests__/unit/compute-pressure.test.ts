import { hidePressureObserverWhereDisallowed } from "../../sap-mashup/webex-in-sap/compute-pressure";

class PressureObserver {}
const policy = (allowed: boolean) => ({ allowsFeature: (f: string) => (f === "compute-pressure" ? allowed : true) });

describe("PressureObserver where the permissions policy forbids compute pressure", () => {
  test("a cross-site frame without the feature: hidden, so the SDK's libraries skip their observers", () => {
    const win: { document: object; PressureObserver?: unknown } = { document: { featurePolicy: policy(false) }, PressureObserver };
    expect(hidePressureObserverWhereDisallowed(win)).toBe(true);
    expect("PressureObserver" in win).toBe(false);
  });

  test("the newer permissionsPolicy is read first", () => {
    const win: { document: object; PressureObserver?: unknown } = { document: { permissionsPolicy: policy(false), featurePolicy: policy(true) }, PressureObserver };
    expect(hidePressureObserverWhereDisallowed(win)).toBe(true);
  });

  test("a page allowed the feature keeps it; a browser without the class or without a policy API is left alone", () => {
    const allowed = { document: { featurePolicy: policy(true) }, PressureObserver };
    expect(hidePressureObserverWhereDisallowed(allowed)).toBe(false);
    expect(allowed.PressureObserver).toBe(PressureObserver);
    expect(hidePressureObserverWhereDisallowed({ document: { featurePolicy: policy(false) } })).toBe(false);
    const noPolicy = { document: {}, PressureObserver };
    expect(hidePressureObserverWhereDisallowed(noPolicy)).toBe(false);
    expect(noPolicy.PressureObserver).toBe(PressureObserver);
  });
});
