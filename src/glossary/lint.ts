import { normalizeForm } from "../matcher/chars.ts";
import type { LoadedPack } from "./load.ts";
import { type Entry, startsAfter } from "./schema.ts";

export interface LintOptions {
  /** ISO date: `asOf` may not be later. */
  today: string;
  /** Lower-case common English words: a full form that is one of them would mark everyday text. */
  commonWords: ReadonlySet<string>;
}

/**
 * Checks what the schema cannot see entry by entry: forms that collide across entries, forms
 * that are everyday words, dates in the future, stale-prone summaries without a date, timeline
 * items of one role that overlap.
 * Every problem names the file, the entry and the field.
 */
export function lintGlossary(packs: readonly LoadedPack[], { today, commonWords }: LintOptions): string[] {
  const problems: string[] = [];
  const fullOwner = new Map<string, string>();
  const where = new Map<string, string>();
  for (const pack of packs) {
    for (const e of pack.entries) {
      where.set(e.id, pack.file);
      for (const form of e.forms) {
        const key = normalizeForm(form).toLowerCase();
        const other = fullOwner.get(key);
        if (other && other !== e.id) {
          problems.push(
            `${pack.file}: entry "${e.id}" field "forms": "${form}" differs only in case from a form of "${other}"`,
          );
        } else fullOwner.set(key, e.id);
      }
    }
  }
  for (const pack of packs) {
    for (const e of pack.entries) {
      const at = (field: string) => `${pack.file}: entry "${e.id}" field "${field}"`;
      for (const form of e.forms) {
        // The word list is lower case: "State" (a capitalised form) is not the word "state".
        if (commonWords.has(normalizeForm(form))) {
          problems.push(`${at("forms")}: "${form}" is a common English word; make it a short form or qualify it`);
        }
      }
      for (const form of e.shortForms) {
        const owner = fullOwner.get(normalizeForm(form).toLowerCase());
        if (owner && owner !== e.id) {
          problems.push(
            `${at("shortForms")}: "${form}" is a full form of "${owner}", so it would never mean "${e.id}"`,
          );
        }
        if (e.forms.some((f) => normalizeForm(f) === normalizeForm(form))) {
          problems.push(`${at("shortForms")}: "${form}" is also one of its full forms`);
        }
      }
      if (e.asOf && e.asOf > today) problems.push(`${at("asOf")}: ${e.asOf} is in the future`);
      if (!e.asOf && /\b(?:current(?:ly)?|incumbent|presently)\b/i.test(e.summary)) {
        problems.push(`${at("asOf")}: the summary describes a present state ("currently"…) but has no asOf date`);
      }
      for (const problem of timelineProblems(e, today)) problems.push(`${at("timeline")}: ${problem}`);
      if (e.office && !e.asOf) problems.push(`${at("asOf")}: an office needs the date its holders were last known`);
      for (const [i, holder] of (e.office?.holders ?? []).entries()) {
        for (const day of [holder.from, holder.to]) {
          if (day && day > today) problems.push(`${at(`office.holders.${i}`)}: ${day} is in the future`);
        }
      }
      for (const title of e.office?.titles ?? []) {
        const owner = fullOwner.get(normalizeForm(title).toLowerCase());
        if (owner && owner !== e.id) problems.push(`${at("office.titles")}: "${title}" is a full form of "${owner}"`);
        // Compiled once per entry: as one of its own forms it would lose the title's rules ("of" after it…).
        const key = normalizeForm(title).toLowerCase();
        if ([...e.forms, ...e.shortForms].some((f) => normalizeForm(f).toLowerCase() === key))
          problems.push(`${at("office.titles")}: "${title}" is also one of its forms`);
      }
      for (const id of e.related) {
        if (id === e.id) problems.push(`${at("related")}: an entry cannot be related to itself`);
        else if (!where.has(id)) problems.push(`${at("related")}: unknown entry id "${id}"`);
      }
    }
  }
  return problems;
}

/**
 * What a timeline says that cannot be true: an item dated in the future, or two items of one
 * role (states that exclude each other) at once: one starting before the other certainly ended,
 * or while the other still holds.
 */
export function timelineProblems(entry: Entry, today: string): string[] {
  const problems: string[] = [];
  const items = entry.timeline ?? [];
  for (const [i, item] of items.entries()) {
    if (startsAfter(item.from, today)) problems.push(`item ${i + 1} starts in the future (${item.from})`);
    if (item.to && startsAfter(item.to, today)) problems.push(`item ${i + 1} ends in the future (${item.to})`);
  }
  const last = new Map<string, { index: number; to: string | undefined }>();
  for (const [i, item] of items.entries()) {
    if (!item.role) continue;
    const before = last.get(item.role);
    if (before && (before.to === undefined || startsAfter(before.to, item.from))) {
      problems.push(
        `items ${before.index + 1} and ${i + 1} (role "${item.role}") overlap: ${before.to === undefined ? `item ${before.index + 1} has no end` : `item ${i + 1} starts before ${before.to}`}`,
      );
    }
    last.set(item.role, { index: i, to: item.to });
  }
  return problems;
}
