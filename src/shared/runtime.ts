import browser from "webextension-polyfill";
import type { BackgroundRequest, ContentRequest } from "./messages.ts";
import type { BackgroundResponses, ContentResponses } from "./protocol-types.ts";

/** Sends a request to the background and returns its typed reply. */
export function sendToBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R["type"]]> {
  return browser.runtime.sendMessage(request) as Promise<BackgroundResponses[R["type"]]>;
}

export function sendToTab<R extends ContentRequest>(tabId: number, request: R): Promise<ContentResponses[R["type"]]> {
  return browser.tabs.sendMessage(tabId, request) as Promise<ContentResponses[R["type"]]>;
}
