/** @jest-environment node */
/**
 * Issue 12: `npm start` as a person runs it — through npm, which runs the script through `sh -c`
 * (the script `exec`s node, so npm's forwarded signal reaches the server itself) — prints the four origins, the URL to open and how to stop; SIGTERM (and SIGINT) sent to the
 * npm process stops everything it started: within 5 s nothing answers on any of the four origins
 * and the server process is gone. PORT=0 picks free ports, so parallel runs do not collide;
 * `--no-build` serves the dist/ that `npm test` has just built instead of rewriting it under the
 * other tests' feet.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { ROOT } from "../../sandbox/server";

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Started {
  child: ChildProcess;
  out: () => string;
  origins: string[];
  url: string;
  pid: number;
}

async function start(): Promise<Started> {
  const child = spawn("npm", ["start", "--", "--no-build"], { cwd: ROOT, env: { ...process.env, PORT: "0", HOST: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  for (const end = Date.now() + 40_000; !/kill \d+\)/.test(out); await sleep(100)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`npm start did not come up:\n${out}`);
  }
  const origins = [...out.matchAll(/^ {2}.+? {2,}(http:\/\/\S+)$/gm)].map((m) => m[1]!);
  return { child, out: () => out, origins, url: /^Open (\S+)$/m.exec(out)![1]!, pid: Number(/kill (\d+)\)/.exec(out)![1]) };
}

/** "up" if the origin answers HTTP, "refused" if nothing listens there. */
function probe(origin: string): Promise<"up" | "refused" | "other"> {
  return new Promise((resolve) => {
    const req = request(`${origin}/sandbox/config.json`, { timeout: 1000 }, (res) => {
      res.resume();
      resolve("up");
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED" ? "refused" : "other"));
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopsWithin5s(s: Started, signal: NodeJS.Signals): Promise<void> {
  expect(await Promise.all(s.origins.map(probe))).toEqual(["up", "up", "up", "up"]);
  s.child.kill(signal);
  let states: string[] = [];
  for (const end = Date.now() + 5000; Date.now() < end; await sleep(100)) {
    states = await Promise.all(s.origins.map(probe));
    if (states.every((x) => x === "refused") && !alive(s.pid)) break;
  }
  expect({ origins: states, serverProcessAlive: alive(s.pid) }).toEqual({ origins: ["refused", "refused", "refused", "refused"], serverProcessAlive: false });
}

let running: Started | undefined;
afterEach(() => {
  // Never leave a server behind, whatever the test found.
  if (running && alive(running.pid)) process.kill(running.pid, "SIGKILL");
  running?.child.kill("SIGKILL");
  running = undefined;
});

test("npm start prints the four origins, the URL to open and how to stop", async () => {
  running = await start();
  const s = running;
  expect(s.origins).toHaveLength(4);
  const port = new URL(s.origins[0]!).port;
  expect(s.origins).toEqual([1, 2, 3, 4].map((n) => `http://127.0.0.${n}:${port}`));
  expect(s.out()).toContain(`  SAP sandbox + flow screen    http://127.0.0.1:${port}\n`);
  expect(s.out()).toContain(`  mashup (dist/sap-mashup/)    http://127.0.0.2:${port}\n`);
  expect(s.out()).toContain(`  Agent Desktop, Alice Martin  http://127.0.0.3:${port}\n`);
  expect(s.out()).toContain(`  Agent Desktop, Bruno Keller  http://127.0.0.4:${port}\n`);
  expect(s.url).toBe(`http://127.0.0.1:${port}/`);
  expect(s.out()).toContain(`Stop with Ctrl+C (or: kill ${s.pid}).`);
  await stopsWithin5s(s, "SIGTERM");
});

test("SIGTERM to the npm process: within 5 s the port is free on all four origins and no server process is left", async () => {
  running = await start();
  await stopsWithin5s(running, "SIGTERM");
});

test("SIGINT to the npm process does the same", async () => {
  running = await start();
  await stopsWithin5s(running, "SIGINT");
});

test("a PORT that is not a port number is refused with a message naming PORT", async () => {
  const child = spawn("npm", ["start", "--", "--no-build"], { cwd: ROOT, env: { ...process.env, PORT: "80a" }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  expect(code).not.toBe(0);
  expect(err).toContain('PORT: "80a" is not a port number (0–65535).');
});
