// Builds dist/chrome and dist/firefox from one source manifest: validates and compiles the
// glossary, bundles each execution context with esbuild, and prints the bundle sizes.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { MARK_CSS } from "../src/content/mark-style.ts";
import { compileGlossary } from "../src/glossary/compile.ts";
import type { Entry } from "../src/glossary/schema.ts";
import { glossaryFiles, INDEX_FILE } from "../src/glossary/shards.ts";
import { lintBundledGlossary } from "./lib/lint-bundled.ts";
import { namePartsOf, wordNamesOf } from "./lib/name-risk.ts";
import { writeJsonSchema } from "./lib/write-json-schema.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
export const GECKO_ID = "backstory@backstory-extension.org";

type Target = "chrome" | "firefox";

/** The files whose gzipped size the build prints (and returns). */
const BUNDLES_REPORTED = ["content.js", "card.js", "background.js", "popup.js", INDEX_FILE];

function manifestFor(target: Target): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
  manifest.version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  if (target === "chrome") {
    // The CSS Custom Highlight API, Backstory's only way to mark (docs/decisions/highlighting-vs-wrapping.md).
    manifest.minimum_chrome_version = "105";
    // scripting.executeScript (card.js, injected at a frame's first hover) needs host
    // permissions in Chrome, where content-script matches do not count; the same sites, so no
    // new install warning. Firefox counts the matches of an MV3 content script as granted host
    // permissions and injects with `scripting` alone (docs/decisions/lazy-card.md).
    // Chrome's storage.local holds 10 MB unless the extension has unlimitedStorage, which Chrome
    // will not grant as an optional permission ("cannot be listed as optional"): a large import
    // or a feed, updated in the background with no click to ask in, needs it from the start.
    // It carries no install warning. Firefox's storage.local is bounded only by its IndexedDB
    // quota, so its build does without.
    manifest.permissions = [...manifest.permissions, "unlimitedStorage"];
    manifest.host_permissions = [
      ...new Set(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches)),
    ];
  }
  if (target === "firefox") {
    // Firefox has no extension service worker; the Highlight API arrived in Firefox 140.
    manifest.background = { scripts: ["background.js"] };
    manifest.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: "140.0", data_collection_permissions: { required: ["none"] } },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: "142.0" },
    };
    // Chrome's per-session URL keeps pages from probing for the file; Firefox's extension URLs
    // already carry a random per-install uuid, and its manifest has no such key.
    for (const w of manifest.web_accessible_resources) delete w.use_dynamic_url;
  }
  return manifest;
}

/**
 * Preact's one innerHTML assignment serves `dangerouslySetInnerHTML`, which Backstory never
 * uses; web-ext lint (UNSAFE_VAR_ASSIGNMENT) and add-on review flag it all the same. This
 * replaces it with a throw, and fails the build if a Preact upgrade moves it.
 */
const noInnerHtml: esbuild.Plugin = {
  name: "no-inner-html",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const assignment = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
      const found = source.match(assignment)?.length ?? 0;
      if (found !== 1 || source.split(".innerHTML=").length !== 2)
        throw new Error(`${args.path}: expected exactly one innerHTML assignment to patch, found ${found}`);
      const contents = source.replace(
        assignment,
        '(()=>{throw new Error("Backstory: dangerouslySetInnerHTML is not supported")})()',
      );
      return { contents, loader: "js" };
    });
  },
};

async function bundle(target: Target, outdir: string) {
  await esbuild.build({
    entryPoints: {
      background: join(ROOT, "src/background/index.ts"),
      content: join(ROOT, "src/content/index.ts"),
      // The card's code, injected into a frame at its first hover (src/content/card-loader.ts).
      card: join(ROOT, "src/card/main.ts"),
      popup: join(ROOT, "src/popup/main.tsx"),
      options: join(ROOT, "src/options/main.tsx"),
    },
    outdir,
    bundle: true,
    format: "iife",
    minify: !process.env.BACKSTORY_READABLE_BUILD,
    legalComments: "none",
    target: target === "chrome" ? "chrome120" : "firefox140",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
    plugins: [noInnerHtml],
    // Reproducible output: no absolute paths, no timestamps.
    sourcemap: false,
  });
}

/**
 * Builds both browsers into `dist` (default dist/). `writeDocs` also refreshes
 * docs/glossary.schema.json; a build elsewhere (the packaging test's) leaves the tree alone.
 */
export async function build({
  dist = DIST,
  writeDocs = dist === DIST,
  extraEntries = [],
  targets = ["chrome", "firefox"],
}: {
  dist?: string;
  writeDocs?: boolean;
  /** Entries shipped after the bundled packs' (the bench's large glossaries); not linted. */
  extraEntries?: readonly Entry[];
  targets?: readonly Target[];
} = {}): Promise<Record<string, number>> {
  const { loaded: packs, problems } = lintBundledGlossary();
  if (problems.length) {
    throw new Error(`The glossary has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  }
  const entries = [...packs.flatMap((p) => p.entries), ...extraEntries];
  const glossary = compileGlossary(
    entries,
    [
      ...packs.map((p) => ({ id: p.pack, title: p.title, entryIds: p.entries.map((e) => e.id) })),
      ...(extraEntries.length ? [{ id: "bench", title: "Bench", entryIds: extraEntries.map((e) => e.id) }] : []),
    ],
    wordNamesOf(entries),
    namePartsOf(packs),
  );
  const sizes: Record<string, number> = {};
  rmSync(dist, { recursive: true, force: true });
  if (writeDocs) writeJsonSchema(ROOT, "docs");
  for (const target of targets) {
    const out = join(dist, target);
    mkdirSync(join(out, "icons"), { recursive: true });
    await bundle(target, out);
    writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifestFor(target), null, 2)}\n`);
    for (const [file, text] of glossaryFiles(glossary)) {
      mkdirSync(join(out, dirname(file)), { recursive: true });
      writeFileSync(join(out, file), text);
    }
    writeFileSync(join(out, "content.css"), MARK_CSS);
    cpSync(join(ROOT, "src/_locales"), join(out, "_locales"), { recursive: true });
    cpSync(join(ROOT, "src/popup/index.html"), join(out, "popup.html"));
    cpSync(join(ROOT, "src/popup/popup.css"), join(out, "popup.css"));
    cpSync(join(ROOT, "src/options/index.html"), join(out, "options.html"));
    cpSync(join(ROOT, "src/options/options.css"), join(out, "options.css"));
    writeJsonSchema(out, ".");
    for (const size of [16, 32, 48, 128])
      cpSync(join(ROOT, `icons/icon-${size}.png`), join(out, `icons/icon-${size}.png`));
    if (target === "chrome") {
      for (const file of BUNDLES_REPORTED) {
        sizes[file] = gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
      }
    }
  }
  return { ...sizes, entries: glossary.entries.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build()
    .then((sizes) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `Built dist/chrome and dist/firefox: ${sizes.entries} glossary entries; gzipped ` +
          BUNDLES_REPORTED.map((f) => `${f} ${kb(sizes[f])}`).join(", "),
      );
    })
    .catch((error: Error) => {
      console.error(`Build failed. ${error.message}`);
      process.exit(1);
    });
}
