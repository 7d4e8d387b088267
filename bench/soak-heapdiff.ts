/**
 * Compares two V8 heap snapshots (e.g. the ones `bench/soak.ts --heap-snapshots DIR` writes at
 * its start and end samples): live objects grouped by type and constructor name, with the change
 * in count and in self size, largest growth first. For finding what grows in a soak.
 *
 *   npx tsx bench/soak-heapdiff.ts DIR/soak-start.heapsnapshot DIR/soak-end.heapsnapshot [--top 40] [--largest TYPE] [--retainers NAME [--via EDGE]]
 *
 * `--largest TYPE` (string, array, …): the largest nodes of that type found only in the second
 * snapshot, with the edge that holds each.
 * `--retainers NAME`: for objects of constructor NAME found only in the second snapshot (by node
 * id), the edge names and holder types that point at them, most frequent first.
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Group {
  count: number;
  size: number;
}

function load(path: string) {
  const s = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const width = nf.length;
  const iType = nf.indexOf("type");
  const iName = nf.indexOf("name");
  const iId = nf.indexOf("id");
  const iSize = nf.indexOf("self_size");
  const iEdges = nf.indexOf("edge_count");
  const types = s.snapshot.meta.node_types[0];
  const groups = new Map<string, Group>();
  const ids = new Map<number, number>(); // node id → node index
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType]!]!;
    const name = type === "object" || type === "closure" || type === "native" ? s.strings[s.nodes[i + iName]!]! : type === "string" || type === "concatenated string" || type === "sliced string" ? "(string)" : `(${type})`;
    const key = `${type}\t${name}`;
    const g = groups.get(key) ?? { count: 0, size: 0 };
    g.count++;
    g.size += s.nodes[i + iSize]!;
    groups.set(key, g);
    ids.set(s.nodes[i + iId]!, i);
  }
  return { s, groups, ids, width, iType, iName, iId, iEdges, types };
}

type Loaded = ReturnType<typeof load>;

/** Where each field of an edge sits in the snapshot's flat `edges` array. */
function edgeLayout(s: Snapshot) {
  const ef = s.snapshot.meta.edge_fields;
  return { ew: ef.length, eType: ef.indexOf("type"), eName: ef.indexOf("name_or_index"), eTo: ef.indexOf("to_node"), edgeTypes: s.snapshot.meta.edge_types[0] };
}

/** Every node's retainers (non-weak edges pointing at it), with the edge's name. */
function parentsOf({ s, width, iEdges }: Loaded): Map<number, { from: number; label: string }[]> {
  const { ew, eType, eName, eTo, edgeTypes } = edgeLayout(s);
  const parents = new Map<number, { from: number; label: string }[]>();
  let e = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const n = s.nodes[i + iEdges]!;
    for (let k = 0; k < n; k++, e += ew) {
      const et = edgeTypes[s.edges[e + eType]!]!;
      if (et === "weak") continue;
      const to = s.edges[e + eTo]!;
      const label = et === "element" || et === "hidden" ? `[${s.edges[e + eName]}]` : String(s.strings[s.edges[e + eName]!]);
      let list = parents.get(to);
      if (!list) parents.set(to, (list = []));
      list.push({ from: i, label });
    }
  }
  return parents;
}

/** One retainer chain from `start` towards the GC roots, preferring holders that are not V8-internal. */
function printChain(start: number, parents: Map<number, { from: number; label: string }[]>, nodeName: (i: number) => string, maxDepth: number, indent: string, counts: boolean): void {
  let cur = start;
  const seen = new Set<number>();
  for (let depth = 0; depth < maxDepth && !seen.has(cur); depth++) {
    seen.add(cur);
    const ps = parents.get(cur) ?? [];
    const p = ps.find((x) => !seen.has(x.from) && !nodeName(x.from).startsWith("hidden")) ?? ps.find((x) => !seen.has(x.from));
    if (!p) break;
    process.stdout.write(`${indent}${"  ".repeat(depth)}← ${nodeName(p.from)} .${p.label}${counts ? `  (${ps.length} retainers)` : ""}\n`);
    cur = p.from;
  }
}

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith("--") && !/^\d+$/.test(x));
if (!a || !b) throw new Error("usage: soak-heapdiff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [--top N] [--retainers NAME]");
const topArg = process.argv.indexOf("--top");
const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 40;
const before = load(a);
const after = load(b);
const keys = new Set([...before.groups.keys(), ...after.groups.keys()]);
const rows = [...keys].map((k) => {
  const x = before.groups.get(k) ?? { count: 0, size: 0 };
  const y = after.groups.get(k) ?? { count: 0, size: 0 };
  return { k, dc: y.count - x.count, ds: y.size - x.size, count: y.count, size: y.size };
});
const total = (m: Map<string, Group>) => [...m.values()].reduce((t, g) => t + g.size, 0);
process.stdout.write(`self size: ${(total(before.groups) / 1048576).toFixed(2)} MB → ${(total(after.groups) / 1048576).toFixed(2)} MB\n`);
process.stdout.write("   Δcount     Δbytes     count      bytes  type/constructor\n");
for (const r of rows.sort((p, q) => q.ds - p.ds).slice(0, top)) {
  process.stdout.write(`${String(r.dc).padStart(9)} ${String(r.ds).padStart(10)} ${String(r.count).padStart(9)} ${String(r.size).padStart(10)}  ${r.k.replace("\t", " ")}\n`);
}
process.stdout.write("--- largest shrink\n");
for (const r of rows.sort((p, q) => p.ds - q.ds).slice(0, 10)) {
  process.stdout.write(`${String(r.dc).padStart(9)} ${String(r.ds).padStart(10)} ${String(r.count).padStart(9)} ${String(r.size).padStart(10)}  ${r.k.replace("\t", " ")}\n`);
}

// `--largest TYPE` (e.g. string, array): the largest such nodes only in the second snapshot, with what holds them.
const largestArg = process.argv.indexOf("--largest");
if (largestArg > 0) {
  const wanted = process.argv[largestArg + 1] ?? "string";
  const { s, width, iType, iId, iEdges, types } = after;
  const iSize = s.snapshot.meta.node_fields.indexOf("self_size");
  const iName = s.snapshot.meta.node_fields.indexOf("name");
  const { ew, eType, eName, eTo, edgeTypes } = edgeLayout(s);
  const fresh = new Map<number, number>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const t = types[s.nodes[i + iType]!]!;
    if (t.includes(wanted) && !before.ids.has(s.nodes[i + iId]!)) fresh.set(i, s.nodes[i + iSize]!);
  }
  const holder = new Map<number, string>();
  let e = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const n = s.nodes[i + iEdges]!;
    for (let k = 0; k < n; k++, e += ew) {
      const to = s.edges[e + eTo]!;
      if (!fresh.has(to) || holder.has(to)) continue;
      const et = edgeTypes[s.edges[e + eType]!]!;
      const label = et === "element" || et === "hidden" ? `[${s.edges[e + eName]}]` : String(s.strings[s.edges[e + eName]!]);
      holder.set(to, `${types[s.nodes[i + iType]!]}:${String(s.strings[s.nodes[i + iName]!]).slice(0, 40)} .${label}`);
    }
  }
  const total = [...fresh.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`--- ${fresh.size} new ${wanted} nodes, ${total} bytes; largest:\n`);
  const largest = [...fresh].sort((p, q) => q[1] - p[1]).slice(0, 12);
  for (const [i, size] of largest) {
    process.stdout.write(`${String(size).padStart(9)}  ${JSON.stringify(String(s.strings[s.nodes[i + iName]!]).slice(0, 60))}  held by ${holder.get(i) ?? "?"}\n`);
  }
  // The retainer chain of the largest three, towards the GC roots.
  const parents = parentsOf(after);
  const nodeName = (i: number) => `${types[s.nodes[i + iType]!]}:${String(s.strings[s.nodes[i + iName]!]).slice(0, 40)}`;
  for (const [start] of largest.slice(0, 3)) {
    process.stdout.write(`  chain of the ${fresh.get(start)}-byte node:\n`);
    printChain(start, parents, nodeName, 14, "    ", false);
  }
}

const retArg = process.argv.indexOf("--retainers");
if (retArg > 0) {
  const name = process.argv[retArg + 1]!;
  const { s, width, iType, iName, iId, iEdges, types } = after;
  const { ew, eType, eName, eTo, edgeTypes } = edgeLayout(s);
  const nodeName = (i: number) => `${types[s.nodes[i + iType]!]}:${s.strings[s.nodes[i + iName]!]}`;
  const fresh = new Set<number>();
  for (let i = 0; i < s.nodes.length; i += width) {
    if (s.strings[s.nodes[i + iName]!] === name && !before.ids.has(s.nodes[i + iId]!)) fresh.add(i);
  }
  const holders = new Map<string, number>();
  let e = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const n = s.nodes[i + iEdges]!;
    for (let k = 0; k < n; k++, e += ew) {
      const to = s.edges[e + eTo]!;
      if (!fresh.has(to)) continue;
      const et = edgeTypes[s.edges[e + eType]!]!;
      const label = et === "element" || et === "hidden" ? `[${et}]` : s.strings[s.edges[e + eName]!];
      const key = `${nodeName(i)} .${label}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  process.stdout.write(`--- ${fresh.size} new ${name} objects, held by:\n`);
  for (const [k, n] of [...holders].sort((p, q) => q[1] - p[1]).slice(0, 20)) process.stdout.write(`${String(n).padStart(9)}  ${k}\n`);

  // `--via LABEL`: one retainer chain (towards the GC roots) for a new object held by an edge named LABEL.
  const viaArg = process.argv.indexOf("--via");
  if (viaArg > 0) {
    const via = process.argv[viaArg + 1]!;
    const parents = parentsOf(after);
    const start = [...fresh].find((n) => parents.get(n)?.some((p) => p.label === via));
    if (start === undefined) process.stdout.write(`no new ${name} held by .${via}\n`);
    else printChain(start, parents, nodeName, 25, "  ", true);
  }
}
