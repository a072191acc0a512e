/**
 * manifest.xml against Microsoft's XSD schemas, offline (../shared/office-schemas), plus the
 * checks a schema can't make: every resid points at a resource, the shared runtime and the
 * functions namespace are wired, and the icons exist at the sizes the manifest names.
 */
import * as fs from "node:fs";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../scripts/validate-manifest.js") as {
  validateManifest(xml: string, fileName?: string): Promise<{ valid: boolean; errors: string[] }>;
};

const ROOT = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

test("manifest.xml is valid against the add-in manifest schemas", async () => {
  const { valid, errors } = await validateManifest(manifest);
  // On failure, Jest prints the schema's own messages (line and expected element).
  expect(errors).toEqual([]);
  expect(valid).toBe(true);
});

test("an invalid manifest is rejected with the schema's message", async () => {
  const withoutId = manifest.replace(/<Id>[^<]*<\/Id>/, "");
  const result = await validateManifest(withoutId);
  expect(result.valid).toBe(false);
  expect(result.errors.join("\n")).toMatch(/Version.*not expected.*Expected is.*Id/s);

  const badLifetime = manifest.replace('lifetime="long"', 'lifetime="forever"');
  expect((await validateManifest(badLifetime)).valid).toBe(false);
});

test("the built manifest (dist/) is valid too", async () => {
  const built = path.join(ROOT, "dist", "manifest.xml");
  expect(fs.existsSync(built)).toBe(true);
  expect((await validateManifest(fs.readFileSync(built, "utf8"))).errors).toEqual([]);
});

describe("wiring", () => {
  const urls = new Map([...manifest.matchAll(/<bt:Url id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const defined = new Set([...manifest.matchAll(/<bt:(?:Url|Image|String) id="([^"]+)"/g)].map((m) => m[1]));

  test("every resid refers to a defined resource", () => {
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  test("shared runtime: the runtime, the functions page and the task pane are the same page", () => {
    expect(manifest).toMatch(/<Runtime resid="Shared.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Shared.Url"\/>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Shared.Url"\/>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(urls.get("Shared.Url")).toBe("https://localhost:3000/taskpane.html");
    expect(urls.get("Functions.Script.Url")).toBe("https://localhost:3000/functions.js");
    expect(urls.get("Functions.Metadata.Url")).toBe("https://localhost:3000/functions.json");
  });

  test("custom functions live in the SEGMENT namespace; the button is on the Home tab", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SEGMENT"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  test("every icon the manifest names exists as a PNG of that size", () => {
    const images = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(new Set(images)).toEqual(new Set([16, 32, 64, 80]));
    for (const size of new Set(images)) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
