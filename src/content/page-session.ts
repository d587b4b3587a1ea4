import type { Matcher } from "../matcher/types.ts";
import type { Category } from "../shared/categories.ts";
import { countryIsClear } from "../shared/offices.ts";
import type { PageEntry, PageStats } from "../shared/protocol-types.ts";
import type { Settings } from "../shared/settings.ts";
import { Annotator } from "./annotator.ts";
import { ArticleDating } from "./article-dating.ts";
import type { EntryLookup } from "./card-api.ts";
import type { CardLoader } from "./card-loader.ts";
import { CardPresenter } from "./card-presenter.ts";
import type { Marker, Mention } from "./mention.ts";
import { nextMention } from "./mention-navigation.ts";
import { PageObserver } from "./page-observer.ts";
import { PageReader } from "./page-reader.ts";

export interface SessionOptions {
  doc: Document;
  matcher: Matcher;
  categories: readonly Category[];
  /** Matcher entry indices of household names (not underlined unless the reader asks). */
  household?: readonly number[];
  /** [entry, country] pairs: which country a mention of a country-bound entry stands for. */
  countryOf?: readonly number[];
  /** [office, country] pairs. */
  officeOf?: readonly number[];
  marker: Marker;
  lookup: EntryLookup;
  /** Loads the card's code (card.js) into this frame; shared by every session of the frame. */
  cardLoader: CardLoader;
  host: string;
  /** "I know this" on the card (and its undo): saved by the caller; settings come back through apply(). */
  setKnown?: (id: string, known: boolean) => void;
  /**
   * False once the extension was reloaded, updated or removed under this page: this copy of
   * the script can no longer reach the background and stands down (marks and card removed).
   */
  contextAlive?: () => boolean;
}

/**
 * Everything Backstory does on one page: reads it, marks mentions, follows the pointer,
 * focus and taps, and opens the card. Applies settings as they change, without a reload.
 */
export class PageSession {
  private annotator: Annotator;
  /** The card, and which one is open (its state machine): see card-presenter.ts. */
  private card: CardPresenter;
  private observer: PageObserver;
  private settings: Settings | null = null;
  private enabled = false;
  private abort = new AbortController();
  private reader: PageReader;
  private entryIndex: Map<string, number> | null = null;
  /** When the article was written (read at the first need): cards say what was true then. */
  private dating: ArticleDating;

  constructor(private o: SessionOptions) {
    // First, so that a script that has stood down notices before any other listener acts.
    this.listen();
    this.dating = new ArticleDating(o.doc, () => this.annotator.articleRegion?.root ?? null);
    this.card = new CardPresenter({
      doc: o.doc,
      matcher: o.matcher,
      marker: o.marker,
      lookup: o.lookup,
      cardLoader: o.cardLoader,
      settings: () => this.settings,
      enabled: () => this.enabled,
      standsDown: () => this.standsDown(),
      setKnown: o.setKnown,
      articleDay: () => (this.settings?.thenAndSince === false ? null : (this.dating.get()?.day ?? null)),
      titleUnclear: (m) => this.unclearTitles()(m),
      signal: this.abort.signal,
    });
    const person = o.categories.indexOf("person");
    this.annotator = new Annotator(
      o.matcher,
      o.marker,
      (el) => this.isOwn(el),
      (entry) => o.matcher.entryGroup[entry] !== person,
      (entry) => o.matcher.entryGroup[entry] !== person,
    );
    this.observer = new PageObserver(o.doc, (roots) => {
      if (this.enabled) this.reader.changed(roots);
    });
    this.reader = new PageReader({
      doc: o.doc,
      annotator: this.annotator,
      observer: this.observer,
      isOwn: this.isOwn,
      include: this.include,
    });
  }

  /** Applies settings: marks or clears the page, and filters categories. */
  apply(settings: Settings, siteEnabled: boolean): void {
    const wasEnabled = this.enabled;
    this.settings = settings;
    this.enabled = siteEnabled;
    this.o.marker.setStyle(settings.markStyle);
    const known = new Set(settings.knownEntries.map((id) => this.indexOf(id)));
    const household = new Set(settings.underlineFamiliar ? [] : (this.o.household ?? []));
    this.annotator.setPolicy({ mode: settings.mode, known: (e) => known.has(e), quiet: (e) => household.has(e) });
    if (!siteEnabled) {
      this.card.close(false);
      this.observer.stop();
      this.reader.stop();
      this.annotator.clear();
      return;
    }
    if (!wasEnabled) {
      this.observer.start();
      this.reader.readAll();
    } else {
      this.annotator.mark(this.include);
      const shown = this.card.current;
      if (shown && !this.annotator.mentions.some((m) => m.entry === shown.entry)) this.card.close(false);
    }
  }

  private indexOf(id: string): number {
    this.entryIndex ??= new Map(this.o.matcher.entryIds.map((entryId, i) => [entryId, i]));
    return this.entryIndex.get(id) ?? -1;
  }

  private include = (entry: number): boolean => {
    const category = this.o.categories[this.o.matcher.entryGroup[entry]];
    return this.settings?.categories[category] ?? true;
  };

  private isOwn = (el: Element): boolean => el === this.card.host;

  stats(): PageStats {
    const counts = Object.fromEntries(this.o.categories.map((c) => [c, 0])) as Record<Category, number>;
    for (const [entry, n] of this.annotator.countByEntry()) {
      counts[this.o.categories[this.o.matcher.entryGroup[entry]]] += n;
    }
    const unclear = this.unclearTitles();
    const entries: PageEntry[] = this.annotator
      .entriesInOrder()
      .filter(({ first }) => !unclear(first))
      .map(({ entry, first, count }) => ({
        id: this.o.matcher.entryIds[entry],
        category: this.o.categories[this.o.matcher.entryGroup[entry]],
        count,
        text: first.text,
      }));
    const read = this.enabled && this.reader.done && !this.observer.pending;
    return {
      host: this.o.host,
      siteEnabled: this.enabled,
      read,
      counts,
      entries,
      truncated: this.annotator.truncated,
      articleDate: this.dating.get(),
    };
  }

  /** The reader's date for this page's article (the popup), or null for the page's own; returns the date in force. */
  setArticleDay(day: string | null): PageStats["articleDate"] {
    this.dating.set(day);
    return this.dating.get();
  }

  /** Scrolls to an entry's first mention and opens its card (the popup's list). */
  showEntry(id: string): boolean {
    const entry = this.indexOf(id);
    const found = this.annotator.entriesInOrder().find((e) => e.entry === entry);
    if (!this.enabled || !found || this.unclearTitles()(found.first)) return false;
    this.card.reveal(found.first);
    return true;
  }

  /**
   * The next or previous mention (a keyboard command): after the open card's, or else from
   * the viewport; wraps around the page. Its card opens with keyboard focus in it.
   */
  navigate(direction: "next" | "previous"): boolean {
    const unclear = this.unclearTitles();
    const list = this.enabled ? this.annotator.mentionsInOrder().filter((m) => !unclear(m)) : [];
    const target = nextMention(list, this.card.current, direction, this.o.doc.defaultView?.innerHeight ?? 0);
    if (!target) return false;
    this.card.reveal(target, true);
    return true;
  }

  get mentions(): readonly Mention[] {
    return this.annotator.mentions;
  }

  /** Checked whenever the reader does something on the page: the cheapest moment to notice. */
  private standsDown(): boolean {
    if (this.o.contextAlive?.() ?? true) return false;
    this.destroy();
    return true;
  }

  private listen(): void {
    const win = this.o.doc.defaultView;
    if (!win) return;
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    for (const type of ["pointerdown", "keydown", "focusin", "visibilitychange"] as const) {
      win.addEventListener(type, () => this.standsDown(), opts);
    }
    // In-app navigation: a new article may replace the old without a load.
    const navigation = (win as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener("navigatesuccess", () => this.onNavigate(), opts);
    win.addEventListener("popstate", () => this.onNavigate(), opts);
  }

  private onNavigate(): void {
    this.card.close(false);
    this.dating.forget();
    // Let the app render the new page first; the observer reads the changes, this resets licensing.
    setTimeout(() => {
      if (this.enabled) this.reader.navigated();
    }, PageObserver.QUIET_MS);
  }

  destroy(): void {
    this.enabled = false; // a pending navigation timer finds the session gone
    this.reader.stop();
    this.abort.abort();
    this.observer.stop();
    this.card.destroy();
    this.annotator.clear();
  }

  /**
   * Which mentions are an office's bare title ("The prime minister") on a page that does not make
   * clear which country's (countryIsClear): they are neither listed, nor navigated to, nor
   * explained. Reckoned when asked (the popup, a card, a command), from the mentions read by then.
   */
  private unclearTitles(): (m: Mention) => boolean {
    const pairs = this.o.officeOf ?? [];
    if (!pairs.length) return () => false;
    const officeCountry = new Map<number, number>();
    for (let i = 0; i + 1 < pairs.length; i += 2) officeCountry.set(pairs[i], pairs[i + 1]);
    let counts: Map<string, number> | null = null;
    return (m) => {
      const country = officeCountry.get(m.entry);
      if (country === undefined || !/^the\s/i.test(m.text)) return false;
      counts ??= this.countryMentions();
      return !countryIsClear(counts, this.o.matcher.entryIds[country]);
    };
  }

  /** Mentions per country on the page: the country's own and its office-holders'. */
  private countryMentions(): Map<string, number> {
    const pairs = this.o.countryOf ?? [];
    const country = new Map<number, number>();
    for (let i = 0; i + 1 < pairs.length; i += 2) country.set(pairs[i], pairs[i + 1]);
    const counts = new Map<string, number>();
    for (const m of this.annotator.mentions) {
      const c = country.get(m.entry);
      if (c === undefined) continue;
      const id = this.o.matcher.entryIds[c];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
}
