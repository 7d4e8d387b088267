/** @jest-environment node */
/**
 * Issue 12: the SAP stand-in behaves as one tenant and says what happens, in real Chromium: a
 * customer created in agent 1's SAP is found when agent 2 takes the transferred call; an outbound
 * click-to-dial call is "Outgoing call to …", never "Incoming … ringing"; the consulted agent's
 * pane says consult for the whole consult; chats and e-mails are offered, not ringing; a call
 * without a usable number shows an unknown customer with nothing prefilled. The tests run in
 * order on one flow screen; both agents go Available first.
 */
import { AGENTS } from "../../sandbox/server";
import { act, sapState, sim, sleep, waitPayloads, waitTask } from "./browser-support";
import { goAvailable, openFlow, waitLive, type Flow } from "./sandbox-flow";

jest.setTimeout(90_000);
const [A1, A2] = [AGENTS[0]!.agentId, AGENTS[1]!.agentId];

let f: Flow;
beforeAll(async () => {
  f = await openFlow();
  await goAvailable(f.desk[0]);
  await goAvailable(f.desk[1]);
});
afterAll(async () => {
  await f?.s.close();
});
afterEach(() => {
  expect(f.s.errors).toEqual([]);
});

async function finish(i: 0 | 1, id: string): Promise<void> {
  await act(f.desk[i], "end", id);
  await waitTask(f.desk[i], id, "AgentWrapup");
  await act(f.desk[i], "wrapup", id);
  await waitTask(f.desk[i], id, null);
}

test("one tenant, one CRM: a customer agent 1 creates is found in agent 2's SAP when the call is transferred to agent 2", async () => {
  const [sap1, sap2] = f.sap;
  const id = (await sim(f.s, "inbound", { from: "+14695550123", to: A1 })) as string;
  await sap1.waitForSelector("#new-record[data-unknown=false]");
  expect(await sap1.inputValue("#new-customer input[name=phone]")).toBe("+14695550123");
  await act(f.desk[0], "accept", id);
  await sap1.fill("#new-customer input[name=name]", "Dana Whitfield");
  await sap1.fill("#new-customer input[name=city]", "Austin, US");
  await sap1.click("#new-customer button[type=submit]");
  await sap1.waitForSelector("#record h2:text('Dana Whitfield')");
  // The record is the tenant's: the server has it, and agent 2's SAP page has learnt of it.
  const records = (await (await fetch(`${f.s.sandbox.config.sap}/crm/records`)).json()) as { name: string; phones: string[] }[];
  expect(records.filter((r) => r.name === "Dana Whitfield")).toEqual([{ id: "2000001", kind: "Individual Customer", name: "Dana Whitfield", city: "Austin, US", phones: ["+14695550123"], emails: [] }]);

  await act(f.desk[0], "transfer", id);
  await waitTask(f.desk[1], id, "AgentOfferContact");
  await sap2.waitForSelector("#record h2:text('Dana Whitfield')");
  await act(f.desk[1], "accept", id);
  await act(f.desk[0], "wrapup", id);
  await finish(1, id);
  const a2 = (await sapState(sap2)).activities.at(-1)!;
  expect(a2).toMatchObject({ customer: "Dana Whitfield", type: "Phone Call", direction: "Inbound", status: "Completed" });
});

test("the CRM refuses a bad record with a message naming the field; nothing is created", async () => {
  const r = await fetch(`${f.s.sandbox.config.sap}/crm/records`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "", phone: "12ab", email: "nobody" }) });
  expect(r.status).toBe(400);
  expect(await r.json()).toEqual({ errors: ["name: required", 'phone: "12ab" is not a number in E.164 form (+ and 6–15 digits)', 'email: "nobody" is not an e-mail address'] });
  const records = (await (await fetch(`${f.s.sandbox.config.sap}/crm/records`)).json()) as unknown[];
  expect(records).toHaveLength(10);
});

test("click-to-dial: SAP's pane says Outgoing call to …, dialling, then connected — never incoming or ringing", async () => {
  const [, sap2] = f.sap;
  await sap2.click("#nav button[data-view=Lead]");
  await sap2.click("a.record-link:text('Emma Johnson')");
  await sap2.click("a.dial");
  const live = await waitLive(sap2, "Outgoing call to +12125550175", /^dialling…$/);
  expect(live).toEqual({ title: "Outgoing call to +12125550175", status: "dialling…" });
  expect(await sap2.textContent(".pop-banner")).toBe("Customer identified · Outgoing call to +12125550175");
  const [task] = (await f.desk[1].evaluate(() => (window as unknown as { sandboxDesktop: { tasks(): { id: string }[] } }).sandboxDesktop.tasks())) as { id: string }[];
  await sim(f.s, "customerAnswers", task!.id);
  const connected = await waitLive(sap2, "Outgoing call to +12125550175 · Emma Johnson", /^connected · since /);
  expect(connected.title).toBe("Outgoing call to +12125550175 · Emma Johnson");
  await finish(1, task!.id);
});

test("a consult: the consulted agent's pane says consult for the whole consult, never ringing", async () => {
  const [sap1, sap2] = f.sap;
  const id = (await sim(f.s, "inbound", { from: "+390212345678", to: A1 })) as string;
  await waitLive(sap1, "Incoming call from +390212345678", /^ringing$/);
  await act(f.desk[0], "accept", id);
  await waitLive(sap1, "Incoming call from +390212345678", /^connected · since /);
  await act(f.desk[0], "consult", id);
  await waitTask(f.desk[1], id, "AgentOfferConsult");
  const offered = await waitLive(sap2, "Incoming call from +390212345678", /consult/);
  expect(offered.status).toBe("consult request from a colleague: no activity is logged for it");
  await act(f.desk[1], "accept", id);
  await waitTask(f.desk[1], id, "AgentConsulting");
  const during = await waitLive(sap2, "Incoming call from +390212345678", /^consult with/);
  expect(during.status).toBe("consult with a colleague: no activity is logged for it");
  await sleep(1200); // the pane refreshes every second: still consult, not ringing
  expect(((await sap2.textContent("#live-status")) ?? "").trim()).toBe("consult with a colleague: no activity is logged for it");
  await act(f.desk[0], "end-consult", id);
  await waitTask(f.desk[0], id, "AgentContactUnheld");
  await finish(0, id);
});

test("a chat and an e-mail are offered, not ringing; a WhatsApp message names its channel", async () => {
  const [, sap2] = f.sap;
  const chat = (await sim(f.s, "inbound", { media: "chat", from: "li.wei@mail.example", to: A2 })) as string;
  expect(await waitLive(sap2, "Chat from li.wei@mail.example", /^offered/)).toEqual({ title: "Chat from li.wei@mail.example", status: "offered: accept it in the Agent Desktop" });
  await act(f.desk[1], "accept", chat);
  expect((await waitLive(sap2, "Chat from li.wei@mail.example", /^in progress/)).title).toBe("Chat from li.wei@mail.example · Li Wei");
  await finish(1, chat);

  const email = (await sim(f.s, "inbound", { media: "email", from: "sofia.rossi@mail.example", to: A2 })) as string;
  expect(await waitLive(sap2, "E-mail from sofia.rossi@mail.example", /^offered/)).toEqual({ title: "E-mail from sofia.rossi@mail.example", status: "offered: accept it in the Agent Desktop" });
  await act(f.desk[1], "accept", email);
  await finish(1, email);

  const message = (await sim(f.s, "inbound", { media: "social", channel: "whatsapp", from: "+393471234567", to: A2 })) as string;
  expect(await waitLive(sap2, "Message from +393471234567 (WHATSAPP_1)", /^offered/)).toEqual({ title: "Message from +393471234567 (WHATSAPP_1)", status: "offered: accept it in the Agent Desktop" });
  await act(f.desk[1], "accept", message);
  await finish(1, message);
});

test("a call without a usable number: an unknown customer, nothing prefilled, nothing searched", async () => {
  const [sap1] = f.sap;
  const before = (await sapState(sap1)).payloads.length;
  const id = (await sim(f.s, "inbound", { from: "anonymous", to: A1 })) as string;
  const st = await waitPayloads(sap1, before + 1);
  expect(st.payloads.at(-1)!.fields).toMatchObject({ Type: "CALL", EventType: "INBOUND", Action: "NOTIFY" });
  expect(st.payloads.at(-1)!.fields.ANI).toBeUndefined();
  await sap1.waitForSelector("#new-record[data-unknown=true]");
  expect(await sap1.textContent("#unknown-customer")).toBe("Unknown customer: the call came without a usable number, so there was nothing to search by. Search for the customer, or create one.");
  for (const field of ["name", "phone", "email", "city"]) expect(await sap1.inputValue(`#new-customer input[name=${field}]`)).toBe("");
  expect(await waitLive(sap1, "Incoming call from an unknown number", /^ringing$/)).toEqual({ title: "Incoming call from an unknown number", status: "ringing" });
  await act(f.desk[0], "accept", id);
  await finish(0, id);
});
