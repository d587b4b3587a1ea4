// Renders ../shared/seed/article.txt (read through BACKSTORY_SEED) as a news page for tests.
// The article is not ours: it is read at test time and never copied into the project.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SEED_ENV = "BACKSTORY_SEED";

/** The seed article's text, or null (with the reason) when BACKSTORY_SEED is unset or wrong. */
export function readSeedArticle(): { text: string } | { missing: string } {
  const dir = process.env[SEED_ENV];
  if (!dir)
    return {
      missing: `${SEED_ENV} is not set: point it at the folder holding article.txt (../shared/seed); .ci/run does.`,
    };
  const file = join(dir, "article.txt");
  if (!existsSync(file)) return { missing: `${SEED_ENV}=${dir} has no article.txt` };
  const text = readFileSync(file, "utf8");
  return text.trim() ? { text } : { missing: `${SEED_ENV}=${dir} has an empty article.txt` };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One paragraph per line, the first as the headline. As on real news sites, some names sit
 * inside links and emphasis, so mentions that span inline elements are exercised too.
 */
export function seedArticleHtml(text: string): string {
  const lines = text.split(/\n+/).filter((l) => l.trim());
  let linked = false;
  const body = lines
    .slice(1)
    .map((line) => {
      let html = escapeHtml(line);
      if (!linked && html.includes("Meng Wanzhou")) {
        html = html.replace("Meng Wanzhou", '<a href="#meng">Meng</a> Wanzhou');
        linked = true;
      }
      html = html.replace(/^SEOUL/, "<strong>SEOUL</strong>").replace("Xi Jinping", "<em>Xi Jinping</em>");
      return `<p>${html}</p>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Seed article</title></head>
<body><header>${escapeHtml(lines[0] ?? "")}</header><article>${body}</article></body></html>`;
}
