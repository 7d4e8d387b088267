/**
 * Keeps SAP in step with the widget's picture of the agent's conversations: each leg update and
 * each snapshot is turned into exactly the payloads SAP is still missing (no DOM, no window).
 */
import type { AgentState, EventBody, Leg, MessageOf } from "../channel/protocol";
import type { ActivityLedger } from "./activity-ledger";
import { DialBook } from "./click-to-dial";
import { legReferenceId } from "./reference-ids";
import type { NoticeKind } from "./notices";
import { legNeedsParser, newRecord, planLeg, type LegRecord, type Notice, type PayloadConfig, type SapAction, type SapPayload } from "./sap-payload";

export interface SapSyncHost {
  post(payload: SapPayload): void;
  notice(notice: Notice): void;
  /** The cause of these notices is gone: clear those with `cause` except the kinds in `keep`. */
  clear?(cause: string, keep: readonly NoticeKind[]): void;
  changed(): void;
}

const ACKED_ACTIONS: Record<string, SapAction[]> = {
  none: [],
  offered: ["NOTIFY"],
  connected: ["NOTIFY", "ACCEPT"],
  ended: ["NOTIFY", "ACCEPT", "END"],
};

export class SapSync {
  readonly dials = new DialBook();
  /** Legs the widget reported, open ones only, for the status area. */
  readonly legs = new Map<string, Leg>();
  agent: AgentState | undefined;
  selected: string | undefined;
  /** Notices already shown, per leg: a conversation's problem is said once, not on every update. */
  readonly #noticed = new Set<string>();
  /** ExternalReferenceID of the leg SAP last got a NOTIFY or ACCEPT for: the customer SAP shows in front. */
  #front: string | undefined;

  readonly #cfg: PayloadConfig;
  readonly #host: SapSyncHost;
  readonly #now: () => number;

  constructor(
    private readonly ledger: ActivityLedger,
    cfg: PayloadConfig,
    host: SapSyncHost,
    now: () => number = Date.now,
  ) {
    this.#cfg = cfg;
    this.#host = host;
    this.#now = now;
  }

  /**
   * The leg messages whose handling posted their leg's END: only those can take the END back
   * (`retractEnd`). A later copy of an ended leg (the widget says it again) posts nothing, and
   * taking the END back for it would have it posted a second time after a reload.
   */
  readonly #endedBy = new WeakSet<Leg>();

  leg(leg: Leg): void {
    const ref = legReferenceId(leg.interactionId, leg.agentId);
    let record = this.ledger.get(ref);
    if (!record?.activityUUID && (!record || record.posted.length === 0)) {
      const uuid = this.dials.claim(leg, this.#now(), this.#cfg.defaultCountry);
      if (uuid) record = { ...(record ?? newRecord(leg, this.#now())), activityUUID: uuid };
    }
    const plan = planLeg(leg, record, this.#cfg, this.#now());
    // SAP first (the screen pop is what the agent waits for), then the pane's notices.
    for (const p of plan.payloads) this.post(p);
    if (plan.payloads.some((p) => p.Action === "END")) this.#endedBy.add(leg);
    if (plan.payloads.length > 0 || plan.record !== record) this.ledger.put(plan.record);
    // A conversation that ended, or was planned again without a problem it had (its number was
    // fixed), takes its notices about that problem with it.
    const cause = `conv:${leg.interactionId}`;
    if (leg.phase === "ended") this.forget(ref, cause, []);
    else if (plan.payloads.length > 0) this.forget(ref, cause, plan.notices.map((n) => n.kind));
    // An ended conversation's problems ended with it: nothing left for the agent to do about them.
    if (leg.phase !== "ended") for (const n of plan.notices) this.noticeOnce(ref, n);
    if (leg.phase === "ended") this.legs.delete(leg.interactionId);
    else this.legs.set(leg.interactionId, leg);
    this.#host.changed();
  }

  /**
   * Whether handling this reads a number only the phone parser chunk can (phone.ts): a leg's, a
   * snapshot's legs', or — for a complete snapshot — those of the open legs it would END from what
   * the ledger kept. Pure: it only looks.
   */
  needsParser(m: MessageOf<"snapshot"> | EventBody): boolean {
    const needs = (leg: Leg | undefined) => leg !== undefined && legNeedsParser(leg, this.#cfg);
    if ("t" in m) return m.legs.some((l) => needs(l.leg)) || (m.complete && this.ledger.open().some((r) => needs(r.leg)));
    if (m.kind === "leg") return needs(m.leg);
    // Following the selection re-sends the leg's NOTIFY.
    return m.kind === "select" && needs(this.legs.get(m.interactionId));
  }

  snapshot(s: MessageOf<"snapshot">): void {
    this.agent = s.agent;
    this.selected = s.selectedInteractionId;
    const present = new Set<string>();
    this.legs.clear();
    for (const { leg, acked } of s.legs) {
      const ref = legReferenceId(leg.interactionId, leg.agentId);
      present.add(ref);
      // What the widget knows was acknowledged is what SAP has: remember it even if our own memory was lost.
      const known = ACKED_ACTIONS[acked] ?? [];
      if (known.length > 0) {
        const rec: LegRecord = this.ledger.get(ref) ?? newRecord(leg, this.#now());
        const posted = [...new Set([...rec.posted, ...known])];
        if (posted.length !== rec.posted.length) this.ledger.put({ ...rec, posted });
      }
      this.leg(leg);
    }
    if (s.complete) {
      // Legs SAP still has open that the desktop no longer lists ended while we could not hear it.
      for (const rec of this.ledger.open()) {
        if (present.has(rec.ref)) continue;
        if (s.agent.agentId && rec.agentId !== s.agent.agentId) continue;
        this.endMissing(rec);
      }
    }
    this.#host.changed();
  }

  /**
   * The agent selected a conversation in the desktop. With `follow`, SAP is brought to that
   * conversation's customer by re-sending the leg's NOTIFY (docs/follow-selection.md): the same
   * IDs, never a second ACCEPT, nothing for a leg SAP never saw or already closed, and nothing if
   * SAP already shows it.
   */
  select(interactionId: string, follow: boolean): void {
    this.selected = interactionId;
    if (follow) this.refocus(interactionId);
    this.#host.changed();
  }

  private refocus(interactionId: string): void {
    const leg = this.legs.get(interactionId);
    if (!leg || leg.phase === "ended") return;
    const ref = legReferenceId(leg.interactionId, leg.agentId);
    const rec = this.ledger.get(ref);
    if (ref === this.#front || !rec || !rec.posted.includes("NOTIFY") || rec.posted.includes("END")) return;
    // The NOTIFY this leg got when it was offered, rebuilt from what it is now; the ledger is not touched.
    const plan = planLeg({ ...leg, phase: "offered", rehydrated: undefined }, { ...rec, posted: [] }, this.#cfg, this.#now());
    const notify = plan.payloads.find((p) => p.Action === "NOTIFY");
    if (notify) this.post(notify);
  }

  private post(p: SapPayload): void {
    if (p.Action === "END") {
      if (p.ExternalReferenceID === this.#front) this.#front = undefined;
    } else this.#front = p.ExternalReferenceID;
    this.#host.post(p);
  }

  /**
   * The page is going away before the END of this leg was acknowledged: SAP may never have got it
   * (see END_ACK_GRACE_MS). Take it back out of the ledger, so the replay to the next mashup posts it.
   * Only when this very message posted the END: an END posted earlier was acknowledged long ago.
   */
  retractEnd(leg: Leg): void {
    if (leg.phase !== "ended" || !this.#endedBy.has(leg)) return;
    const rec = this.ledger.get(legReferenceId(leg.interactionId, leg.agentId));
    if (!rec || !rec.posted.includes("END")) return;
    this.ledger.put({ ...rec, posted: rec.posted.filter((a) => a !== "END") });
  }

  private forget(ref: string, cause: string, keep: NoticeKind[]): void {
    if (this.#noticed.size > 0) {
      for (const key of this.#noticed) if (key.startsWith(`${ref}|`) && !keep.some((k) => key.startsWith(`${ref}|${k}|`))) this.#noticed.delete(key);
    }
    this.#host.clear?.(cause, keep);
  }

  private noticeOnce(ref: string, n: Notice): void {
    const key = `${ref}|${n.kind}|${n.args.join("|")}`;
    if (this.#noticed.has(key)) return;
    this.#noticed.add(key);
    if (this.#noticed.size > 500) this.#noticed.delete(this.#noticed.values().next().value as string);
    this.#host.notice({ ...n, ref });
  }

  agentChanged(agent: AgentState): void {
    this.agent = agent;
    this.#host.changed();
  }

  private endMissing(rec: LegRecord): void {
    const leg = this.lastKnown(rec);
    if (!leg) return;
    const plan = planLeg({ ...leg, phase: "ended", endedAt: this.#now() }, rec, this.#cfg, this.#now());
    for (const p of plan.payloads) this.post(p);
    this.ledger.put(plan.record);
  }

  /** Enough of a leg to build its END from what the ledger kept. */
  private lastKnown(rec: LegRecord): Leg | undefined {
    const seen = this.legs.get(rec.interactionId);
    if (seen) return seen;
    return rec.leg;
  }
}
