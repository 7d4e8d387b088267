/** Origins as admins write them (contract §3 `mashup-origin`, §4 `sapOrigin`/`desktopOrigin`). */
import { parseOrigin, parseOriginList } from "../../channel/origins";

describe("parseOrigin", () => {
  test.each([
    ["https://my123456.crm.ondemand.com", "https://my123456.crm.ondemand.com"],
    // Serialised the way browsers report MessageEvent.origin: lower-case host, default port dropped.
    ["https://My123456.CRM.ondemand.com", "https://my123456.crm.ondemand.com"],
    ["HTTPS://example.com", "https://example.com"],
    ["https://example.com:443", "https://example.com"],
    ["http://example.com:80", "http://example.com"],
    ["https://example.com:8443", "https://example.com:8443"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["http://[::1]:8080", "http://[::1]:8080"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    // A trailing slash is the same origin; surrounding white space is not part of it.
    ["https://example.com/", "https://example.com"],
    ["  https://example.com  ", "https://example.com"],
  ])("%j → %j", (raw, origin) => {
    expect(parseOrigin(raw)).toEqual({ ok: true, origin });
  });

  test.each([
    ["https://example.com/path", "it has a path, query or credentials"],
    ["https://example.com/sap/index.html", "it has a path, query or credentials"],
    ["https://example.com?x=1", "it has a path, query or credentials"],
    ["https://example.com/?", "it has a path, query or credentials"],
    ["https://example.com#", "it has a path, query or credentials"],
    ["https://user@example.com", "it has a path, query or credentials"],
    ["https://user:secret@example.com", "it has a path, query or credentials"],
    ["https://example.com/.", "expected scheme://host[:port]"],
    ["https:example.com", "expected scheme://host[:port]"],
    ["https:///example.com", "expected scheme://host[:port]"],
    ["example.com", "expected scheme://host[:port]"],
    ["//example.com", "expected scheme://host[:port]"],
    ["*", "expected scheme://host[:port]"],
    ["null", "expected scheme://host[:port]"],
    ["", "expected scheme://host[:port]"],
    ["ftp://example.com", "is not an http(s) origin"],
    ["wss://example.com", "is not an http(s) origin"],
    ["javascript:alert(1)", "is not an http(s) origin"],
    ["data:text/html,hi", "is not an http(s) origin"],
    ["file:///etc/passwd", "is not an http(s) origin"],
    ["https://*.example.com", "wildcards are not supported"],
  ])("%j is refused (%s)", (raw, why) => {
    const r = parseOrigin(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(why);
      // The message quotes the value so the admin sees which one is wrong.
      expect(r.error).toContain(`"${raw.trim()}"`);
    }
  });
});

describe("parseOriginList", () => {
  test("commas and/or white space separate; duplicates (after normalisation) collapse; order is kept", () => {
    expect(parseOriginList(" https://b.example.com, https://A.example.com  https://b.example.com:443/\n,,http://localhost:3000 ", "sapOrigin")).toEqual({
      ok: true,
      origins: ["https://b.example.com", "https://a.example.com", "http://localhost:3000"],
    });
  });

  test.each([null, undefined, "", " ,  , "])("%j: the parameter is named as missing", (raw) => {
    expect(parseOriginList(raw, "mashup-origin")).toEqual({ ok: false, error: "mashup-origin is missing" });
  });

  test("one bad entry fails the whole list, naming the parameter and the entry", () => {
    expect(parseOriginList("https://ok.example.com https://bad.example.com/path", "sapOrigin")).toEqual({
      ok: false,
      error: 'sapOrigin: "https://bad.example.com/path" is not an origin: it has a path, query or credentials',
    });
    expect(parseOriginList("*", "mashup-origin")).toEqual({ ok: false, error: 'mashup-origin: "*" is not an origin (expected scheme://host[:port])' });
  });
});
