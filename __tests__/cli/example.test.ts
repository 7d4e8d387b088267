/** @jest-environment node */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateLayout } from "../../cli/layout";
import { validateLayout } from "../../cli/schema";

/**
 * layout/desktop-layout.example.json is generated, never edited by hand. To regenerate:
 *   npx tsx cli/main.ts layout --widget-url https://connector.example.com/widget.js \
 *     --mashup-origin https://connector.example.com --out layout/desktop-layout.example.json
 */
const EXAMPLE = join(__dirname, "../../layout/desktop-layout.example.json");

describe("layout/desktop-layout.example.json", () => {
  const text = readFileSync(EXAMPLE, "utf8");

  it("is exactly what the generator writes", () => {
    const generated = generateLayout({ widgetUrl: "https://connector.example.com/widget.js", mashupOrigins: ["https://connector.example.com"] });
    expect(text).toBe(generated.text);
  });

  it("is accepted by the schema", () => {
    expect(validateLayout(JSON.parse(text))).toEqual([]);
  });
});
