/**
 * Writes sap-mashup/phone-metadata.json from the installed libphonenumber-js (see phone-metadata.ts).
 * Run by `npm run build` before bundling; also runnable alone: `npx tsx sap-mashup/phone-metadata.build.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reducePhoneMetadata, type MinMetadata } from "./phone-metadata";

const here = dirname(fileURLToPath(import.meta.url));
export const PHONE_METADATA_FILE = join(here, "phone-metadata.json");

function installedMinMetadata(): MinMetadata {
  const require_ = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require_.resolve("libphonenumber-js/metadata.min.json"), "utf8")) as MinMetadata;
}

/** Writes sap-mashup/phone-metadata.json from the installed libphonenumber-js; returns true if it changed. */
export function writePhoneMetadata(): boolean {
  const text = JSON.stringify(reducePhoneMetadata(installedMinMetadata())) + "\n";
  let old = "";
  try {
    old = readFileSync(PHONE_METADATA_FILE, "utf8");
  } catch {
    // first run
  }
  if (old === text) return false;
  writeFileSync(PHONE_METADATA_FILE, text);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writePhoneMetadata();
