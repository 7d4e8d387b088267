/** SAP's external IDs (contract §5): [A-Za-z0-9]{1,35}, deterministic, per leg / per conversation. */
import { isSapId, legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";

const SAP_ID = /^[A-Za-z0-9]{1,35}$/;
const ids = [
  "0ae913a4-c857-4705-8d49-000000000001",
  "0AE913A4-C857-4705-8D49-000000000001",
  "abc",
  "a".repeat(200),
  "weird id/with:chars&<>\u0000",
  "Ünïcödé-😀",
  "-",
  "12345678-1234-1234-1234-1234567890ab-extra",
];
const agents = ["agent-1", "agent-2", "8f3e1c4a-2b6d-4e8f-9a1b-3c5d7e9f0a2b", "ä"];

test("both IDs always match SAP's rule, whatever the input", () => {
  for (const i of ids) {
    expect(originalReferenceId(i)).toMatch(SAP_ID);
    for (const a of agents) expect(legReferenceId(i, a)).toMatch(SAP_ID);
  }
});

test("deterministic: the same inputs give the same IDs (a reload derives the same)", () => {
  for (const i of ids) {
    expect(originalReferenceId(i)).toBe(originalReferenceId(String(i)));
    for (const a of agents) expect(legReferenceId(i, a)).toBe(legReferenceId(`${i}`, `${a}`));
  }
  // Pinned values: a change of the derivation would break the link to activities SAP already has.
  expect(originalReferenceId("0ae913a4-c857-4705-8d49-000000000001")).toBe("0AE913A4C85747058D49000000000001");
  expect(legReferenceId("0ae913a4-c857-4705-8d49-000000000001", "agent-1")).toMatch(/^[0-9A-F]{32}$/);
});

test("ExternalReferenceID is distinct per agent and per interaction", () => {
  const all = new Set<string>();
  for (const i of ids) for (const a of agents) all.add(legReferenceId(i, a));
  expect(all.size).toBe(ids.length * agents.length);
  // The separator cannot be confused: ("a|b", "c") and ("a", "b|c") differ.
  expect(legReferenceId("a|b", "c")).not.toBe(legReferenceId("a", "b|c"));
});

test("ExternalOriginalReferenceID is the same for every leg of one conversation and differs between conversations", () => {
  const id = "0ae913a4-c857-4705-8d49-000000000001";
  // It depends on the interaction id alone: there is no agent parameter to vary.
  expect(originalReferenceId.length).toBe(1);
  const legs = agents.map((a) => ({ ref: legReferenceId(id, a), orig: originalReferenceId(id) }));
  expect(new Set(legs.map((l) => l.orig)).size).toBe(1);
  expect(new Set(legs.map((l) => l.ref)).size).toBe(agents.length);
  expect(originalReferenceId("0ae913a4-c857-4705-8d49-000000000002")).not.toBe(originalReferenceId(id));
});

test("a UUID stays readable (dashes dropped, upper case); anything else is hashed", () => {
  expect(originalReferenceId("0ae913a4-c857-4705-8d49-000000000001")).toBe("0AE913A4C85747058D49000000000001");
  expect(originalReferenceId("weird id")).toMatch(/^[0-9A-F]{32}$/);
  expect(originalReferenceId("a".repeat(36))).toMatch(/^[0-9A-F]{32}$/);
});

test("isSapId", () => {
  expect(isSapId("A1")).toBe(true);
  expect(isSapId("a".repeat(35))).toBe(true);
  for (const bad of ["", "a".repeat(36), "a-b", "a b", "ä", "a\n"]) expect(isSapId(bad)).toBe(false);
});
