/** @jest-environment node */
/**
 * The "Webex in SAP" pane with the real Webex CC SDK where the browser blocks third-party storage
 * (Chromium's default): the pane is a cross-site frame inside SAP, so it has no sessionStorage and
 * the mashup cannot remember what SAP has. A reload mid-call still gives no second NOTIFY or ACCEPT
 * and exactly one END: a conversation first seen connected after a reload is taken to have its
 * activity already (sap-mashup/sap-payload.ts).
 */
import type { AgentKey } from "../support/scenarios";
import { useStage, type Stage } from "./browser-support";
import { closePane, IDS, openPane, paneState, preparePanes, sapLines, settled } from "./cc-pane-support";

jest.setTimeout(60_000);

const A = IDS.A;
const CALL_FIELDS = "ANI=+14155550132 DNIS=+18005550100";

let st: Stage;
useStage((s) => (st = s), { thirdPartyStorage: "blocked" });
let tokens: Map<AgentKey, string>;
beforeAll(async () => {
  tokens = await preparePanes(st);
});


test("the pane has no storage; a reload mid-call: no second NOTIFY or ACCEPT, and the END comes once", async () => {
  const cc = st.sandbox.cc;
  const first = await openPane(st, tokens, "A");
  let pane = first;
  try {
    expect(await first.frame.evaluate(() => { try { return typeof sessionStorage.length; } catch (e) { return (e as Error).name; } })).toBe("SecurityError");
    await cc.stateChange(A, "Available", "0");
    const id = cc.inbound({ from: "+14155550132", to: A });
    cc.agentAnswers(id, A);
    expect(await sapLines(st, first, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`]);
    pane = await openPane(st, tokens, "A", { reloadOf: first });
    expect(pane.reloggedIn).toBe(true);
    await settled(pane);
    expect((await paneState(pane)).legs).toBe(1);
    cc.customerEnds(id);
    await cc.wrapup(A, id);
    expect(await sapLines(st, pane, id)).toEqual([`A: CALL INBOUND NOTIFY ${CALL_FIELDS}`, `A: CALL INBOUND ACCEPT ${CALL_FIELDS}`, `A: CALL UPDATEACTIVITY END ${CALL_FIELDS}`]);
  } finally {
    await closePane(st, pane);
  }
});
