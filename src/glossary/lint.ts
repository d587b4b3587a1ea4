import { normalizeForm } from "../matcher/chars.ts";
import type { LoadedPack } from "./load.ts";

export interface LintOptions {
  /** ISO date: `asOf` may not be later. */
  today: string;
  /** Lower-case common English words: a full form that is one of them would mark everyday text. */
  commonWords: ReadonlySet<string>;
}

/**
 * Checks what the schema cannot see entry by entry: forms that collide across entries, forms
 * that are everyday words, dates in the future, stale-prone summaries without a date.
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
        const word = normalizeForm(form);
        if (word === word.toLowerCase() && commonWords.has(word)) {
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
      for (const id of e.related) {
        if (id === e.id) problems.push(`${at("related")}: an entry cannot be related to itself`);
        else if (!where.has(id)) problems.push(`${at("related")}: unknown entry id "${id}"`);
      }
    }
  }
  return problems;
}
