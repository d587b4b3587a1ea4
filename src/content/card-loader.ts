import {
  CARD_HANDOFF,
  type CardActions,
  type CardHandoffScope,
  type CardModule,
  type CardView,
  type EntryLookup,
} from "./card-api.ts";
import type { Mention } from "./mention.ts";

/** A load that has not answered by then is given up (and tried again at the next need). */
const CARD_LOAD_TIMEOUT_MS = 10_000;

/**
 * The one owner of card.js in this frame. content.js carries no card code (Preact, the card,
 * its styles and placement are a third of what it would weigh, and most frames never show a
 * card); the first `load()` asks the background to inject card.js into this frame
 * (`backstory:load-card` → scripting.executeScript), and card.js hands its module over by
 * calling the function this loader put on the isolated world's global (CARD_HANDOFF). Calls
 * while a load is under way share it; a failed load is logged once and the next call tries again.
 */
export class CardLoader {
  private module: CardModule | null = null;
  private loading: Promise<CardModule> | null = null;

  constructor(
    /** Has card.js run in this frame; resolves once it has (the background's reply). */
    private inject: () => Promise<unknown>,
    scope: CardHandoffScope = globalThis as CardHandoffScope,
    private timeoutMs = CARD_LOAD_TIMEOUT_MS,
  ) {
    // Set once, before any load: card.js calls it synchronously when it runs.
    scope[CARD_HANDOFF] = (module) => {
      this.module ??= module;
    };
  }

  /** The card's module, if it has been loaded. */
  get loaded(): CardModule | null {
    return this.module;
  }

  load(): Promise<CardModule> {
    if (this.module) return Promise.resolve(this.module);
    this.loading ??= this.injectOnce().catch((error: unknown) => {
      this.loading = null;
      console.warn("Backstory: could not load the card (tried again at the next hover):", error);
      throw error;
    });
    return this.loading;
  }

  private async injectOnce(): Promise<CardModule> {
    let timer = 0;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer from the background")), this.timeoutMs) as unknown as number;
    });
    try {
      await Promise.race([this.inject(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    // card.js hands its module over as it runs, before the background learns that it ran.
    if (!this.module) throw new Error("card.js ran but handed nothing over");
    return this.module;
  }
}

/**
 * The card as the page session sees it before and after card.js is loaded: `prepare()` starts
 * the load (a hover may be coming), `show()` waits for it. Until then there is no card: no host
 * element, nothing to place. A show or hide that comes while the code loads wins
 * over the show before it (by token), as the controller's own lookups do.
 */
export class LazyCard implements CardView {
  private card: CardView | null = null;
  private token = 0;
  private destroyed = false;

  constructor(
    private loader: CardLoader,
    private make: (module: CardModule) => CardView,
  ) {}

  static forPage(
    loader: CardLoader,
    doc: Document,
    lookup: EntryLookup,
    entryId: (entry: number) => string,
    actions: CardActions,
  ): LazyCard {
    return new LazyCard(loader, (module) => module.createCard(doc, lookup, entryId, actions));
  }

  /** Starts loading the card's code, if it is not here yet. Never throws; a failure is logged by the loader. */
  prepare(): void {
    if (!this.card && !this.destroyed) this.ready().catch(() => undefined);
  }

  private async ready(): Promise<CardView | null> {
    if (this.card) return this.card;
    const module = await this.loader.load();
    if (this.destroyed) return null;
    this.card ??= this.make(module);
    return this.card;
  }

  get host(): HTMLElement | null {
    return this.card?.host ?? null;
  }

  async show(mention: Mention, pointerY?: number): Promise<boolean> {
    const token = ++this.token;
    let card: CardView | null;
    try {
      card = await this.ready();
    } catch {
      return false; // logged by the loader; the next hover tries again
    }
    return card !== null && token === this.token && (await card.show(mention, pointerY));
  }

  hide(): void {
    this.token++;
    this.card?.hide();
  }

  setPinned(pinned: boolean): void {
    this.card?.setPinned(pinned);
  }

  place(): boolean | null {
    return this.card?.place() ?? null;
  }

  focus(): void {
    this.card?.focus();
  }

  destroy(): void {
    this.token++;
    this.destroyed = true;
    this.card?.destroy();
    this.card = null;
  }
}
