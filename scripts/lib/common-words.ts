// The most common English words, for the glossary linter: a lower-case full form that is one
// of them ("target", "state") would mark everyday text. The list comes from word counts over
// Wikipedia, so it also holds names ("china", "john"); that is why only forms written in lower
// case are checked against it (a capitalised form never matches lower-case text).
import { words } from "popular-english-words";

export const COMMON_WORD_COUNT = 5000;

export function commonEnglishWords(count = COMMON_WORD_COUNT): Set<string> {
  return new Set(words.getMostPopular(count));
}
