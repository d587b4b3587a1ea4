// card.js: the card's code (Preact, the card, its placement and controller), injected into a
// frame by the background (scripting.executeScript) the first time a card may be needed there.
// It runs in the same isolated world as content.js and hands its module over through the one
// function content.js left for it (src/content/card-loader.ts).
import { CARD_HANDOFF, type CardHandoffScope, type CardModule } from "../content/card-api.ts";
import { CardController } from "../content/card-controller.tsx";

const cardModule: CardModule = {
  createCard: (doc, lookup, entryId, actions) => new CardController(doc, lookup, entryId, actions),
};

const receive = (globalThis as CardHandoffScope)[CARD_HANDOFF];
if (typeof receive === "function") receive(cardModule);
else console.warn("Backstory: the card code ran in a frame without the content script");
