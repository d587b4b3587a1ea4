/** The six kinds of thing a card can explain; the popup has one switch per category. */
export const CATEGORIES = ["person", "organization", "place", "event", "policy", "concept"] as const;
export type Category = (typeof CATEGORIES)[number];
