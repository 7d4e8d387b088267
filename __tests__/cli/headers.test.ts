/** @jest-environment node */
import { CliError } from "../../cli/common";
import { formatHeadersFile, formatNginx, headerSet, type HeaderOptions } from "../../cli/headers";

const opts: HeaderOptions = { sapOrigins: ["https://my123456.crm.ondemand.com"], desktop: "us1" };

const csp = (o: HeaderOptions) => {
  const value = headerSet(o).mashup.find(([n]) => n === "Content-Security-Policy")?.[1] ?? "";
  return Object.fromEntries(value.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
};

describe("headers", () => {
  it("lets the SAP tenant frame the mashup and the mashup frame only the Agent Desktop", () => {
    const d = csp({ ...opts, sapOrigins: ["https://my123456.crm.ondemand.com,https://my123456.eu10.crm.cloud.sap"] });
    expect(d["frame-ancestors"]).toBe("https://my123456.crm.ondemand.com https://my123456.eu10.crm.cloud.sap");
    expect(d["frame-src"]).toBe("https://desktop.wxcc-us1.cisco.com");
    expect(d["default-src"]).toBe("'none'");
    expect(d["script-src"]).toBe("'self'");
  });

  it("takes a Desktop URL, extra frame origins, and frames nothing in the alongside topology", () => {
    expect(csp({ ...opts, desktop: "https://desktop.wxcc-eu2.cisco.com/x", frameSrc: ["https://idp.example.com"] })["frame-src"]).toBe(
      "https://desktop.wxcc-eu2.cisco.com https://idp.example.com",
    );
    expect(csp({ sapOrigins: opts.sapOrigins })["frame-src"]).toBe("'none'");
  });

  it("serves widget.js as JavaScript, loadable cross-origin, without CORS", () => {
    const s = headerSet(opts);
    expect(s.widget).toContainEqual(["Content-Type", "text/javascript; charset=utf-8"]);
    expect(s.widget).toContainEqual(["Cross-Origin-Resource-Policy", "cross-origin"]);
    expect(s.widget.some(([n]) => n.startsWith("Access-Control-"))).toBe(false);
    expect(formatHeadersFile(s)).toMatch(/# CORS: not needed/);
  });

  it("prints a _headers file", () => {
    const text = formatHeadersFile(headerSet({ ...opts, prefix: "/wxcc" }));
    const lines = text.trimEnd().split("\n");
    expect(lines).toContain("/wxcc/sap-mashup/*");
    expect(lines).toContain("/wxcc/widget.js");
    expect(lines).toContain("  X-Content-Type-Options: nosniff");
    // Every line is a comment, a path, or one indented header.
    for (const l of lines) expect(l).toMatch(/^(#.*|\/\S*|  [A-Za-z-]+: .+)$/);
  });

  it("prints an nginx snippet", () => {
    const text = formatNginx(headerSet(opts));
    expect(text).toContain("location /sap-mashup/ {");
    expect(text).toContain("location = /widget.js {");
    expect(text).toMatch(/add_header Content-Security-Policy ".*frame-ancestors https:\/\/my123456\.crm\.ondemand\.com;.*" always;/);
    expect(text).toContain('default_type "text/javascript; charset=utf-8";');
  });

  it.each<[string, HeaderOptions, string]>([
    ["an SAP origin that is not an origin", { sapOrigins: ["https://my123456.crm.ondemand.com/path"] }, '--sap-origin: "https://my123456.crm.ondemand.com/path" is not an origin: it has a path, query or credentials'],
    ["no SAP origin", { sapOrigins: [] }, "--sap-origin is missing"],
    ["an unknown data center", { ...opts, desktop: "mars1" }, '--desktop: "mars1" is neither a data center (us1, eu1, eu2, anz1, ca1, jp1, sg1) nor an https URL'],
    ["a bad prefix", { ...opts, prefix: "wxcc" }, '--prefix: "wxcc" is not a URL path such as / or /wxcc/'],
  ])("refuses %s", (_n, o, message) => {
    expect(() => headerSet(o)).toThrow(CliError);
    expect(() => headerSet(o)).toThrow(message);
  });
});
