import * as z from "zod/mini";
import { EntrySchema } from "./schema.ts";

/**
 * The published JSON Schema of a reader's glossary file, generated from the zod schema so the
 * two cannot drift (docs/glossary.schema.json; a unit test compares). Checks that JSON Schema
 * cannot express (word counts, real dates, no markup) are stated in the descriptions.
 */
export function glossaryJsonSchema(): Record<string, unknown> {
  const file = z
    .object({
      name: z
        .optional(z.string().check(z.maxLength(80)))
        .check(z.describe("The glossary's name, shown in the options page.")),
      entries: z.array(EntrySchema).check(z.minLength(1), z.maxLength(50_000)),
    })
    .check(
      z.describe(
        "A Backstory glossary. Summaries: 1-3 sentences, at most 60 words, plain text. asOf: a real date, YYYY-MM-DD. " +
          "Sources: https URLs. timeline (optional): at most 8 items, oldest first, each at most 25 words, from/to as " +
          "YYYY, YYYY-MM or YYYY-MM-DD (to absent while it still holds), items sharing a role must not overlap. " +
          "office (optional): an office one person holds at a time: of (the country's or body's entry id), titles " +
          '("the prime minister"), holders oldest first with YYYY-MM-DD dates, each taking office on or after the ' +
          "one before left. See the README for the CSV form of the same fields (timelines and offices are JSON only).",
      ),
    );
  return {
    $id: "https://github.com/backstory-extension/backstory/docs/glossary.schema.json",
    title: "Backstory glossary",
    ...z.toJSONSchema(file, { io: "input", unrepresentable: "any" }),
  };
}
