import type en from "../_locales/en/messages.json";

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * The i18n API is synchronous and the same in every browser, so it is used without the
 * polyfill: DOM tests install a `chrome.i18n` of their own (test/support/i18n.ts).
 */
function api(): I18nApi {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  if (!i18n) throw new Error("Backstory: no i18n API here");
  return i18n;
}

/** A key of our messages; the English file is the reference every locale must match (unit-tested). */
export type MessageKey = keyof typeof en;

/**
 * A UI string in the browser's language (`_locales/<lang>/messages.json`, English where a
 * string has no translation). Substitutions fill $1, $2… in order. A key with no message at
 * all (a build that lost its _locales) shows as itself rather than as nothing.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = api().getMessage(key, substitutions.map(String));
  return text || key;
}

/**
 * "ltr" or "rtl": the direction of the language our strings are in (a translation says so in
 * its messages). Not the browser's own language: with no translation for it, the strings are
 * English, and English text laid out right to left would read wrongly.
 */
export function uiDirection(): "ltr" | "rtl" {
  return t("textDirection") === "rtl" ? "rtl" : "ltr";
}

/** The language our strings are in ("en", "fr"): for lang attributes and date formats. */
export function uiLanguage(): string {
  const tag = t("languageTag");
  return tag === "languageTag" ? api().getUILanguage() : tag;
}

/** Sets an extension page's language and direction to those of its strings. */
export function localizeDocument(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDirection();
}
