/**
 * Records every non-empty text `read()` gives, polled until `stop()`: for checks that a card
 * did NOT open, asserted only after a positive signal (another mention's card opening) ends
 * the watch, so that a test cannot pass just because the extension had not started.
 */
export function watchTexts(read: () => Promise<string>, everyMs = 40): { stop(): Promise<string[]> } {
  const seen = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const text = await read().catch(() => "");
      if (text) seen.add(text);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...seen];
    },
  };
}
