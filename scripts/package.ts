// npm run package: builds, then writes the store uploads to out/:
//   backstory-chrome-<version>.zip   dist/chrome (Chrome Web Store, Edge Add-ons)
//   backstory-firefox-<version>.zip  dist/firefox (addons.mozilla.org)
//   backstory-source-<version>.zip   the tracked files needed to rebuild, for Firefox review
// Every zip is reproducible: the same commit gives the same bytes (sorted entries, one fixed
// timestamp, fixed permissions, no extra fields, fflate's deterministic deflate).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type Zippable, zipSync } from "fflate";
import { build } from "./build.ts";

const ROOT = new URL("../", import.meta.url).pathname;

/**
 * 1980-01-01 00:00:00, the earliest time a zip (DOS) timestamp can hold. fflate reads the
 * local-time fields of the Date, so it is made in local time: the same bytes in every zone.
 */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3; // "version made by" host: Unix, so the permission bits below are read
const FILE_MODE = 0o100644; // regular file, rw-r--r--
const EXEC_MODE = 0o100755; // regular file, rwxr-xr-x (only tracked executables, in the source zip)

export interface ZipFile {
  path: string;
  data: Uint8Array;
  executable?: boolean;
}

/** A zip of `files` whose bytes depend on nothing but their paths, contents and modes. */
export function deterministicZip(files: ZipFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Zippable = {};
  for (const file of sorted) {
    if (file.path in entries) throw new Error(`${file.path} is in the zip twice`);
    // Integer-like keys would be enumerated first, out of order (no such file names here).
    if (/^\d+$/.test(file.path)) throw new Error(`${file.path}: a zip path may not be a bare number`);
    entries[file.path] = [
      file.data,
      {
        level: 9,
        mtime: ZIP_TIME,
        os: UNIX,
        attrs: ((file.executable ? EXEC_MODE : FILE_MODE) << 16) >>> 0,
      },
    ];
  }
  return zipSync(entries);
}

/** Every file under `dir`, with paths relative to it (forward slashes). */
/** The Chrome build zipped as the store receives it (the bench reports its size). */
export function packedChromeBuild(dist = join(ROOT, "dist")): Uint8Array {
  return deterministicZip(filesUnder(join(dist, "chrome")).filter((f) => shippable(f.path)));
}

function filesUnder(dir: string): ZipFile[] {
  const out: ZipFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split(sep).join("/"), data: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

/** What a browser build ships: no source maps, no tests, no editor or OS litter. */
export function shippable(path: string): boolean {
  return !/(\.map|\.test\.[jt]sx?|\.DS_Store|Thumbs\.db)$/.test(path) && !/(^|\/)(test|__tests__)\//.test(path);
}

/** Tracked paths the source archive leaves out: tests and the README's pictures rebuild nothing. */
export function neededToRebuild(path: string): boolean {
  return !path.startsWith("test/") && !path.startsWith("docs/screenshots/");
}

function buildingNote(version: string): string {
  return `Building Backstory ${version} from this source
==============================================

Needs Node.js 20 or later and npm (10 or later), on any OS; nothing else is downloaded but the
npm packages pinned in package-lock.json. In this folder:

    npm ci
    npm run build

dist/firefox then holds exactly the files of backstory-firefox-${version}.zip (and dist/chrome
those of the Chrome zip). scripts/build.ts does all of it: it validates and compiles the
glossary (src/glossary/packs/*.json → glossary.json), bundles src/ with esbuild (minified, no
source maps; src/background, src/content, src/popup and src/options each become one file),
derives each browser's manifest.json from the one in this folder, and copies the locales,
pages, styles and icons. No code is generated or fetched at run time.
`;
}

/** The tracked files (git ls-files) the build needs, as they are in the working tree, and a BUILDING note. */
export function sourceFiles(version: string): ZipFile[] {
  const listing = execFileSync("git", ["ls-files", "-s", "-z"], { cwd: ROOT, encoding: "utf8" });
  const files: ZipFile[] = [];
  for (const line of listing.split("\0")) {
    if (!line) continue;
    const [info, path] = line.split("\t");
    const mode = info.split(" ")[0];
    if (mode === "160000" || !neededToRebuild(path)) continue; // submodules have no files here
    const full = join(ROOT, path);
    if (!existsSync(full)) throw new Error(`${path} is tracked but missing from the working tree`);
    files.push({ path, data: readFileSync(full), executable: mode === "100755" });
  }
  files.push({ path: "BUILDING.txt", data: new TextEncoder().encode(buildingNote(version)) });
  return files;
}

export interface Packages {
  version: string;
  /** Zip file paths by kind. */
  zips: { chrome: string; firefox: string; source: string };
  /** SHA-256 (hex) of each zip, by kind. */
  sha256: { chrome: string; firefox: string; source: string };
}

/** Builds into `dist` and writes the three zips to `out`. */
export async function packageAll({ dist = join(ROOT, "dist"), out = join(ROOT, "out") } = {}): Promise<Packages> {
  await build({ dist });
  const version: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  mkdirSync(out, { recursive: true });
  const contents = {
    chrome: filesUnder(join(dist, "chrome")).filter((f) => shippable(f.path)),
    firefox: filesUnder(join(dist, "firefox")).filter((f) => shippable(f.path)),
    source: sourceFiles(version),
  };
  const zips = {} as Packages["zips"];
  const sha256 = {} as Packages["sha256"];
  for (const kind of ["chrome", "firefox", "source"] as const) {
    const bytes = deterministicZip(contents[kind]);
    zips[kind] = join(out, `backstory-${kind}-${version}.zip`);
    writeFileSync(zips[kind], bytes);
    sha256[kind] = createHash("sha256").update(bytes).digest("hex");
  }
  return { version, zips, sha256 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
  if (dirty.trim())
    console.warn("Note: tracked files have uncommitted changes; the zips hold the working tree, not HEAD.");
  const untracked = execFileSync("git", ["ls-files", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((p) => p && neededToRebuild(p));
  if (untracked.length)
    console.warn(
      `Note: not in the source zip (untracked, so the build may not rebuild from it): ${untracked.join(", ")}`,
    );
  packageAll()
    .then(({ zips, sha256 }) => {
      for (const kind of ["chrome", "firefox", "source"] as const) {
        const size = (statSync(zips[kind]).size / 1024).toFixed(0);
        console.log(`${relative(ROOT, zips[kind])}  ${size} KB  sha256 ${sha256[kind]}`);
      }
    })
    .catch((error: Error) => {
      console.error(`Packaging failed. ${error.message}`);
      process.exit(1);
    });
}
