import type { ContentRequest } from "./content-request.ts";
import { ext } from "./ext-api.ts";
import type { BackgroundRequest } from "./messages.ts";
import type { BackgroundResponses, ContentResponses } from "./protocol-types.ts";

/** The key of the background's answer when a request failed (its value: the reason). */
export const FAILED = "backstoryFailed";

function unwrap<T>(reply: unknown): T {
  if (reply && typeof reply === "object" && FAILED in reply)
    throw new Error(String((reply as Record<string, unknown>)[FAILED]));
  return reply as T;
}

/**
 * Sends a request to the background and returns its typed reply. The browser may stop the
 * service worker at any moment, even while it answers; the request is then sent once more
 * (the message itself wakes a new worker). Requests are idempotent, so a retry is safe.
 */
export async function sendToBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundResponses[R["type"]]> {
  let reply: unknown;
  try {
    reply = await ext().runtime.sendMessage(request);
  } catch (error) {
    if (!/message channel closed|Receiving end does not exist|Could not establish connection/i.test(String(error))) {
      throw error;
    }
    reply = await ext().runtime.sendMessage(request);
  }
  return unwrap<BackgroundResponses[R["type"]]>(reply);
}

/** Sends a request to the content script of a tab's top frame (frames run scripts of their own). */
export function sendToTab<R extends ContentRequest>(tabId: number, request: R): Promise<ContentResponses[R["type"]]> {
  const tabs = ext().tabs;
  if (!tabs) return Promise.reject(new Error("Backstory: no tabs API in this context"));
  return tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<ContentResponses[R["type"]]>;
}
