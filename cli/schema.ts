/**
 * Validation of a desktop layout against cli/layout-schema.json (JSON Schema draft-07, ajv).
 * Each error names the JSON Pointer of the offending value, e.g.
 * `/agent/area/headless/widgets/comp1/script: must be an https URL of widget.js`.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import schema from "./layout-schema.json";

export const LAYOUT_SCHEMA = schema;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    // Annotation only: the message shown instead of ajv's generic one.
    ajv.addVocabulary(["x-error"]);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(e: ErrorObject): string {
  if (e.keyword === "required") {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return `${e.instancePath}/${escapePointer(missing)}: is missing`;
  }
  const custom = (e.parentSchema as Record<string, unknown> | undefined)?.["x-error"];
  const message = typeof custom === "string" ? custom : (e.message ?? "is invalid");
  return `${e.instancePath || "/"}: ${message}`;
}

/** Errors, most precise first, without duplicates; empty when the layout is valid. */
export function validateLayout(layout: unknown): string[] {
  const validate = validator();
  if (validate(layout)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "if");
  // Deeper paths first: the root cause, not the enclosing "must match" noise.
  errors.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
  return [...new Set(errors.map(describe))];
}
