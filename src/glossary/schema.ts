import * as z from "zod/mini";
import { CATEGORIES } from "../shared/categories.ts";

// Validation of glossary files, with full error messages: the build's packs, and a reader's
// import, which the options page previews and the background worker validates again. It uses
// zod's mini API, not the classic one: the worker is started on most page loads and must start
// fast, and the classic API (with its JSON Schema code and every locale) made up nine tenths
// of its bundle (485 KB, now under 60). Mini loads no locale, so the messages of checks that
// state none are worded here. The content script imports this module's types only.

/**
 * The message of an issue whose check states none, worded as zod's English locale words it
 * ("Too small: expected array to have >=1 items"): the import preview shows it. Set on each
 * schema, it also words the issues of the checks on that schema (min and max lengths). Written
 * out rather than taken from `z.util`, which would bring all of zod's utilities into the bundle.
 */
const message = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      return `Invalid input: expected ${issue.expected}, received ${typeName(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `Invalid input: expected ${quote(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quote).join("|")}`;
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = small ? issue.minimum : issue.maximum;
      const adj = issue.exact ? "exactly " : `${small ? ">" : "<"}${issue.inclusive ? "=" : ""}`;
      const unit = issue.origin === "string" ? "characters" : issue.origin === "array" ? "items" : "";
      const expected = unit ? `have ${adj}${bound} ${unit}` : `be ${adj}${bound}`;
      return `${small ? "Too small" : "Too big"}: expected ${issue.origin} to ${expected}`;
    }
    case "invalid_format":
      return issue.format === "regex"
        ? `Invalid string: must match pattern ${issue.pattern}`
        : `Invalid ${issue.format}`;
    case "unrecognized_keys":
      return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map(quote).join(", ")}`;
    default:
      return "Invalid input";
  }
};
const quote = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));
/** The type of a value as zod names it: "array", "null", a class's name, NaN and Infinity as such. */
const typeName = (value: unknown): string => {
  if (typeof value === "number") return Number.isFinite(value) ? "number" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object" && Object.getPrototypeOf(value) !== Object.prototype && value.constructor) {
    return value.constructor.name;
  }
  return typeof value;
};
/** zod/mini's issues in words (it loads no locale): pass to a schema as its error option. */
export const worded = { error: message };

export { CATEGORIES, type Category } from "../shared/categories.ts";
export const CategorySchema = z.enum(CATEGORIES, worded);

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Any tag-like or entity-like text: glossary text is rendered as text, but markup in it is
// always an authoring mistake (and would show as literal angle brackets on the card).
const MARKUP = /<[a-zA-Z/!]|&[a-zA-Z#][a-zA-Z0-9]*;/;
// zod's `regexes.domain` (a dotted host name with a top-level domain, no IP address), copied:
// taken from `z.regexes`, it would bring every one of zod's regexes into the bundle.
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

const string = () => z.string(worded);
const array = <T extends z.core.SomeType>(item: T) => z.array(item, worded);
const entryId = (error?: string) => string().check(z.regex(ENTRY_ID, error));

const plainText = (max: number, ...checks: z.core.$ZodCheck<string>[]) =>
  string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !MARKUP.test(s), "must be plain text, not markup"),
    ...checks,
  );

const form = plainText(
  120,
  z.refine((s) => /[\p{L}\p{N}]/u.test(s), "must contain at least one letter or digit"),
);

const SourceSchema = z.object(
  {
    title: plainText(200),
    url: z
      .url({ protocol: /^https$/, hostname: DOMAIN, error: "must be an https URL" })
      .check(z.refine((u) => !u.includes(" "), "must not contain spaces")),
  },
  worded,
);
export type Source = z.infer<typeof SourceSchema>;

const isoDate = string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date, YYYY-MM-DD"),
  z.refine((s) => {
    // One message for one bad date: a malformed one is named by the pattern above only.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "must be a real calendar date"),
);

/** Summaries are short by design: a card is read in a glance. */
export const MAX_SUMMARY_WORDS = 60;

/** A timeline's items: what a card can say was true at an article's date (issue 13). */
export const MAX_TIMELINE_ITEMS = 8;
export const MAX_TIMELINE_WORDS = 25;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A date as precise as it is known: a year ("2005"), a month ("2018-12") or a day ("2021-09-24"). */
const partialDate = string().check(
  z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
  z.refine((s) => {
    // Only a well-formed date can be a real one (the pattern above says what is wrong otherwise).
    if (s.length === 4 || !/^\d{4}-\d{2}(?:-\d{2})?$/.test(s)) return true;
    const d = new Date(`${s.length === 7 ? `${s}-01` : s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "must be a real calendar date"),
);

/**
 * One dated statement of an entry's timeline: "Chancellor of Germany" from 2005 to 2021. Items
 * sharing a `role` are states that exclude each other (an office, a legal status, who leads a
 * country): the linter checks that they do not overlap.
 */
const TimelineItemSchema = z.strictObject(
  {
    text: plainText(
      200,
      z.refine((s) => wordCount(s) <= MAX_TIMELINE_WORDS, `must be at most ${MAX_TIMELINE_WORDS} words`),
    ),
    from: partialDate,
    /** When it stopped being true; absent while it still is (as of the entry's asOf). */
    to: z.optional(partialDate),
    role: z.optional(entryId("must be kebab-case: lowercase letters, digits and hyphens")),
  },
  worded,
);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

/** An office's holders: every formal holder from the first listed, so any day in that span has one. */
export const MAX_OFFICE_HOLDERS = 100;

/** One holder of an office, from the day they took it to the day they left (absent: holds it still). */
const OfficeHolderSchema = z.strictObject(
  {
    name: plainText(120),
    /** The holder's own entry, when the glossary has one: the card then shows that entry. */
    entry: z.optional(entryId("must be kebab-case: lowercase letters, digits and hyphens")),
    from: isoDate,
    to: z.optional(isoDate),
  },
  worded,
);
export type OfficeHolder = z.infer<typeof OfficeHolderSchema>;

/**
 * An office that one person holds at a time (issue 13): a mention of it by its bare title ("the
 * prime minister") on a page whose article date is known is explained by who held it that day.
 */
const OfficeSchema = z.strictObject(
  {
    /** The country or body it belongs to (an entry id): its mentions make the title unambiguous. */
    of: entryId("must be kebab-case: lowercase letters, digits and hyphens"),
    /**
     * How text names the holder without a name. Starting with "the " keeps "Israeli prime
     * minister" from reading as the British one; a title is not matched where "of" or a hyphen
     * follows ("the president of the club", "the president-elect").
     */
    titles: array(
      plainText(
        60,
        z.regex(/^the \p{Ll}/u, 'must start with "the " and a lower-case word, as in "the prime minister"'),
      ),
    ).check(z.minLength(1), z.maxLength(4)),
    holders: array(OfficeHolderSchema).check(
      z.minLength(1),
      z.maxLength(MAX_OFFICE_HOLDERS),
      z.refine((hs) => hs.every((h) => !h.to || h.to >= h.from), "every holder must leave on or after taking office"),
      z.refine(
        (hs) => hs.every((h, i) => i === 0 || (hs[i - 1].to ?? "\uffff") <= h.from),
        "holders must be in order, each taking office on or after the one before left (only the last may hold it still)",
      ),
    ),
  },
  worded,
);
export type Office = z.infer<typeof OfficeSchema>;

/**
 * How well a general news reader already knows an entry. Household names (the largest
 * countries and cities, the biggest companies, the best-known leaders) are explained on hover
 * but not underlined by default: a page that explains 40 names must not underline 40.
 */
const FAMILIARITIES = ["household", "general", "specialist"] as const;
export type Familiarity = (typeof FAMILIARITIES)[number];

export const EntrySchema = z.strictObject(
  {
    id: entryId("must be kebab-case: lowercase letters, digits and hyphens"),
    title: plainText(120),
    category: CategorySchema,
    /** Full forms: annotated wherever they appear. */
    forms: array(form).check(z.minLength(1)),
    /** Short forms: annotated only on pages where a full form of this entry (or of a context entry) appears. */
    shortForms: z._default(array(form), []),
    /** Entry ids whose full forms on a page also license this entry's short forms. */
    context: z._default(array(entryId()).check(z.maxLength(100)), []),
    summary: plainText(
      600,
      z.refine((s) => s.split(/\s+/).length <= MAX_SUMMARY_WORDS, `must be at most ${MAX_SUMMARY_WORDS} words`),
    ),
    /** The date the summary was last known true; required for anything that can go stale. */
    asOf: z.optional(isoDate),
    sources: array(SourceSchema).check(z.minLength(1)),
    related: z._default(array(entryId()), []),
    /** Absent means "general": underlined at its first mention like any other entry. */
    familiarity: z.optional(z.enum(FAMILIARITIES, worded)),
    /**
     * What was true when, oldest first: a card on an older article leads with what held at its
     * date and what has changed since. At most 8 items; each ends on or after it starts.
     */
    timeline: z.optional(
      array(TimelineItemSchema).check(
        z.maxLength(MAX_TIMELINE_ITEMS),
        z.refine(
          (items) => items.every((item) => !item.to || !startsAfter(item.from, item.to)),
          "every item must end on or after it starts",
        ),
        z.refine(
          (items) => items.every((item, i) => i === 0 || !startsAfter(items[i - 1].from, item.from)),
          "items must be in the order they started",
        ),
      ),
    ),
    /** Set on an office held by one person at a time: its titles and holders. */
    office: z.optional(OfficeSchema),
  },
  worded,
);
export type Entry = z.infer<typeof EntrySchema>;

/**
 * True when partial date `a` certainly comes after `b`: compared at the coarser of the two
 * precisions ("2021" does not come after "2021-09": it may be the same month).
 */
export function startsAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}
export type EntryInput = z.input<typeof EntrySchema>;

export const PackSchema = z.strictObject(
  {
    $schema: z.optional(string()),
    pack: entryId(),
    title: plainText(120),
    /** Set on generated packs: the data source, its licence and the snapshot's date. */
    generated: z.optional(z.strictObject({ from: plainText(300), licence: plainText(100), date: isoDate }, worded)),
    entries: array(z.unknown()),
  },
  worded,
);
