/**
 * `npm start`: builds the product bundles and the sandbox pages, then serves the sandbox — all in
 * this one Node process, so stopping it (Ctrl+C, or SIGTERM/SIGINT sent to `npm start`) stops
 * everything it started and frees the port. npm runs the script through `sh -c`; the script
 * `exec`s node, so the shell is replaced by this process and the signal npm forwards (npm passes
 * SIGTERM and SIGINT on to its child) reaches the server itself, not a shell that ignores it.
 * Should this process ever lose its parent anyway (the shell killed without passing the signal on),
 * it notices and stops too, rather than keep answering on the port.
 *
 * Options: `--no-build` serves the product bundles already in dist/ (faster restarts); the small
 * sandbox page scripts are always rebuilt.
 * Environment: PORT (default 8080; 0 picks a free one), HOST (see sandbox/server.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildSandbox } from "./build";
import { PortBusyError, ROOT, startSandbox, type Sandbox } from "./server";

function portFromEnv(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === "") return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`PORT: "${raw}" is not a port number (0–65535).`);
    process.exit(2);
  }
  return port;
}

/** What `npm start` prints: the four origins, the emulated Webex CC cloud, the one URL to open, and how to stop. */
export function banner(s: Sandbox): string {
  const c = s.config;
  const rows: [string, string][] = [
    ["SAP sandbox + flow screen", c.sap],
    ["mashup (dist/sap-mashup/)", c.mashup],
    ...c.agents.map((a, i): [string, string] => [`Agent Desktop, ${a.agentName}`, c.desktops[i] ?? ""]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    "Webex Contact Center ↔ SAP connector — local sandbox",
    "",
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    "",
    `Webex in SAP (no Agent Desktop): ${c.cloudAgents.map((a) => a.agentName).join(", ")}'s SAP page ${c.sap}/sap?agent=3 — "Sign in with Webex", pick her on the identity stand-in, then team and dial number in the widgets; emulated Webex CC cloud: service catalog ${c.webexCloud.sdkConfig.services.discovery.u2c}, sign-in ${c.webexCloud.authorizeUrl}`,
    `Both at once (agent 1 in the Agent Desktop and in the Webex in SAP pane): ${c.sap}/sap?agent=1&topology=webex in another tab, sign in as ${c.agents[0]!.agentName}: one SAP tab posts, the other stands by`,
    `Open ${s.url}`,
    `Setup check (SAP admin): ${c.sap}/sap?agent=1&check=on (tenant variants: add &tenant=xml-only,end-direction,no-refocus)`,
    `Stop with Ctrl+C (or: kill ${process.pid}).`,
  ].join("\n");
}

async function main(): Promise<void> {
  const port = portFromEnv();
  const unknown = process.argv.slice(2).filter((a) => a !== "--no-build");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown[0]}. Usage: npm start [-- --no-build]`);
    process.exit(2);
  }
  if (!process.argv.includes("--no-build")) {
    console.log("Building dist/ and the sandbox pages…");
    const { buildAll } = (await import("../esbuild.config")) as typeof import("../esbuild.config");
    await buildAll();
  } else if (!existsSync(join(ROOT, "dist", "widget.js")) || !existsSync(join(ROOT, "dist", "sap-mashup", "index.html"))) {
    console.error("--no-build: dist/ has not been built yet. Run npm start without it once (or npm run build).");
    process.exit(1);
  }
  await buildSandbox();
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ port, host: process.env.HOST || undefined });
  } catch (e) {
    console.error(e instanceof PortBusyError ? e.message : `The sandbox did not start: ${(e as Error)?.message ?? String(e)}`);
    process.exit(1);
  }
  console.log(banner(sandbox));
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping the sandbox…`);
    // Exit even if a connection refuses to close in time.
    setTimeout(() => process.exit(0), 2000).unref();
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGHUP"));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("npm start went away");
  }, 500).unref();
}

void main().catch((e: unknown) => {
  console.error(`npm start failed: ${(e as Error)?.stack ?? String(e)}`);
  process.exit(1);
});
