import type { Entry } from "../glossary/schema.ts";
import type { Mention } from "./mention.ts";

/**
 * What the content script (content.js) and the card code (card.js, injected into the frame at
 * the first hover: see card-loader.ts) know of each other. Types only, and the one key of the
 * hand-off: content.js must not import the card's code, or the bundle would carry it again.
 */

export type EntryLookup = (ids: string[]) => Promise<Entry[]>;

/** What the card asks of the page session. */
export interface CardActions {
  onClose: () => void;
  /** Pins or unpins the open card. */
  onPin: () => void;
  isKnown: (id: string) => boolean;
  onKnown: (id: string, known: boolean) => void;
  /**
   * The day the page's article was written ("YYYY-MM-DD"), when it is known and the reader wants
   * cards to say what was true then and what changed since; else null (cards as today).
   */
  articleDay: () => string | null;
  /**
   * True for a bare title ("the prime minister") on a page that does not make clear which
   * country's office it is (src/shared/offices.ts, countryIsClear): it gets no card.
   */
  titleUnclear: (mention: Mention) => boolean;
}

/** The card beside a mention, as the page session drives it (CardController in card.js). */
export interface CardView {
  /** Our one element in the page (holding the card's closed shadow root), once a card was shown. */
  readonly host: HTMLElement | null;
  /**
   * Looks the mention's entries up and shows its card, unpinned. True once it is on screen;
   * false when it is not (the lookup failed or found nothing, or a later show or hide came first).
   */
  show(mention: Mention, pointerY?: number): Promise<boolean>;
  hide(): void;
  /** Draws the card pinned or not (which card is pinned is the page session's state: card-state.ts). */
  setPinned(pinned: boolean): void;
  /** Keeps the card beside its mention: false once the mention has left the viewport, null with no card up. */
  place(): boolean | null;
  /** Moves keyboard focus onto the card. */
  focus(): void;
  destroy(): void;
}

/** What card.js hands over when it runs. */
export interface CardModule {
  createCard(doc: Document, lookup: EntryLookup, entryId: (entry: number) => string, actions: CardActions): CardView;
}

/**
 * The property of the content scripts' global (the extension's isolated world in this frame,
 * which pages cannot see) where content.js puts the function card.js calls with its module.
 */
export const CARD_HANDOFF: unique symbol = Symbol.for("backstory:card-handoff");

export interface CardHandoffScope {
  [CARD_HANDOFF]?: (module: CardModule) => void;
}
