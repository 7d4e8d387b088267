/** @jest-environment node */
/**
 * Issue 11: the pane as SAP gives it, 360×640 and 420×900, in each of the four Horizon themes:
 * with two conversations live and five notices raised, the framed Agent Desktop keeps at least
 * 70% of the height and every control of it can be reached; at most two notices show, with a
 * count of the rest. The 360×640 screenshots of each theme are the README's (docs/screenshots/).
 */
import { join } from "node:path";
import { AGENTS } from "../../sandbox/server";
import { THEMES } from "../../sap-mashup/look";
import { SCREENSHOTS, act, sim, waitTask, type Stage, useStage } from "./browser-support";
import { openPane, panelText, raiseFiveNotices, type Pane } from "./pane-support";

jest.setTimeout(120_000);
const A1 = AGENTS[0]!.agentId;

let s: Stage;
useStage((x) => (s = x), { consoleErrors: "allowed" });

beforeAll(async () => {
  // Two conversations live for agent 1: a call and a chat, both accepted.
  const pane = await openPane(s, { width: 420, height: 900 });
  const call = (await sim(s, "inbound", { from: "+14155550132", to: A1 })) as string;
  await waitTask(pane.desktop!, call, "AgentOfferContact");
  await act(pane.desktop!, "accept", call);
  const chat = (await sim(s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A1 })) as string;
  await waitTask(pane.desktop!, chat, "AgentOfferContact");
  await act(pane.desktop!, "accept", chat);
  await waitTask(pane.desktop!, chat, "AgentContactAssigned");
  await pane.close();
});

const SIZES = [
  [360, 640],
  [420, 900],
] as const;

describe.each(THEMES)("%s", (theme) => {
  test.each(SIZES)("%i×%i: two conversations and five notices leave the desktop ≥ 70% of the height, its controls reachable", async (width, height) => {
    const pane: Pane = await openPane(s, { width, height, theme });
    try {
      await panelText(pane.mashup, (t) => t.includes("Conversations (2)"), "two conversations");
      await raiseFiveNotices(pane, s);
      await panelText(pane.mashup, (t) => t.includes("More notices: 3"), "the notice count");
      // Newest first, two shown.
      const notices = await pane.mashup.evaluate(() =>
        [...(document.querySelector("wxcc-sap-panel")!.shadowRoot!.querySelectorAll('[part="notice-text"]'))].map((e) => e.textContent),
      );
      expect(notices).toEqual([
        "+*****05 has too few or too many digits, so it was not dialled. Correct it in SAP and click it again.",
        "1*** has no country code, so it was not dialled. Add the country code (for example +49) in SAP and click it again.",
      ]);

      if (width === 360) await pane.page.screenshot({ path: join(SCREENSHOTS, `pane-${theme}.png`) });
      const frame = await pane.mashup.locator("#agent-desktop").boundingBox();
      const top = await pane.page.locator("#cti").boundingBox();
      expect(frame && top).toBeTruthy();
      // The desktop frame: at least 70% of the pane's height, and inside the pane.
      expect(frame!.height / height).toBeGreaterThanOrEqual(0.7);
      expect(frame!.y + frame!.height).toBeLessThanOrEqual(top!.y + top!.height + 0.5);
      // Every control of the desktop can be reached and takes a click where it is shown (a trial
      // click: Playwright scrolls it into view inside the frame and checks nothing covers it).
      const controls = pane.desktop!.locator("button:visible");
      const n = await controls.count();
      expect(n).toBeGreaterThan(5);
      for (let i = 0; i < n; i++) await controls.nth(i).click({ trial: true, timeout: 5000 });
      // The mashup's own controls too.
      for (const part of ["state-select", "sign-out-toggle", "dismiss"]) {
        await pane.mashup.locator(`wxcc-sap-panel [part="${part}"]`).first().click({ trial: true, timeout: 5000 });
      }
    } finally {
      await pane.close();
    }
  });
});

test("without a theme parameter the pane follows the browser: dark, more contrast, both", async () => {
  const pane = await openPane(s, { width: 360, height: 640, waitLink: false, noWidget: true });
  try {
    const shell = () => pane.mashup.evaluate(() => getComputedStyle(document.querySelector("wxcc-sap-panel")!).backgroundColor);
    const seen: Record<string, string> = {};
    for (const [name, media] of [
      ["light", { colorScheme: "light", contrast: "no-preference" }],
      ["dark", { colorScheme: "dark", contrast: "no-preference" }],
      ["more contrast", { colorScheme: "light", contrast: "more" }],
      ["dark, more contrast", { colorScheme: "dark", contrast: "more" }],
    ] as const) {
      await pane.page.emulateMedia(media);
      seen[name] = await shell();
    }
    // sapShell_Background of sap_horizon, sap_horizon_dark, sap_horizon_hcw, sap_horizon_hcb.
    expect(seen).toEqual({ light: "rgb(239, 241, 242)", dark: "rgb(18, 23, 28)", "more contrast": "rgb(255, 255, 255)", "dark, more contrast": "rgb(0, 0, 0)" });
  } finally {
    await pane.close();
  }
});

