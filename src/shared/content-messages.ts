import * as z from "zod/mini";
import type { ContentRequest } from "./content-request.ts";

/**
 * Requests a content script answers, as a zod schema: the statement of the protocol that the
 * content script's hand-written check (isContentRequest in content-request.ts, which keeps zod
 * out of content.js) is tested against. Apart from messages.ts, as the other direction.
 */
export const ContentRequestSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("backstory:get-page-stats") }),
  /** The popup's list: scroll to the entry's first mention and open its card. */
  z.strictObject({ type: z.literal("backstory:show-entry"), id: z.string().check(z.minLength(1), z.maxLength(100)) }),
  /** The keyboard commands (from the background): the next or previous mention, with its card. */
  z.strictObject({ type: z.literal("backstory:navigate"), direction: z.enum(["next", "previous"]) }),
  /** The popup: the reader's date for this page's article (a day, YYYY-MM-DD), or null to read it from the page again. */
  z.strictObject({
    type: z.literal("backstory:set-article-date"),
    day: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
]);

// The schema and the hand-written type say the same thing (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof ContentRequestSchema>, ContentRequest> = true;
void sameShape;

export type { ContentRequest };
