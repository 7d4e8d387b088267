/** @jest-environment node */
/**
 * Issue 11: accessibility of everything the mashup renders. axe-core finds no WCAG 2.1 A/AA
 * violation in any state the agent meets — waiting for the link, linked and idle, a call ringing,
 * two conversations connected, notices shown, signed out, a configuration error, another SAP tab
 * having the connector — in each of the
 * four themes. The agent changes state and signs out with the keyboard alone; the screen reader
 * hears of a new conversation, a lost and restored link, and a refused click-to-dial, once each.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Frame } from "playwright-core";
import { AGENTS } from "../../sandbox/server";
import { THEMES } from "../../sap-mashup/look";
import { act, hostRequests, sim, sleep, waitTask, type Stage, useStage } from "./browser-support";
import { clickToDial, mashupQuery, openPane, panelText, panelTextNow, raiseFiveNotices, type Pane } from "./pane-support";

jest.setTimeout(180_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
// A configuration error is one of the states checked: it logs to the console on purpose.
useStage((x) => (s = x), { consoleErrors: "allowed" });

/** WCAG 2.1 A and AA violations in the mashup (the framed desktop is not ours), as "rule: target" lines. */
async function violations(pane: Pane): Promise<string[]> {
  const r = await new AxeBuilder({ page: pane.page })
    .include("#cti")
    .exclude(["#cti", "#agent-desktop"])
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`));
}

const live = (mashup: Frame) => mashup.evaluate(() => document.querySelector("wxcc-sap-panel")!.shadowRoot!.querySelector('[part="live"]')!.textContent ?? "");

test("keyboard only: the agent changes state and signs out without a mouse, with visible focus", async () => {
  const pane = await openPane(s, { width: 360, height: 640, agent: 2, idle: true });
  try {
    await panelText(pane.mashup, (t) => /Available|Idle/.test(t), "the agent state");
    // Into the pane from SAP's page, as Tab does; the first stop is the state.
    await pane.page.keyboard.press("Tab");
    const focused = () => pane.mashup.evaluate(() => document.querySelector("wxcc-sap-panel")!.shadowRoot!.activeElement?.getAttribute("part") ?? null);
    expect(await focused()).toBe("state-select");
    const outline = await pane.mashup.evaluate(() => getComputedStyle(document.querySelector("wxcc-sap-panel")!.shadowRoot!.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    const before = (await hostRequests(pane.desktop!)).filter((r) => r.method === "aqm.agent.stateChange").length;
    await pane.page.keyboard.press("ArrowDown");
    for (let i = 0; i < 100 && (await hostRequests(pane.desktop!)).filter((r) => r.method === "aqm.agent.stateChange").length === before; i++) await sleep(50);
    expect((await hostRequests(pane.desktop!)).filter((r) => r.method === "aqm.agent.stateChange")).toHaveLength(before + 1);
    await panelText(pane.mashup, (t) => t.includes("Idle:"), "the new state");

    await pane.page.keyboard.press("Tab");
    expect(await focused()).toBe("sign-out-toggle");
    await pane.page.keyboard.press("Enter");
    await pane.page.keyboard.press("Tab");
    expect(await focused()).toBe("sign-out-reason");
    await pane.page.keyboard.press("ArrowDown"); // "Lunch"
    await pane.page.keyboard.press("Tab");
    expect(await focused()).toBe("sign-out");
    await pane.page.keyboard.press("Enter");
    await panelText(pane.mashup, (t) => t.includes("Signed out (Lunch). Sign in again in the Agent Desktop."), "signed out");
    expect((await hostRequests(pane.desktop!)).some((r) => r.method === "aqm.agent.logout")).toBe(true);
  } finally {
    await pane.close();
  }
});

test("the screen reader hears of a new conversation, a refused click-to-dial, a lost and restored link: once each", async () => {
  const pane = await openPane(s, { width: 420, height: 900 });
  try {
    const id = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
    await panelText(pane.mashup, (t) => t.includes("ringing"), "the call");
    expect(await live(pane.mashup)).toBe("New conversation: Call from +*********32");
    await act(pane.desktop!, "accept", id);
    await panelText(pane.mashup, (t) => t.includes("connected"), "the call connected");
    await sleep(200);
    expect(await live(pane.mashup)).toBe("New conversation: Call from +*********32");
    await clickToDial(pane, s, { PhoneNumber: "hello" });
    await panelText(pane.mashup, (t) => t.includes("is not a phone number"), "the refusal");
    expect(await live(pane.mashup)).toBe("“h***” is not a phone number, so nothing was dialled. Correct it in SAP and click it again.");
    await act(pane.desktop!, "end", id);
    await waitTask(pane.desktop!, id, "AgentWrapup");
    await act(pane.desktop!, "wrapup", id);
    await waitTask(pane.desktop!, id, null);

    // The desktop goes away (its frame navigates off): the link is lost, then it comes back.
    const url = await pane.mashup.evaluate(() => (document.getElementById("agent-desktop") as HTMLIFrameElement).src);
    await pane.mashup.evaluate(() => ((document.getElementById("agent-desktop") as HTMLIFrameElement).src = "about:blank"));
    await panelText(pane.mashup, (t) => t.includes("Link to the Agent Desktop lost"), "the link lost", 30_000);
    expect(await live(pane.mashup)).toBe("Link to the Agent Desktop lost");
    await pane.mashup.evaluate((u) => ((document.getElementById("agent-desktop") as HTMLIFrameElement).src = u), url);
    await panelText(pane.mashup, (t) => t.startsWith("Agent Desktop linked"), "the link restored", 30_000);
    expect(await live(pane.mashup)).toBe("Link to the Agent Desktop restored");
    // The notice about the lost link cleared itself when the link came back.
    expect(await panelTextNow(pane.mashup)).not.toContain("The link to the Agent Desktop is lost");
  } finally {
    await pane.close();
  }
});

describe.each(THEMES)("%s: no WCAG 2.1 AA violation", (theme) => {
  test("configuration error", async () => {
    const q = new URLSearchParams(mashupQuery(s, { width: 0, height: 0, theme }));
    q.delete("sapOrigin");
    const pane = await openPane(s, { width: 360, height: 640, query: q.toString() });
    try {
      await panelText(pane.mashup, (t) => t.includes("not set up correctly"), "the configuration error");
      expect(await violations(pane)).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  test("waiting for the link", async () => {
    const pane = await openPane(s, { width: 360, height: 640, theme, noWidget: true });
    try {
      await panelText(pane.mashup, (t) => t.includes("Waiting for the Agent Desktop"), "waiting");
      expect(await violations(pane)).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  test("linked and idle, a call ringing, two conversations connected, notices shown", async () => {
    const pane = await openPane(s, { width: 360, height: 640, theme });
    try {
      expect(await violations(pane)).toEqual([]);
      const call = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
      await panelText(pane.mashup, (t) => t.includes("ringing"), "the call ringing");
      expect(await violations(pane)).toEqual([]);
      await act(pane.desktop!, "accept", call);
      const chat = (await sim(s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A1 })) as string;
      await waitTask(pane.desktop!, chat, "AgentOfferContact");
      await act(pane.desktop!, "accept", chat);
      await panelText(pane.mashup, (t) => t.includes("Conversations (2)") && !t.includes("ringing"), "two conversations connected");
      await pane.mashup.locator('wxcc-sap-panel [part="conversations"] summary').click();
      expect(await violations(pane)).toEqual([]);
      await raiseFiveNotices(pane, s);
      expect(await violations(pane)).toEqual([]);
      for (const id of [call, chat]) {
        await act(pane.desktop!, "end", id);
        await waitTask(pane.desktop!, id, "AgentWrapup");
        await act(pane.desktop!, "wrapup", id);
        await waitTask(pane.desktop!, id, null);
      }
    } finally {
      await pane.close();
    }
  });

  test("another SAP tab has the connector (issue 14)", async () => {
    const owner = await openPane(s, { width: 360, height: 640, theme });
    const standby = await openPane(s, { width: 360, height: 640, theme, waitLink: false });
    try {
      await panelText(standby.mashup, (t) => t.includes("Another SAP tab has the connector") && t.includes("Use this tab"), "the pane standing by");
      expect(await violations(standby)).toEqual([]);
    } finally {
      await standby.close();
      await owner.close();
    }
  });

  test("signed out", async () => {
    const pane = await openPane(s, { width: 360, height: 640, theme, agent: 2, idle: true });
    try {
      const text = await panelText(pane.mashup, (t) => /Signed out|Sign out/.test(t), "the agent state");
      if (!text.includes("Signed out")) {
        await pane.mashup.locator('wxcc-sap-panel [part="sign-out-toggle"]').click();
        await pane.mashup.locator('wxcc-sap-panel [part="sign-out"]').click();
      }
      await panelText(pane.mashup, (t) => t.includes("Signed out"), "signed out");
      expect(await violations(pane)).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

