/** Globals that every target browser (and Node 20) has but jest's test realms lack. */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

/**
 * jest 29 runs tests in a fresh realm whose Symbol lacks the explicit-resource-management symbols
 * Node 20 provides (as Symbol.for("nodejs.dispose") / ("nodejs.asyncDispose")); playwright-core
 * uses them, and without them its frame locators fail with "Object not disposable".
 */
const S = Symbol as unknown as Record<string, symbol>;
S.dispose ??= Symbol.for("nodejs.dispose");
S.asyncDispose ??= Symbol.for("nodejs.asyncDispose");
