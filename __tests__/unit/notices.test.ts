/**
 * Issue 11: notices as data — built from a kind and masked values, in English for the log — and
 * the stack the pane shows: newest first, bounded, the same notice never twice, dismissed by the
 * agent or cleared when its cause is gone.
 */
import type { Leg } from "../../channel/protocol";
import { NoticeStack, STACK_LIMIT, conversationOf, notice, shown } from "../../sap-mashup/notices";

const LEG: Leg = {
  interactionId: "i-1",
  agentId: "a-1",
  media: "chat",
  channel: "chat",
  direction: "INBOUND",
  role: "main",
  phase: "offered",
  held: false,
  customer: { email: "not-an-email" },
  cad: {},
  offeredAt: 1,
};

test("a notice carries its kind, level, masked values, English text, conversation and cause", () => {
  const conversation = conversationOf(LEG);
  expect(notice("n.fieldLeftOut", ["Email", shown("not-an-email")], { conversation })).toEqual({
    kind: "n.fieldLeftOut",
    level: "warn",
    args: ["Email", "n***"],
    text: "SAP did not get the Email of this conversation: “n***” is not a valid value for it. The rest was sent; check the customer's details in SAP.",
    conversation: { interactionId: "i-1", media: "chat", direction: "INBOUND", customer: "n***" },
    cause: "conv:i-1",
  });
});

test.each([
  ["+14155550132", "+*********32"],
  ["0151 12345678", "**********78"],
  ["li.wei@mail.example", "l***@m***.example"],
  ["a@b", "a***"],
  ["hello", "h***"],
  ["Maria Lopez", "M***"],
  ["", ""],
])("what the agent sees of %j: %j", (raw, seen) => {
  expect(shown(raw)).toBe(seen);
});

test("the conversation names its customer masked: name first, else number, else address", () => {
  expect(conversationOf({ ...LEG, customer: { name: "Maria Lopez", ani: "+14155550132" } }).customer).toBe("M*** L***");
  expect(conversationOf({ ...LEG, customer: { ani: "+14155550132" } }).customer).toBe("+*********32");
  expect(conversationOf({ ...LEG, customer: { email: "li.wei@mail.example" } }).customer).toBe("l***@m***.example");
  expect(conversationOf({ ...LEG, customer: {} }).customer).toBe("");
});

describe("the stack", () => {
  const a = notice("n.notANumber", ["h***"], { cause: "dial" });
  const b = notice("n.noEmail", [], { conversation: conversationOf(LEG) });
  const c = notice("n.linkLost", [], { cause: "link" });

  test("newest first; the same notice again moves up with its new time instead of doubling", () => {
    const s = new NoticeStack();
    s.raise(a, 1);
    s.raise(b, 2);
    s.raise(c, 3);
    s.raise(a, 4);
    expect(s.items.map((r) => [r.notice.kind, r.at])).toEqual([
      ["n.notANumber", 4],
      ["n.linkLost", 3],
      ["n.noEmail", 2],
    ]);
  });

  test("dismissed by the agent; cleared by cause, keeping the kinds that still hold", () => {
    const s = new NoticeStack();
    const ra = s.raise(a, 1);
    s.raise(b, 2);
    s.raise(c, 3);
    expect(s.dismiss(ra.id)).toBe(true);
    expect(s.dismiss(ra.id)).toBe(false);
    expect(s.clear("conv:i-1", ["n.noEmail"])).toBe(false);
    expect(s.clear("conv:i-1")).toBe(true);
    expect(s.items.map((r) => r.notice.kind)).toEqual(["n.linkLost"]);
    expect(s.clear("link")).toBe(true);
    expect(s.items).toEqual([]);
  });

  test(`bounded: at most ${STACK_LIMIT}, the oldest go first`, () => {
    const s = new NoticeStack();
    for (let i = 0; i < STACK_LIMIT + 5; i++) s.raise(notice("n.notANumber", [`${i}***`], { cause: "dial" }), i);
    expect(s.items).toHaveLength(STACK_LIMIT);
    expect(s.items[0]!.notice.args).toEqual([`${STACK_LIMIT + 4}***`]);
    expect(s.items.at(-1)!.notice.args).toEqual(["5***"]);
  });
});
