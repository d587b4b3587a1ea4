import browser from "webextension-polyfill";
import { BackgroundRequestSchema } from "../shared/messages.ts";
import { handle } from "./handlers.ts";

/**
 * Background entry (Chrome's service worker, Firefox's background script). Listeners are
 * registered synchronously at top level so a restarted worker receives the message that woke it.
 */
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own pages and content scripts may ask; other extensions' messages are ignored.
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success) {
    console.warn("Backstory: ignored an unexpected message", message, parsed.error.issues[0]?.message);
    return undefined;
  }
  return handle(parsed.data).catch((error) => {
    console.error(`Backstory: ${parsed.data.type} failed`, error);
    throw error;
  });
});
