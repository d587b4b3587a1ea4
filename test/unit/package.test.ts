// npm run package: the same tree gives byte-for-byte the same zips, and each zip holds what
// its store expects. Builds twice into temporary folders (dist/ and out/ are left alone).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicZip, type Packages, packageAll } from "../../scripts/package.ts";

interface CentralEntry {
  path: string;
  madeBy: number;
  dosTime: number;
  dosDate: number;
  mode: number;
  extraLength: number;
  commentLength: number;
}

/** The central directory's entries, read straight from the bytes. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22; // no archive comment
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      madeBy: view.getUint8(at + 5),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      extraLength,
      commentLength,
      mode: view.getUint32(at + 38, true) >>> 16,
      path: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const work = mkdtempSync(join(tmpdir(), "backstory-package-"));
let first: Packages;
let second: Packages;
beforeAll(async () => {
  first = await packageAll({ dist: join(work, "a/dist"), out: join(work, "a/out") });
  second = await packageAll({ dist: join(work, "b/dist"), out: join(work, "b/out") });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run package", () => {
  it("writes the same bytes when built twice", () => {
    console.info(`package SHA-256: ${JSON.stringify(first.sha256, null, 1)}`);
    expect(second.sha256).toEqual(first.sha256);
    for (const kind of ["chrome", "firefox", "source"] as const) {
      expect(first.zips[kind]).toMatch(new RegExp(`backstory-${kind}-${first.version.replace(/\./g, "\\.")}\\.zip$`));
      expect(readFileSync(second.zips[kind]).equals(readFileSync(first.zips[kind]))).toBe(true);
    }
  });

  it("fixes every entry's order, time and mode, with no extra fields", () => {
    for (const kind of ["chrome", "firefox", "source"] as const) {
      const entries = centralDirectory(readFileSync(first.zips[kind]));
      const paths = entries.map((e) => e.path);
      expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : 1)));
      for (const e of entries) {
        expect(e.madeBy).toBe(3); // Unix
        expect([e.dosDate, e.dosTime]).toEqual([(0 << 9) | (1 << 5) | 1, 0]); // 1980-01-01 00:00:00
        expect([e.extraLength, e.commentLength]).toEqual([0, 0]);
        expect([0o100644, 0o100755]).toContain(e.mode);
      }
    }
  });

  it("puts the Chrome build at the zip's root: manifest.json, no source maps, no tests", () => {
    const files = unzipSync(readFileSync(first.zips.chrome));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(first.version);
    expect(manifest.background).toEqual({ service_worker: "background.js" });
    for (const file of ["background.js", "content.js", "popup.html", "options.html", "glossary/index.json"])
      expect(Object.keys(files)).toContain(file);
    expect(Object.keys(files).filter((p) => /\.map$|\.test\.|(^|\/)test\/|\.tsx?$/.test(p))).toEqual([]);
  });

  it("puts the Firefox build at its zip's root, with its gecko id and no source maps", () => {
    const files = unzipSync(readFileSync(first.zips.firefox));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.background).toEqual({ scripts: ["background.js"] });
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(Object.keys(files).filter((p) => /\.map$|\.tsx?$/.test(p))).toEqual([]);
  });

  it("archives the source to rebuild from: tracked build inputs and a BUILDING note, no tests", () => {
    const source = unzipSync(readFileSync(first.zips.source));
    const paths = Object.keys(source);
    for (const file of [
      "BUILDING.txt",
      "package.json",
      "package-lock.json",
      "manifest.json",
      "scripts/build.ts",
      "src/content/index.ts",
    ])
      expect(paths).toContain(file);
    expect(paths.some((p) => p.startsWith("src/glossary/packs/") && p.endsWith(".json"))).toBe(true);
    expect(paths.some((p) => p.startsWith("icons/") && p.endsWith(".png"))).toBe(true);
    expect(
      paths.filter((p) => p.startsWith("test/") || p.startsWith("node_modules/") || p.startsWith("dist/")),
    ).toEqual([]);
    const note = new TextDecoder().decode(source["BUILDING.txt"]);
    expect(note).toContain("npm ci");
    expect(note).toContain("npm run build");
    expect(note).toContain(`backstory-firefox-${first.version}.zip`);
  });

  it("zips deterministically whatever order the files come in", () => {
    const a = { path: "a.txt", data: new TextEncoder().encode("a") };
    const b = { path: "dir/b.txt", data: new TextEncoder().encode("b"), executable: true };
    expect(Buffer.from(deterministicZip([b, a])).equals(Buffer.from(deterministicZip([a, b])))).toBe(true);
  });
});
