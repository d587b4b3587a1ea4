import { ext } from "../shared/ext-api.ts";
import { BackgroundRequestSchema, CONTENT_SCRIPT_REQUESTS } from "../shared/messages.ts";
import { FAILED } from "../shared/runtime.ts";
import { runCommand } from "./commands.ts";
import { checkDueFeeds, FEED_ALARM, scheduleFeedChecks } from "./feeds.ts";
import { handle } from "./handlers.ts";

/**
 * Background entry (Chrome's service worker, Firefox's background script). Listeners are
 * registered synchronously at top level so a restarted worker receives the message that woke it.
 */
ext().runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own pages and content scripts may ask; other extensions' messages are ignored.
  if (sender.id !== ext().runtime.id) return undefined;
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success) {
    console.warn("Backstory: ignored an unexpected message", message, parsed.error.issues[0]?.message);
    return undefined;
  }
  const fromOurPage = typeof sender.url === "string" && sender.url.startsWith(ext().runtime.getURL(""));
  if (!fromOurPage && !CONTENT_SCRIPT_REQUESTS.has(parsed.data.type)) {
    console.warn(`Backstory: refused ${parsed.data.type} from a content script`);
    return undefined;
  }
  // Answered through sendResponse (true keeps the channel open): Chrome ignores a returned
  // promise. A failure is answered too, so the sender's promise rejects instead of waiting.
  handle(parsed.data, { tabId: sender.tab?.id, frameId: sender.frameId }).then(sendResponse, (error: unknown) => {
    console.error(`Backstory: ${parsed.data.type} failed`, error);
    sendResponse({ [FAILED]: error instanceof Error ? error.message : String(error) });
  });
  return true;
});

ext().commands?.onCommand.addListener((command) => void runCommand(command));

// Feeds (issue 14): the hourly alarm checks those that are due; at the browser's start, those
// overdue. Both do nothing (and make no request) for a reader without feeds.
ext().alarms?.onAlarm.addListener((alarm) => {
  if (alarm.name === FEED_ALARM)
    void checkDueFeeds().catch((error) => console.error("Backstory: feed checks failed", error));
});
// An update of the extension may clear its alarms: the feeds' alarm is made again if needed.
ext().runtime.onInstalled?.addListener(() => {
  void scheduleFeedChecks().catch((error) => console.error("Backstory: feed checks failed", error));
});
ext().runtime.onStartup?.addListener(() => {
  void scheduleFeedChecks()
    .then(() => checkDueFeeds())
    .catch((error) => console.error("Backstory: feed checks failed", error));
});
