import * as z from "zod/mini";

/**
 * Requests a content script answers (from the popup, for the tab it belongs to). Apart from
 * messages.ts so that the content script builds only this schema when it loads.
 */
export const ContentRequestSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("backstory:get-page-stats") }),
  /** The popup's list: scroll to the entry's first mention and open its card. */
  z.strictObject({ type: z.literal("backstory:show-entry"), id: z.string().check(z.minLength(1), z.maxLength(100)) }),
  /** The keyboard commands (from the background): the next or previous mention, with its card. */
  z.strictObject({ type: z.literal("backstory:navigate"), direction: z.enum(["next", "previous"]) }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;
