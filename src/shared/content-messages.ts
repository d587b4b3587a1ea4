import * as z from "zod/mini";

/**
 * Requests a content script answers (from the popup, for the tab it belongs to). Apart from
 * messages.ts so that the content script builds only this schema when it loads.
 */
export const ContentRequestSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("backstory:get-page-stats") }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;
