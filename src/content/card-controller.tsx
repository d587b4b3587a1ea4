import { render } from "preact";
import { Card } from "../card/Card.tsx";
import { type CardContainer, createCardContainer } from "../card/container.ts";
import { placeCard, type Rect } from "../card/position.ts";
import { relatedIds } from "../card/related.ts";
import type { Entry } from "../glossary/schema.ts";
import { holderOn, namesHolder } from "../shared/offices.ts";
import type { CardActions, CardView, EntryLookup } from "./card-api.ts";
import type { Mention } from "./mention.ts";

/**
 * Shows the card for a mention: looks its entries up, renders, and keeps it beside the
 * mention. A lookup that returns after another card was asked for is dropped (by token).
 * Part of card.js, loaded into a frame at the first hover (src/card/main.ts). It is made when
 * that load ends, inside the hover delay, and puts its (empty) host element into the page then,
 * so that the first card only has to render: measured, that takes the first card after a cold
 * start from about 25-40 ms after the delay to 15-18 ms (npm run bench, "card after hover delay").
 */
export class CardController implements CardView {
  private container: CardContainer | null = null;
  private token = 0;
  private anchor: { mention: Mention; y: number } | null = null;
  private entries: Entry[] = [];
  private related: Entry[] = [];
  /** The office a bare title named, when the card shows who held it on the article's day instead. */
  private heldOffice: Entry | null = null;
  private pinned = false;
  /** The card grows after it is placed (related entries arrive, an entry opens inside it): placed again. */
  private resizes: ResizeObserver | null = null;

  constructor(
    private doc: Document,
    private lookup: EntryLookup,
    private entryId: (entry: number) => string,
    private actions: CardActions,
  ) {
    this.container = this.createContainer();
  }

  private createContainer(): CardContainer {
    const container = createCardContainer(this.doc);
    const View = this.doc.defaultView as (Window & typeof globalThis) | null;
    // Placed in the next frame, not inside the callback: resizing the card there would make
    // Chrome report a "ResizeObserver loop" error on the page's window (and its error tracking).
    if (View?.ResizeObserver)
      this.resizes = new View.ResizeObserver(() => View.requestAnimationFrame(() => this.place()));
    return container;
  }

  get host(): HTMLElement | null {
    return this.container?.host ?? null;
  }

  async show(mention: Mention, pointerY?: number): Promise<boolean> {
    const token = ++this.token;
    const wanted = [mention.entry, ...mention.nested].map(this.entryId);
    let entries: Entry[];
    let related: Entry[];
    let heldOffice: Entry | null = null;
    try {
      entries = await this.lookup(wanted);
      if (token !== this.token || !entries.length) return false;
      // "The prime minister": only where the page leaves no doubt which country's; then, on a
      // dated article, the card is about who held the office that day.
      const office = entries[0].office;
      const title = office && namesHolder(office, mention.text);
      if (this.actions.titleUnclear(mention)) return false;
      const day = this.actions.articleDay();
      const holder = title && day ? holderOn(office, day, entries[0].asOf) : null;
      if (holder?.entry) {
        // The office's own card if the person's cannot be had.
        const [person] = await this.lookup([holder.entry]).catch(() => []);
        if (token !== this.token) return false;
        if (person) {
          heldOffice = entries[0];
          entries = [person, ...entries.slice(1)];
        }
      }
      // Looked up before the card shows, so it appears whole instead of growing a moment later.
      const ids = relatedIds(entries[0], entries[0]).filter((id) => id !== heldOffice?.id);
      related = ids.length ? await this.lookup(ids) : [];
      // The office itself stays one click away.
      if (heldOffice) related = [heldOffice, ...related];
    } catch (error) {
      console.warn("Backstory: lookup failed", error);
      return false;
    }
    if (token !== this.token) return false;
    this.container ??= this.createContainer();
    this.anchor = { mention, y: pointerY ?? Number.NaN };
    this.entries = entries;
    this.related = related;
    this.heldOffice = heldOffice;
    this.pinned = false;
    this.render();
    this.container.host.dataset.open = "";
    this.place();
    return true;
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.render();
  }

  private render(): void {
    const mention = this.anchor?.mention;
    if (!this.container || !mention) return;
    render(
      <Card
        key={[this.entries[0]?.id, this.heldOffice?.id, mention.entry, ...mention.nested].join(" ")}
        entries={this.entries}
        matchedText={mention.text}
        lookup={this.lookup}
        relatedOfFirst={this.related}
        heldOffice={this.heldOffice}
        pinned={this.pinned}
        {...this.actions}
        articleDay={this.actions.articleDay()}
      />,
      this.container.mount,
    );
    const card = this.container.mount.firstElementChild;
    if (card && this.resizes) {
      this.resizes.disconnect();
      this.resizes.observe(card);
    }
  }

  hide(): void {
    this.token++;
    this.anchor = null;
    this.pinned = false;
    if (!this.container) return;
    render(null, this.container.mount);
    delete this.container.host.dataset.open;
  }

  /**
   * Keeps the card beside its mention. False when the mention has left the viewport; null when
   * no card is up yet (its lookup is pending), which is no reason to close anything.
   */
  place(): boolean | null {
    const card = this.container?.mount.firstElementChild as HTMLElement | null;
    if (!card || !this.anchor) return null;
    const view = this.doc.defaultView;
    const viewport = { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
    const rect = this.anchorRect();
    if (!rect || rect.bottom < 0 || rect.top > viewport.height || rect.right < 0 || rect.left > viewport.width)
      return false;
    // Measured at its natural height: a height set by the last placement would feed back.
    const scrolled = card.scrollTop; // clearing the height would reset a shortened card's scroll
    card.style.maxHeight = "";
    const size = card.getBoundingClientRect();
    const text = this.anchor.mention.range.startContainer.parentElement;
    const rtl = !!text && view?.getComputedStyle(text).direction === "rtl";
    const { left, top, maxHeight } = placeCard(rect, { width: size.width, height: size.height }, viewport, rtl);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    if (maxHeight !== undefined) card.style.maxHeight = `${maxHeight}px`;
    card.scrollTop = scrolled;
    return true;
  }

  /** The mention's line box nearest the pointer (a mention can wrap over two lines). */
  private anchorRect(): Rect | null {
    if (!this.anchor) return null;
    const rects = [...this.anchor.mention.range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    if (!rects.length) return null;
    const y = this.anchor.y;
    return rects.find((r) => y >= r.top && y <= r.bottom) ?? rects[0];
  }

  /** Moves keyboard focus onto the card (a dialog: screen readers read its title and summary). */
  focus(): void {
    (this.container?.mount.firstElementChild as HTMLElement | null)?.focus();
  }

  destroy(): void {
    this.hide();
    this.resizes?.disconnect();
    this.container?.destroy();
    this.container = null;
  }
}
