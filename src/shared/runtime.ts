import type { ContentRequest } from "./content-request.ts";
import { ext } from "./ext-api.ts";
import type { BackgroundRequest } from "./messages.ts";
import type { BackgroundResponses, ContentResponses } from "./protocol-types.ts";

/**
 * Sends a request to the background and returns its typed reply. The browser may stop the
 * service worker at any moment, even while it answers; the request is then sent once more
 * (the message itself wakes a new worker). Requests are idempotent, so a retry is safe.
 */
export async function sendToBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundResponses[R["type"]]> {
  try {
    return (await ext().runtime.sendMessage(request)) as BackgroundResponses[R["type"]];
  } catch (error) {
    if (!/message channel closed|Receiving end does not exist|Could not establish connection/i.test(String(error))) {
      throw error;
    }
    return (await ext().runtime.sendMessage(request)) as BackgroundResponses[R["type"]];
  }
}

/** Sends a request to the content script of a tab's top frame (frames run scripts of their own). */
export function sendToTab<R extends ContentRequest>(tabId: number, request: R): Promise<ContentResponses[R["type"]]> {
  const tabs = ext().tabs;
  if (!tabs) return Promise.reject(new Error("Backstory: no tabs API in this context"));
  return tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<ContentResponses[R["type"]]>;
}
