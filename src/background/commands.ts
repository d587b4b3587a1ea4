import { ext } from "../shared/ext-api.ts";
import { sendToTab } from "../shared/runtime.ts";

/**
 * Keyboard commands (manifest "commands": rebindable in the browser's shortcut settings):
 * the active tab's page moves to the next or previous mention and opens its card.
 */
export async function runCommand(command: string): Promise<void> {
  if (command !== "next-mention" && command !== "previous-mention") return;
  const [tab] = (await ext().tabs?.query({ active: true, currentWindow: true })) ?? [];
  if (tab?.id === undefined) return;
  const direction = command === "next-mention" ? "next" : "previous";
  await sendToTab(tab.id, { type: "backstory:navigate", direction }).catch(() => {
    // No content script in that tab (a browser page, a store page): nothing to move through.
  });
}
