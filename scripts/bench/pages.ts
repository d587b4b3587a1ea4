// The pages measured: our demo pages, the seed article (BACKSTORY_SEED) and the corpus
// (BACKSTORY_CORPUS). Test material that is not ours is read from beside the project.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/chromium.ts";
import { readSeedArticle, seedArticleHtml } from "../lib/seed-page.ts";

export const CORPUS_ENV = "BACKSTORY_CORPUS";
const DEMO_DIR = join(ROOT, "test/fixtures/pages");

export interface BenchPage {
  name: string;
  /** Path on the bench server. */
  path: string;
  kind: "demo" | "seed" | "corpus";
}

export interface PageSet {
  pages: BenchPage[];
  /** Server mounts (prefix → directory) and generated pages (path → HTML). */
  mounts: Record<string, string>;
  generated: Record<string, string>;
  /** Why a source of pages was left out, to print. */
  notes: string[];
}

const htmlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort();

export function collectPages(quick: boolean): PageSet {
  const set: PageSet = { pages: [], mounts: {}, generated: {}, notes: [] };
  for (const f of htmlIn(DEMO_DIR)) set.pages.push({ name: f.replace(/\.html$/, ""), path: `/${f}`, kind: "demo" });

  const seed = readSeedArticle();
  if ("text" in seed) {
    set.generated["/seed/article.html"] = seedArticleHtml(seed.text);
    set.pages.push({ name: "seed-article", path: "/seed/article.html", kind: "seed" });
  } else {
    set.notes.push(`No seed article: ${seed.missing}`);
  }

  const corpus = process.env[CORPUS_ENV];
  if (quick) {
    set.notes.push("--quick: corpus pages left out.");
  } else if (!corpus) {
    set.notes.push(`No corpus: ${CORPUS_ENV} is not set (point it at ../shared/corpus/pages).`);
  } else if (!existsSync(corpus)) {
    set.notes.push(`No corpus: ${CORPUS_ENV}=${corpus} does not exist.`);
  } else {
    set.mounts["/corpus/"] = corpus;
    for (const f of htmlIn(corpus))
      set.pages.push({ name: f.replace(/\.html$/, ""), path: `/corpus/${f}`, kind: "corpus" });
  }
  // Our pages at the root, as the tests serve them (they link to each other by absolute path);
  // last, because the server tries mounts in order and "/" matches every path.
  set.mounts["/"] = DEMO_DIR;
  return set;
}
