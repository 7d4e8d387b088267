/** @jest-environment node */
/**
 * The repository carries its own contract and facts (issue 12): nothing in it points at files a
 * clone does not contain, every `docs/reference/…` file and section that code cites exists, code
 * cites the Webex/SAP facts only through docs/reference/, every "contract §N" in code names a
 * section of docs/contract.md, and every relative link in the Markdown files resolves.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(__dirname, "../..");

/** Built from pieces so that this file does not itself contain what it looks for. */
const OUTSIDE = [["..", "shared"].join("/"), ["shared", "reference"].join("/"), ["shared", "spec"].join("/")];

const TEXT = /\.(ts|js|cjs|mjs|json|md|html|css|yml|yaml|txt|sh)$|(^|\/)(\.ci\/run|\.gitignore|\.npmrc)$/;
const CODE = /\.(ts|js|cjs|mjs|html|css)$/;

/** Tracked files plus new ones not ignored; a walk of the tree when git is unavailable. */
function repositoryFiles(): string[] {
  try {
    const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
    return out.split("\n").filter((f) => f !== "" && existsSync(join(ROOT, f)));
  } catch {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === "node_modules" || name === "dist" || name === ".git") continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(ROOT, path));
      }
    };
    walk(ROOT);
    return files;
  }
}

/** Lines that point outside the repository. */
export function outsidePointers(text: string): string[] {
  return text.split("\n").filter((line) => OUTSIDE.some((p) => line.includes(p)));
}

export interface Citation {
  file: string;
  sections: string[];
}

/**
 * `docs/reference/<file>.md` citations with the sections after them: "§2.5–2.7", "§1.4, §1.6",
 * "§3.6/3.7" and "§4.1 and §4.2" each give every number named.
 */
export function referenceCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const re = /docs\/reference\/([\w.-]+\.md)((?:\s*(?:,|–|-|\/|and)?\s*§\s?\d+(?:\.\d+)?(?:\s*(?:–|-|\/)\s*\d+(?:\.\d+)?)?)*)/g;
  for (const m of text.matchAll(re)) {
    out.push({ file: m[1] as string, sections: [...(m[2] ?? "").matchAll(/\d+(?:\.\d+)?/g)].map((n) => n[0]) });
  }
  return out;
}

/**
 * Source labels in code that do not go through docs/reference/: a fact file named alone
 * ("reference sap-cti.md §2") or a section of "the reference" without its file ("reference §3.6").
 */
export function bareFactLabels(text: string): string[] {
  const files = [...text.matchAll(/(\S*)(webex-desktop|sap-cti)\.md/g)].filter((m) => !(m[1] ?? "").endsWith("docs/reference/")).map((m) => m[0]);
  const sections = [...text.matchAll(/\breference:?\s*\(?§\s?[\d.]+/gi)].map((m) => m[0]);
  return [...files, ...sections];
}

/** "contract §N" / "contract (§N)" section numbers cited in code. */
export function contractSections(text: string): string[] {
  return [...text.matchAll(/contract(?:\.md)?\s*\(?§\s?(\d+(?:\.\d+)?)/gi)].map((m) => m[1] as string);
}

/** Whether a Markdown file has a heading numbered `n` ("## 4." or "### 4.1 …"). */
export function hasSection(markdown: string, n: string): boolean {
  const escaped = n.replace(/\./g, "\\.");
  return new RegExp(`^#{2,4} ${escaped}(\\.|\\s)`, "m").test(markdown);
}

describe("the checks themselves", () => {
  it("find what they look for", () => {
    expect(outsidePointers(`see ${OUTSIDE[0]}/spec/contract.md\nfine\nalso ${OUTSIDE[1]}/x.md`)).toHaveLength(2);
    expect(referenceCitations("a (docs/reference/sap-cti.md §2–5) b docs/reference/webex-desktop.md §1.4, §1.6 and docs/reference/x.md")).toEqual([
      { file: "sap-cti.md", sections: ["2", "5"] },
      { file: "webex-desktop.md", sections: ["1.4", "1.6"] },
      { file: "x.md", sections: [] },
    ]);
    expect(referenceCitations("(docs/reference/webex-desktop.md §4.3/4.4)")).toEqual([{ file: "webex-desktop.md", sections: ["4.3", "4.4"] }]);
    expect(bareFactLabels("(reference sap-cti.md §4.1, S7) and docs/reference/webex-desktop.md §2, (reference §3.6)")).toEqual(["sap-cti.md", "reference §3.6"]);
    expect(contractSections("(contract §6) and Contract §7 robustness, (contract (§5))")).toEqual(["6", "7", "5"]);
    expect(hasSection("# T\n## 4. Mashup\n### 4.1 Pane\n", "4")).toBe(true);
    expect(hasSection("# T\n## 4. Mashup\n### 4.1 Pane\n", "4.1")).toBe(true);
    expect(hasSection("# T\n## 4. Mashup\n### 4.1 Pane\n", "4.2")).toBe(false);
  });
});

describe("the repository is self-contained", () => {
  // This file is left out: its own examples above are what the checks must find.
  const self = relative(ROOT, __filename).split("\\").join("/");
  const files = repositoryFiles().filter((f) => TEXT.test(f) && !f.startsWith("node_modules/") && f !== self);
  const read = (f: string) => readFileSync(join(ROOT, f), "utf8");

  it("walks a plausible set of files", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/contract.md", "docs/reference/webex-desktop.md", "docs/reference/sap-cti.md", "cli/main.ts"]));
  });

  it("points at nothing outside it", () => {
    const found = files.flatMap((f) => outsidePointers(read(f)).map((line) => `${f}: ${line.trim()}`));
    expect(found).toEqual([]);
  });

  it("every docs/reference file and section cited exists", () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const c of referenceCitations(read(f))) {
        const path = join(ROOT, "docs/reference", c.file);
        if (!existsSync(path)) {
          missing.push(`${f}: docs/reference/${c.file}`);
          continue;
        }
        const doc = readFileSync(path, "utf8");
        for (const n of c.sections) if (!hasSection(doc, n)) missing.push(`${f}: docs/reference/${c.file} §${n}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("code cites the Webex and SAP facts only through docs/reference/", () => {
    const bare = files.filter((f) => CODE.test(f)).flatMap((f) => bareFactLabels(read(f)).map((l) => `${f}: ${l}`));
    expect(bare).toEqual([]);
  });

  it("every contract section cited in code exists in docs/contract.md", () => {
    const contract = read("docs/contract.md");
    const missing = files
      .filter((f) => CODE.test(f))
      .flatMap((f) => contractSections(read(f)).filter((n) => !hasSection(contract, n)).map((n) => `${f}: contract §${n}`));
    expect(missing).toEqual([]);
  });

  it("every relative link in the Markdown files resolves", () => {
    const broken: string[] = [];
    for (const f of files.filter((name) => name.endsWith(".md"))) {
      for (const m of read(f).matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(f), target))) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
