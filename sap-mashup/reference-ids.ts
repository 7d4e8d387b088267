/**
 * SAP's external IDs: 1–35 characters [A-Za-z0-9] (docs/reference/sap-cti.md §2).
 * Both are pure functions of Webex data, so a reloaded mashup or desktop derives the same ones.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const SAP_ID = /^[A-Za-z0-9]{1,35}$/;

export function isSapId(id: string): boolean {
  return SAP_ID.test(id);
}

function digest(text: string): string {
  // 128 bits: collision-free in practice, and 32 characters fit SAP's 35.
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 32).toUpperCase();
}

/** ExternalOriginalReferenceID: the same for every leg of one conversation. */
export function originalReferenceId(interactionId: string): string {
  // A Webex interaction id is a dashed UUID: without the dashes it is readable in both systems.
  const plain = interactionId.replace(/-/g, "").toUpperCase();
  return isSapId(plain) ? plain : digest(`conversation|${interactionId}`);
}

/** ExternalReferenceID: one per agent leg (interaction × agent). */
export function legReferenceId(interactionId: string, agentId: string): string {
  // Length-prefixed so no pair of ids can collide with another pair ("a|b"+"c" vs "a"+"b|c").
  return digest(`leg|${interactionId.length}|${interactionId}|${agentId}`);
}
