/**
 * Issue 11: the Agent Desktop's language reaches the mashup. The layout binds `$STORE.app.language`
 * to the widget's `language` property; the widget sends it with the agent state (an optional field
 * of the channel), so the mashup speaks it when its URL names no language.
 */
import { agentStateFrom } from "../../widget/agent-state";
import { Harness } from "../support/harness";

let h: Harness;
beforeEach(() => (h = Harness.quiet(["warn", "error"])));
afterEach(() => h.close());

test("the desktop's language travels with the agent state, and follows a change", async () => {
  const a = await h.agent();
  expect(a.mashup.sync.agent?.language).toBeUndefined();
  a.widget.setLanguage("de-DE");
  await h.settle();
  expect(a.mashup.sync.agent?.language).toBe("de-DE");
  a.widget.setLanguage("ja");
  await h.settle();
  expect(a.mashup.sync.agent?.language).toBe("ja");
  // Only a language tag passes; anything else is left out rather than sent.
  a.widget.setLanguage("<script>");
  await h.settle();
  expect(a.mashup.sync.agent?.language).toBeUndefined();
});

test("agentStateFrom keeps a well-formed language tag only", () => {
  expect(agentStateFrom({ subStatus: "Available" }, "a-1", { language: "pt_BR" }).language).toBe("pt_BR");
  expect(agentStateFrom({ subStatus: "Available" }, "a-1", { language: "x".repeat(40) }).language).toBeUndefined();
  expect(agentStateFrom({ subStatus: "Available" }, "a-1", { language: "" }).language).toBeUndefined();
});
