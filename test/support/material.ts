import { existsSync, readdirSync } from "node:fs";
import { describe, it } from "vitest";

/**
 * Test material kept beside the project (the seed article, the corpus of saved pages), read
 * through an environment variable. When it is missing, a developer's run skips the suites that
 * need it, saying so by name; a CI run (`CI` set) fails them instead, naming what is missing,
 * so that CI can never pass without having run them. Returns true when it is missing (the
 * caller then skips its suites with `describe.skipIf`).
 */
export function materialMissing(material: object, suite: string): boolean {
  if (!("missing" in material)) return false;
  const reason = String(material.missing);
  if (process.env.CI) {
    describe(suite, () => {
      it(`has its test material (CI is set): ${reason}`, () => {
        throw new Error(`${suite} cannot run: ${reason}`);
      });
    });
  } else {
    console.warn(`\n*** SKIPPING ${suite}: ${reason} ***\n`);
  }
  return true;
}

export const CORPUS_ENV = "BACKSTORY_CORPUS";

/** The saved news pages in $BACKSTORY_CORPUS (../shared/corpus/pages, set by .ci/run), or why there are none. */
export function corpusFiles(): { dir: string; files: string[] } | { missing: string } {
  const dir = process.env[CORPUS_ENV];
  if (!dir) return { missing: `${CORPUS_ENV} is not set: point it at ../shared/corpus/pages (.ci/run does).` };
  if (!existsSync(dir)) return { missing: `${CORPUS_ENV}=${dir} does not exist.` };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort();
  return files.length ? { dir, files } : { missing: `${CORPUS_ENV}=${dir} holds no .html pages.` };
}
