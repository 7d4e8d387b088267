/** @jest-environment node */
/**
 * The build step that shrinks Lit's templates in the page (sap-mashup/lit-templates.build.ts):
 * what it changes, and everything it must leave as written.
 */
import { minifyLitTemplates } from "../../sap-mashup/lit-templates.build";

test("a css template is minified by esbuild's CSS minifier, comments and indentation gone", () => {
  const source = "export const s = css`\n  /* why */\n  :host {\n    display: block;\n    color: var(--sapTextColor);\n  }\n  .a, .b { margin: 0px 0px; }\n`;\n";
  expect(minifyLitTemplates(source)).toBe("export const s = css`:host{display:block;color:var(--sapTextColor)}.a,.b{margin:0}`;\n");
});

test("css templates with an interpolation or an escape, other tags, comments and strings are left as written", () => {
  const source = [
    "// css`  a comment  `",
    'const t = "css`  a string  `";',
    "const a = css`  :host { color: ${x}; }  `;",
    "const b = css`  .i::before { content: \"\\2022\"; }  `;",
    "const c = svg`\n  <g></g>\n`;",
    "const d = other.css`\n  :host { display: block; }\n`;",
  ].join("\n");
  expect(minifyLitTemplates(source)).toBe(source);
});

test("in an html template each run of white space with a line break becomes one space; expressions, attributes and other spaces stay", () => {
  const source = [
    "const v = html`<section>",
    "    <b>${a}</b>",
    "    <i title=${t}  class=\"x\">b\u00a0\n  c</i>${n ? html`<span>",
    "      x</span>` : nothing}",
    "  </section>`;",
  ].join("\n");
  expect(minifyLitTemplates(source)).toBe('const v = html`<section> <b>${a}</b> <i title=${t}  class="x">b\u00a0 c</i>${n ? html`<span> x</span>` : nothing} </section>`;');
});

test("an html template with <pre> or <textarea>, where white space shows, is left as written", () => {
  for (const source of ["const v = html`<pre>\n  a\n</pre>`;", "const v = html`<label>\n  <textarea .value=${x}></textarea>\n</label>`;"]) {
    expect(minifyLitTemplates(source)).toBe(source);
  }
});
