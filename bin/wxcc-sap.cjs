#!/usr/bin/env node
"use strict";
// Bin of the package: `npx wxcc-sap ...`. The CLI itself is bundled by `npm run build`
// (cli/main.ts -> dist/cli/wxcc-sap.cjs).
let cli;
try {
  cli = require("../dist/cli/wxcc-sap.cjs");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("wxcc-sap.cjs")) {
    process.stderr.write("wxcc-sap: not built yet: run \"npm run build\" in the connector's folder first\n");
    process.exit(1);
  }
  throw e;
}
cli.main();
