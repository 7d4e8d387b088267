/**
 * Plays a scenario table (scenarios.ts): builds each step's AQM notification from the evolving
 * interaction, hands it to the adapter under test, and writes SAP's payloads in the table's form.
 */
import { contactMessage, newInteraction, type AgentContactData, type AgentContactMsg, type ContactSignal, type Interaction } from "../../sandbox/desktop-host/messages";
import { legReferenceId, originalReferenceId } from "../../sap-mashup/reference-ids";
import { AGENT_IDS, INTERACTION_ID, type AgentKey, type InteractionChange, type Scenario } from "./scenarios";

const ORG = "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a";
const T0 = 1764600000000;

/** Which agent id each of the table's agents has: the table's own ids, or the sandbox's signed-in agents. */
export type AgentIds = Readonly<Record<AgentKey, string>>;

const resolver = (ids: AgentIds) => {
  const resolve = (x: unknown): unknown => {
    if (typeof x === "string" && /^@[ABC]$/.test(x)) return ids[x.slice(1) as AgentKey];
    if (Array.isArray(x)) return x.map(resolve);
    return x;
  };
  return resolve;
};

function change(i: Interaction, c: InteractionChange | undefined, ids: AgentIds): void {
  if (!c) return;
  if (c.state !== undefined) i.state = c.state;
  if (c.owner !== undefined) i.owner = c.owner === "" ? "" : ids[c.owner];
  if (c.isTerminated !== undefined) i.isTerminated = c.isTerminated;
  if (c.held !== undefined) for (const m of Object.values(i.media)) if (m.mType === "mainCall") m.isHold = c.held;
  const participants = i.participants as Record<string, Record<string, unknown>>;
  if (c.join) {
    const id = ids[c.join];
    participants[id] = { id, name: `Agent ${c.join}`, pType: "Agent", type: "Agent", hasJoined: true, hasLeft: false };
    // A connected agent is also among the main call's media participants, as in the simulation
    // (docs/reference/webex-cc-sdk.md §5.5): the CC SDK keeps a leaver's task for wrap-up only then.
    for (const m of Object.values(i.media)) if (m.mType === "mainCall" && !m.participants.includes(id)) m.participants.push(id);
  }
  if (c.leave) {
    const p = participants[ids[c.leave]];
    if (p) p.hasLeft = true;
  }
}

/** Sends every step, in order, through `deliver`, waiting for `settle` after each; `ids` names the agents. */
export async function play(s: Scenario, deliver: (to: AgentKey, signal: ContactSignal, msg: AgentContactMsg) => void, settle: () => Promise<void>, ids: AgentIds = AGENT_IDS): Promise<void> {
  const resolve = resolver(ids);
  const c = s.contact;
  const interaction = newInteraction({
    interactionId: INTERACTION_ID,
    orgId: ORG,
    mediaType: c.media,
    mediaChannel: c.channel ?? c.media,
    direction: c.direction ?? "INBOUND",
    customer: c.from,
    customerName: c.name,
    dnis: c.dnis,
    queueName: "Support",
    cad: c.cad,
    createdTimestamp: T0,
    outboundType: c.outboundType,
  });
  let t = T0;
  for (const step of s.steps) {
    change(interaction, step.set, ids);
    const extra = Object.fromEntries(Object.entries(step.data ?? {}).map(([k, v]) => [k, resolve(v)])) as Partial<AgentContactData>;
    deliver(step.to, step.signal, contactMessage(step.signal, interaction, ids[step.to], (t += 1000), extra));
    await settle();
  }
}

const HEAD = ["Type", "EventType", "Action", "ExternalReferenceID", "ExternalOriginalReferenceID"];

/** One SAP payload in the table's form (scenarios.ts); `ids` as given to `play`. */
export function describePayload(fields: Record<string, string>, interactionId = INTERACTION_ID, ids: AgentIds = AGENT_IDS): string {
  const leg = (Object.keys(ids) as AgentKey[]).find((k) => legReferenceId(interactionId, ids[k]) === fields.ExternalReferenceID) ?? "?";
  const rest = Object.keys(fields)
    .filter((k) => !HEAD.includes(k))
    .sort()
    .map((k) => `${k}=${fields[k]}`);
  if (fields.ExternalOriginalReferenceID !== originalReferenceId(interactionId)) rest.push("orig=WRONG");
  return `${leg}: ${fields.Type} ${fields.EventType} ${fields.Action}${rest.length ? ` ${rest.join(" ")}` : ""}`;
}
