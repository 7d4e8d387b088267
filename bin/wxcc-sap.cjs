#!/usr/bin/env node
"use strict";
// Bin of the package: `npx wxcc-sap ...`. The CLI itself is bundled by `npm run build`
// (cli/main.ts -> dist/cli/wxcc-sap.cjs).
require("../dist/cli/wxcc-sap.cjs").main();
