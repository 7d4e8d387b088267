/** @jest-environment node */
/**
 * Issue 13: the emulated Webex CC cloud, driven by the real, unmodified `@webex/contact-center`
 * SDK in Chromium (bundled by the test support, pointed at the sandbox only through its own
 * configuration): sign-in, register with the tenant's profile, station login, state, an inbound
 * call, hold/resume, end and wrap-up, outdial, a transfer from a desktop agent, multi-login, and
 * logout with a reason the emulator records.
 */
import type { Page } from "playwright-core";
import { AGENTS, CLOUD_AGENTS } from "../../sandbox/server";
import { useStage, type Stage } from "./browser-support";
import { sdk, sdkPage, signIn } from "./webex-sdk-support";

jest.setTimeout(60_000);
const CHLOE = CLOUD_AGENTS[0]!;
const A1 = AGENTS[0]!.agentId;

let st: Stage;
useStage((s) => (st = s));
let page: Page;
let x: ReturnType<typeof sdk>;

test("sign-in and register: the profile has the sandbox's teams, idle and wrap-up codes", async () => {
  page = await st.context.newPage();
  const token = await signIn(st.sandbox, page, CHLOE.agentName);
  expect(token.access_token).toMatch(/^[0-9a-f]{64}_P0A1_/);
  await sdkPage(st.sandbox, page);
  x = sdk(page);
  await x.start(st.sandbox.config.webexCloud.sdkConfig, token.access_token);
  const profile = (await x.cc("register")) as Record<string, unknown>;
  console.log(JSON.stringify(profile).slice(0, 3000));
});
