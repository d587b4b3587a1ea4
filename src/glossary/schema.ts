import { z } from "zod";
import { CATEGORIES } from "../shared/categories.ts";

// Build-time (and import-time) validation of glossary files, with full error messages: this
// module uses zod's classic API and is kept out of the content script's bundle.
export { CATEGORIES, type Category } from "../shared/categories.ts";
export const CategorySchema = z.enum(CATEGORIES);

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Any tag-like or entity-like text: glossary text is rendered as text, but markup in it is
// always an authoring mistake (and would show as literal angle brackets on the card).
const MARKUP = /<[a-zA-Z/!]|&[a-zA-Z#][a-zA-Z0-9]*;/;

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !MARKUP.test(s), "must be plain text, not markup");

const form = plainText(120).refine((s) => /[\p{L}\p{N}]/u.test(s), "must contain at least one letter or digit");

export const SourceSchema = z.object({
  title: plainText(200),
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain, error: "must be an https URL" })
    .refine((u) => !u.includes(" "), "must not contain spaces"),
});
export type Source = z.infer<typeof SourceSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date, YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "must be a real calendar date");

/** Summaries are short by design: a card is read in a glance. */
export const MAX_SUMMARY_WORDS = 60;

/**
 * How well a general news reader already knows an entry. Household names (the largest
 * countries and cities, the biggest companies, the best-known leaders) are explained on hover
 * but not underlined by default: a page that explains 40 names must not underline 40.
 */
export const FAMILIARITIES = ["household", "general", "specialist"] as const;
export type Familiarity = (typeof FAMILIARITIES)[number];

export const EntrySchema = z
  .object({
    id: z.string().regex(ENTRY_ID, "must be kebab-case: lowercase letters, digits and hyphens"),
    title: plainText(120),
    category: CategorySchema,
    /** Full forms: annotated wherever they appear. */
    forms: z.array(form).min(1),
    /** Short forms: annotated only on pages where a full form of this entry (or of a context entry) appears. */
    shortForms: z.array(form).default([]),
    /** Entry ids whose full forms on a page also license this entry's short forms. */
    context: z.array(z.string().regex(ENTRY_ID)).max(100).default([]),
    summary: plainText(600).refine(
      (s) => s.split(/\s+/).length <= MAX_SUMMARY_WORDS,
      `must be at most ${MAX_SUMMARY_WORDS} words`,
    ),
    /** The date the summary was last known true; required for anything that can go stale. */
    asOf: isoDate.optional(),
    sources: z.array(SourceSchema).min(1),
    related: z.array(z.string().regex(ENTRY_ID)).default([]),
    /** Absent means "general": underlined at its first mention like any other entry. */
    familiarity: z.enum(FAMILIARITIES).optional(),
  })
  .strict();
export type Entry = z.infer<typeof EntrySchema>;
export type EntryInput = z.input<typeof EntrySchema>;

export const PackSchema = z
  .object({
    $schema: z.string().optional(),
    pack: z.string().regex(ENTRY_ID),
    title: plainText(120),
    /** Set on generated packs: the data source, its licence and the snapshot's date. */
    generated: z
      .object({ from: plainText(300), licence: plainText(100), date: isoDate })
      .strict()
      .optional(),
    entries: z.array(z.unknown()),
  })
  .strict();
