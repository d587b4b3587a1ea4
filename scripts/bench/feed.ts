// A feed of the whole bundled glossary (issue 14), in the shipped extension: its size, and how
// long subscribing (fetch, verify, validate, store), a check that applies a new version, and a
// check that finds nothing new take in the worker, timed from the options page that asks.
import type { ExtensionBrowser } from "../lib/chromium.ts";
import { newFeedKeys, publishFeed } from "../lib/feed-publish.ts";
import { readPacks } from "../lib/read-packs.ts";
import type { StaticServer } from "../lib/serve.ts";

export interface FeedCost {
  bytes: number;
  packs: number;
  entries: number;
  subscribeMs: number;
  updateMs: number;
  unchangedMs: number;
}

export async function feedCost(
  ext: ExtensionBrowser,
  server: StaticServer,
  log: (line: string) => void,
): Promise<FeedCost> {
  const keys = newFeedKeys();
  const publish = (version: number) => {
    const result = publishFeed(
      readPacks(),
      { id: "backstory-bundled", title: "Backstory glossary", publisher: "Backstory bench", version },
      keys.privatePem,
    );
    if ("problems" in result) throw new Error(result.problems.slice(0, 3).join("\n"));
    for (const [path, data] of result.files) server.add(`/bench-feed/${path}`, data);
    return result;
  };
  const first = publish(1);
  const bytes = first.files.reduce((n, [, data]) => n + data.length, 0);
  const entries = first.index.packs.reduce((n, p) => n + p.entries, 0);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  /** One request to the worker, timed from the page that sends it. */
  const timed = (message: object) =>
    page.evaluate(async (m) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } })
        .chrome;
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage(m);
      return {
        ms: performance.now() - start,
        reply: reply as { id?: string; error?: string; outcome?: string; reason?: string },
      };
    }, message);
  try {
    const url = `${server.url}/bench-feed/index.json`;
    const subscribed = await timed({ type: "backstory:subscribe-feed", url, publicKey: keys.publicKey });
    const id = subscribed.reply.id;
    if (!id) throw new Error(`subscribing failed: ${subscribed.reply.error}`);
    // The options page re-reads the glossaries after each change; let it finish, so that each
    // figure is the check's own work.
    await page.waitForTimeout(3000);
    publish(2);
    const updated = await timed({ type: "backstory:check-feed", id });
    if (updated.reply.outcome !== "updated") throw new Error(`the update was not applied: ${updated.reply.reason}`);
    await page.waitForTimeout(3000);
    const unchanged = await timed({ type: "backstory:check-feed", id });
    if (unchanged.reply.outcome !== "unchanged") throw new Error(`expected no change: ${unchanged.reply.reason}`);
    await timed({ type: "backstory:delete-glossary", id });
    const cost = {
      bytes,
      packs: first.index.packs.length,
      entries,
      subscribeMs: subscribed.ms,
      updateMs: updated.ms,
      unchangedMs: unchanged.ms,
    };
    log(
      `  feed of the bundled glossary: ${(bytes / 1048576).toFixed(2)} MB, ${cost.packs} packs, ${entries} entries; ` +
        `subscribe ${cost.subscribeMs.toFixed(0)} ms, update ${cost.updateMs.toFixed(0)} ms, unchanged ${cost.unchangedMs.toFixed(0)} ms`,
    );
    return cost;
  } finally {
    await page.close();
  }
}
