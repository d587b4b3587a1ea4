import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "../../src/background/commands.ts";

type Sent = { tabId: number; message: unknown; options: unknown };

/** A fake `chrome` with one active tab (or none), recording what is sent to tabs. */
function fakeBrowser(activeTab: { id?: number } | null, failSend = false): Sent[] {
  const sent: Sent[] = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { id: "test" },
    tabs: {
      query: async () => (activeTab ? [activeTab] : []),
      sendMessage: async (tabId: number, message: unknown, options: unknown) => {
        sent.push({ tabId, message, options });
        if (failSend) throw new Error("Could not establish connection. Receiving end does not exist.");
        return { shown: true };
      },
    },
  };
  return sent;
}

describe("keyboard commands", () => {
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it("asks the active tab's top frame for the next or previous mention", async () => {
    const sent = fakeBrowser({ id: 7 });
    await runCommand("next-mention");
    await runCommand("previous-mention");
    expect(sent).toEqual([
      { tabId: 7, message: { type: "backstory:navigate", direction: "next" }, options: { frameId: 0 } },
      { tabId: 7, message: { type: "backstory:navigate", direction: "previous" }, options: { frameId: 0 } },
    ]);
  });

  it("ignores other commands, a window with no tab, and a tab with no content script", async () => {
    const sent = fakeBrowser({ id: 7 });
    await runCommand("_execute_action");
    expect(sent).toEqual([]);
    fakeBrowser(null);
    await expect(runCommand("next-mention")).resolves.toBeUndefined();
    const refused = fakeBrowser({ id: 3 }, true);
    await expect(runCommand("previous-mention")).resolves.toBeUndefined();
    expect(refused).toHaveLength(1);
  });
});
