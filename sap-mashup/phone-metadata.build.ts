/**
 * Writes sap-mashup/phone-metadata.json and sap-mashup/phone-countries.json from the installed
 * libphonenumber-js (see phone-metadata.ts). Run by `npm run build` before bundling; also runnable
 * alone: `npx tsx sap-mashup/phone-metadata.build.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { countryCodes, reducePhoneMetadata, type MinMetadata } from "./phone-metadata";

const here = dirname(fileURLToPath(import.meta.url));
export const PHONE_METADATA_FILE = join(here, "phone-metadata.json");
export const PHONE_COUNTRIES_FILE = join(here, "phone-countries.json");

function installedMinMetadata(): MinMetadata {
  const require_ = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require_.resolve("libphonenumber-js/metadata.min.json"), "utf8")) as MinMetadata;
}

function writeIfChanged(file: string, text: string): boolean {
  let old = "";
  try {
    old = readFileSync(file, "utf8");
  } catch {
    // first run
  }
  if (old === text) return false;
  writeFileSync(file, text);
  return true;
}

/** Writes both files from the installed libphonenumber-js; returns true if either changed. */
export function writePhoneMetadata(): boolean {
  const min = installedMinMetadata();
  const metadata = writeIfChanged(PHONE_METADATA_FILE, JSON.stringify(reducePhoneMetadata(min)) + "\n");
  const countries = writeIfChanged(PHONE_COUNTRIES_FILE, JSON.stringify(countryCodes(min)) + "\n");
  return metadata || countries;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writePhoneMetadata();
