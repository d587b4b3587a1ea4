import { type ArticleDateSource, chooseArticleDate, parseDay } from "../shared/article-date.ts";
import { readDateCandidates } from "./article-date-reader.ts";

/**
 * The one owner of "when was this page's article written": read from the page at the first
 * need (a card, the popup), never at start; set by the reader from the popup for this page;
 * forgotten when in-app navigation brings another article.
 */
export class ArticleDating {
  /** Read from the page (null: it gives none); undefined until first needed. */
  private read: { day: string; source: ArticleDateSource } | null | undefined;
  /** The reader's correction for this page. */
  private corrected: string | null = null;

  constructor(
    private doc: Document,
    /** The article's root, where its <time> and byline are looked for (null: the whole page). */
    private articleRoot: () => Element | null,
    private now: () => Date = () => new Date(),
  ) {}

  /** The date in force: the reader's, else the page's. */
  get(): { day: string; source: ArticleDateSource } | null {
    if (this.corrected) return { day: this.corrected, source: "reader" };
    if (this.read === undefined) {
      const found = chooseArticleDate(readDateCandidates(this.doc, this.articleRoot()), this.now());
      this.read = found && { day: found.published, source: found.source };
    }
    return this.read;
  }

  /** The reader's date for this page, or null to go back to the page's own. */
  set(day: string | null): void {
    // Only a real calendar day (the message's pattern lets "2019-02-30" through).
    this.corrected = day !== null && parseDay(day, "meta") === day ? day : null;
  }

  /** Another article is on the page now (in-app navigation): read again at the next need. */
  forget(): void {
    this.read = undefined;
    this.corrected = null;
  }
}
