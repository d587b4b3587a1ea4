import { type MessageKey, t, uiLanguage } from "./i18n.ts";

/**
 * "1 entry", "12 entries": the singular or plural message by the plural rules of the
 * browser's language (French uses the singular for 0 too). Both messages take the count as $1.
 */
export function countOf(n: number, one: MessageKey, many: MessageKey): string {
  let singular = n === 1;
  let number = String(n);
  try {
    const language = uiLanguage();
    singular = new Intl.PluralRules(language).select(n) === "one";
    number = n.toLocaleString(language);
  } catch {
    // an unknown language tag: English rules, digits as they are
  }
  return t(singular ? one : many, number);
}
