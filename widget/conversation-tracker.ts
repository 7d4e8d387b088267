/**
 * Turns Agent Desktop contact events into this agent's conversation legs. Pure: plain data in,
 * plain data out; no SDK, no DOM. The SDK adapter feeds it `(signalName, message)` pairs.
 *
 * Facts behind the rules are in docs/reference/webex-desktop.md §3. Several are only
 * inferred there (AQM `data.type` strings, owner-change and conference semantics, field casing),
 * so: we switch on the SDK signal name, never on `data.type`; every string is compared
 * case-insensitively; and where an inference could be wrong we pick the reading that cannot
 * create a second SAP activity (a consult leg becomes a real one only on positive evidence).
 */
import type { Leg, LegPhase, Media } from "../channel/protocol";

/** The `Desktop.agentContact` signals the tracker understands (and the adapter subscribes to). */
export const CONTACT_EVENTS = [
  "eAgentContact",
  "eAgentOfferContact",
  "eAgentOfferContactRona",
  "eAgentContactAssigned",
  "eAgentContactHeld",
  "eAgentContactUnHeld",
  "eAgentContactEnded",
  "eAgentWrapup",
  "eAgentContactWrappedUp",
  "eAgentOfferConsult",
  "eAgentConsultCreated",
  "eAgentConsulting",
  "eAgentConsultEnded",
  "eAgentConsultFailed",
  "eAgentConsultConferencing",
  "eAgentConsultConferenced",
  "eAgentConsultConferenceEnded",
  "eParticipantJoinedConference",
  "eParticipantLeftConference",
  "eContactOwnerChanged",
  "eAgentContactAniUpdated",
] as const;
export type ContactEventName = (typeof CONTACT_EVENTS)[number];

/** Ended legs kept for late duplicates and snapshots; bounded so a shift cannot grow memory. */
const MAX_ENDED_KEPT = 64;

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : undefined);
const text = (x: unknown): string | undefined => (typeof x === "string" && x.trim() !== "" ? x.trim() : undefined);
const same = (a: unknown, b: unknown): boolean => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : undefined);

function mediaOf(mediaType: unknown): Media {
  const m = typeof mediaType === "string" ? mediaType.toLowerCase() : "";
  return m === "telephony" || m === "chat" || m === "email" || m === "social" ? m : "other";
}

/** The parts of an `AgentContact` message the tracker reads, pulled out defensively. */
interface ContactView {
  interactionId: string;
  agentId?: string;
  data: Obj;
  interaction: Obj;
}

function view(msg: unknown): ContactView | undefined {
  const data = obj(obj(msg)?.data);
  if (!data) return undefined;
  const interaction = obj(data.interaction) ?? {};
  const interactionId = text(data.interactionId) ?? text(interaction.interactionId);
  if (!interactionId || interactionId.length > 200) return undefined;
  return { interactionId, agentId: text(data.agentId), data, interaction };
}

function customerOf(v: ContactView, media: Media, direction: Leg["direction"]): Leg["customer"] {
  const assoc = obj(v.interaction.callAssociatedDetails) ?? {};
  const proc = obj(v.interaction.callProcessingDetails) ?? {};
  const name = text(assoc.customerName) ?? text(proc.customerName);
  const ani = text(assoc.ani) ?? text(proc.ani);
  const out: Leg["customer"] = {};
  if (name) out.name = name.slice(0, 256);
  if (media === "chat" || media === "email") {
    // For chat and email the "ani" field carries the customer's e-mail; an email's from-address is authoritative.
    const email = (media === "email" ? text(proc.fromAddress) : undefined) ?? ani ?? text(proc.fromAddress);
    if (email) out.email = email.slice(0, 320);
    return out;
  }
  if (direction === "OUTBOUND" && media === "telephony") {
    // Inferred: on an outdial the customer is the dialled party; ANI is then our own caller id.
    const dialled = customerParticipantId(v.interaction) ?? text(proc.dnis) ?? text(assoc.dn);
    if (dialled) out.ani = dialled.slice(0, 256);
    return out;
  }
  if (ani) out.ani = ani.slice(0, 256);
  return out;
}

function customerParticipantId(interaction: Obj): string | undefined {
  const participants = obj(interaction.participants);
  if (!participants) return undefined;
  for (const p of Object.values(participants)) {
    const po = obj(p);
    if (po && (same(po.pType, "customer") || same(po.type, "customer"))) return text(po.id);
  }
  return undefined;
}

function cadOf(interaction: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  const cad = obj(interaction.callAssociatedData);
  if (!cad) return out;
  let n = 0;
  for (const [key, entry] of Object.entries(cad)) {
    if (++n > 100) break;
    const e = obj(entry);
    const value = e ? e.value : entry;
    const name = (e && text(e.name)) ?? key;
    if (e && e.isSecure === true) continue; // secure CAD never leaves the desktop
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      out[name.slice(0, 128)] = String(value).slice(0, 1024);
    }
  }
  return out;
}

function heldOf(interaction: Obj): boolean {
  const media = obj(interaction.media);
  if (!media) return same(interaction.state, "held");
  for (const m of Object.values(media)) {
    const mo = obj(m);
    if (mo && same(mo.mType, "mainCall")) return mo.isHold === true;
  }
  return same(interaction.state, "held");
}

export interface TrackerChange {
  /** The leg as it is now (phase `ended` for a leg that just ended). */
  leg: Leg;
  /** The leg left the desktop's task list (wrapped up, RONA, consult over); the widget may forget it. */
  closed: boolean;
}

export class ConversationTracker {
  readonly #legs = new Map<string, Leg>();
  readonly #endedOrder: string[] = [];
  #agentId: string | undefined;

  /** The agent this desktop belongs to, learnt from the first contact event if not set. */
  get agent(): string | undefined {
    return this.#agentId;
  }

  setAgentId(agentId: string | undefined): void {
    if (agentId) this.#agentId = agentId;
  }

  /** Legs that are offered or connected now. */
  openLegs(): Leg[] {
    return [...this.#legs.values()].filter((l) => l.phase !== "ended");
  }

  /** Every leg the tracker still holds, open and recently ended. */
  allLegs(): Leg[] {
    return [...this.#legs.values()];
  }

  get(interactionId: string): Leg | undefined {
    return this.#legs.get(interactionId);
  }

  /**
   * Applies one desktop event. Returns the legs it changed, in order; an unknown, malformed or
   * irrelevant event returns nothing.
   */
  apply(signal: string, msg: unknown, now: number): TrackerChange[] {
    const v = view(msg);
    if (!v) return [];
    if (!this.#agentId && v.agentId && signal !== "eAgentOfferConsult") this.#agentId = v.agentId;
    const me = this.#agentId ?? v.agentId;
    const existing = this.#legs.get(v.interactionId);
    const at = num(v.data.eventTime) ?? now;

    switch (signal as ContactEventName) {
      case "eAgentOfferContact":
        if (existing && existing.phase !== "ended") return this.#refresh(existing, v);
        return this.#put(this.#create(v, me, "main", "offered", at));
      case "eAgentOfferConsult":
        if (existing && existing.phase !== "ended") return [];
        return this.#put(this.#create(v, me, "consult", "offered", at));
      case "eAgentContactAssigned": {
        if (!existing || existing.phase === "ended") return this.#put(this.#create(v, me, "main", "connected", at));
        if (existing.role === "consult") {
          // Only positive evidence that this agent now owns the conversation turns a consult into a real leg.
          return this.#ownedBy(v, me) ? this.#connect(existing, v, at, "main") : [];
        }
        return this.#connect(existing, v, at, "main");
      }
      case "eAgentConsulting":
        // Consulted agent's leg is connected, but stays a consult: it pops, it creates no activity.
        if (existing && existing.role === "consult" && existing.phase === "offered") return this.#connect(existing, v, at, "consult");
        return [];
      case "eAgentConsultEnded":
      case "eAgentConsultFailed":
        if (existing && existing.role === "consult") return this.#end(existing, at, true);
        return [];
      case "eAgentConsultConferencing":
      case "eAgentConsultConferenced":
        // A consulted agent who is merged into the conference now serves the customer: real leg.
        if (existing && existing.role === "consult") return this.#connect(existing, v, at, "main");
        return [];
      case "eParticipantJoinedConference": {
        const joined = text(v.data.participantId);
        if (!joined || !same(joined, me)) return [];
        if (!existing || existing.phase === "ended") return this.#put(this.#create(v, me, "main", "connected", at));
        return existing.role === "consult" || existing.phase === "offered" ? this.#connect(existing, v, at, "main") : [];
      }
      case "eParticipantLeftConference": {
        const left = text(v.data.participantId);
        if (existing && left && same(left, me)) return this.#end(existing, at, false);
        return [];
      }
      case "eAgentConsultConferenceEnded":
        // The conference is over; whoever did not own the conversation has left it.
        if (existing && existing.phase !== "ended" && !this.#ownedBy(v, me) && text(v.interaction.owner)) return this.#end(existing, at, false);
        return [];
      case "eContactOwnerChanged": {
        const to = text(v.data.toOwner) ?? text(v.interaction.owner);
        const from = text(v.data.fromOwner);
        if (to && same(to, me)) {
          if (!existing || existing.phase === "ended") return this.#put(this.#create(v, me, "main", "connected", at));
          if (existing.role === "consult" || existing.phase === "offered") return this.#connect(existing, v, at, "main");
          return [];
        }
        if (existing && existing.phase !== "ended" && from && same(from, me) && v.data.isConferencing !== true) {
          return this.#end(existing, at, false);
        }
        return [];
      }
      case "eAgentContactHeld":
      case "eAgentContactUnHeld": {
        if (!existing || existing.phase === "ended") return [];
        const held = signal === "eAgentContactHeld";
        if (existing.held === held) return [];
        return this.#put({ ...existing, held });
      }
      case "eAgentContactAniUpdated":
        return existing ? this.#refresh(existing, v) : [];
      case "eAgentContactEnded":
      case "eAgentWrapup":
        // An end for a leg we never heard of (e.g. the task list could not be read after a reload):
        // report it as a rehydrated ended leg, so whatever SAP has open for it gets its END.
        if (!existing) return this.#learnt(v, me, "ended", at);
        // Ended while still ringing and "new" (the customer hung up on the offer): no wrap-up follows,
        // the task just goes, as Webex's own SDK reads it (docs/reference/webex-desktop.md §3.4). A
        // leg this agent was connected on always waits for its wrap-up, whatever the state says.
        return this.#end(existing, at, signal === "eAgentContactEnded" && existing.phase === "offered" && same(v.interaction.state, "new"));
      case "eAgentContactWrappedUp":
      case "eAgentOfferContactRona":
        return existing ? this.#end(existing, at, true) : [];
      case "eAgentContact":
        return this.#rehydrate(v, existing, me, at);
      case "eAgentConsultCreated":
      default:
        return [];
    }
  }

  /** Forgets a closed leg (after it was delivered). */
  forget(interactionId: string): void {
    this.#legs.delete(interactionId);
    const i = this.#endedOrder.indexOf(interactionId);
    if (i >= 0) this.#endedOrder.splice(i, 1);
  }

  #ownedBy(v: ContactView, me: string | undefined): boolean {
    return same(text(v.interaction.owner) ?? text(v.data.owner), me);
  }

  #create(v: ContactView, me: string | undefined, role: Leg["role"], phase: LegPhase, at: number): Leg {
    const media = mediaOf(v.interaction.mediaType);
    const dir = obj(v.interaction.contactDirection);
    const direction: Leg["direction"] = same(dir?.type, "outbound") ? "OUTBOUND" : "INBOUND";
    const proc = obj(v.interaction.callProcessingDetails) ?? {};
    const assoc = obj(v.interaction.callAssociatedDetails) ?? {};
    const leg: Leg = {
      interactionId: v.interactionId,
      agentId: (me ?? "unknown-agent").slice(0, 200),
      media,
      channel: (text(v.interaction.mediaChannel) ?? media).toLowerCase().slice(0, 64),
      direction,
      role,
      phase,
      held: heldOf(v.interaction),
      customer: customerOf(v, media, direction),
      cad: cadOf(v.interaction),
      offeredAt: at,
    };
    const dnis = direction === "OUTBOUND" ? text(proc.ani) ?? text(assoc.ani) : text(proc.dnis) ?? text(assoc.dn);
    if (dnis) leg.dnis = dnis.slice(0, 256);
    const outboundType = text(v.interaction.outboundType) ?? text(proc.outboundType);
    if (outboundType) leg.outboundType = outboundType.slice(0, 64);
    if (phase === "connected") leg.connectedAt = at;
    return leg;
  }

  /** Picks up data that can change while a leg lives (ANI update, CAD, hold), without changing its phase. */
  #refresh(leg: Leg, v: ContactView): TrackerChange[] {
    const next: Leg = { ...leg, customer: customerOf(v, leg.media, leg.direction), cad: { ...leg.cad, ...cadOf(v.interaction) } };
    if (JSON.stringify(next) === JSON.stringify(leg)) return [];
    return this.#put(next);
  }

  #connect(leg: Leg, v: ContactView, at: number, role: Leg["role"]): TrackerChange[] {
    if (leg.phase === "connected" && leg.role === role) return [];
    const next: Leg = {
      ...leg,
      role,
      phase: "connected",
      rehydrated: leg.phase === "connected" ? leg.rehydrated : undefined,
      held: heldOf(v.interaction),
      cad: { ...leg.cad, ...cadOf(v.interaction) },
      connectedAt: leg.connectedAt && leg.role === role ? leg.connectedAt : at,
    };
    const customer = customerOf(v, leg.media, leg.direction);
    if (customer.ani || customer.email) next.customer = customer;
    return this.#put(next);
  }

  #end(leg: Leg, at: number, closed: boolean): TrackerChange[] {
    if (leg.phase === "ended") {
      if (!closed) return [];
      this.forget(leg.interactionId);
      return [{ leg, closed: true }];
    }
    const next: Leg = { ...leg, phase: "ended", held: false, endedAt: at };
    if (closed) {
      this.forget(leg.interactionId);
      return [{ leg: next, closed: true }];
    }
    return this.#putEnded(next);
  }

  /** `eAgentContact`: the host's full picture of one task, e.g. after a desktop reload. */
  #rehydrate(v: ContactView, existing: Leg | undefined, me: string | undefined, at: number): TrackerChange[] {
    const state = (text(v.interaction.state) ?? "").toLowerCase();
    const terminated = v.interaction.isTerminated === true || ["wrapup", "ended", "terminated", "closed"].includes(state);
    const consult = v.data.isConsulted === true && !this.#ownedBy(v, me);
    const phase: LegPhase = terminated ? "ended" : state === "new" || state === "offered" ? "offered" : "connected";
    if (existing) {
      if (phase === "ended") return this.#end(existing, at, false);
      if (phase === "connected") return this.#connect(existing, v, at, consult ? "consult" : "main");
      return this.#refresh(existing, v);
    }
    return this.#learnt(v, me, phase, at);
  }

  /** A leg first seen in a later phase than its offer: it carries `rehydrated`. */
  #learnt(v: ContactView, me: string | undefined, phase: LegPhase, at: number): TrackerChange[] {
    const consult = v.data.isConsulted === true && !this.#ownedBy(v, me);
    const leg = this.#create(v, me, consult ? "consult" : "main", phase, num(v.interaction.createdTimestamp) ?? at);
    leg.rehydrated = true;
    if (phase !== "ended") return this.#put(leg);
    leg.endedAt = at;
    return this.#putEnded(leg);
  }

  #put(leg: Leg): TrackerChange[] {
    this.#legs.set(leg.interactionId, leg);
    return [{ leg, closed: false }];
  }

  /** An ended leg is kept for late duplicates and snapshots, the oldest dropped past the bound. */
  #putEnded(leg: Leg): TrackerChange[] {
    const changes = this.#put(leg);
    this.#endedOrder.push(leg.interactionId);
    while (this.#endedOrder.length > MAX_ENDED_KEPT) this.#legs.delete(this.#endedOrder.shift() as string);
    return changes;
  }
}
