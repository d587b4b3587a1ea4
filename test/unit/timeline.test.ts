import { describe, expect, it } from "vitest";
import type { TimelineItem } from "../../src/glossary/schema.ts";
import { placeAgainst, thenAndSince } from "../../src/shared/timeline.ts";

const merkel: TimelineItem[] = [
  { text: "Leader of the CDU", from: "2000-04", to: "2018-12", role: "party-leader" },
  { text: "Chancellor of Germany", from: "2005-11-22", to: "2021-12-08", role: "office" },
  { text: "Retired from politics", from: "2021-12-08", role: "office" },
];

describe("placeAgainst: a date as precise as known, against a day", () => {
  it.each([
    ["2005", "2019-05-03", -1],
    ["2019", "2019-05-03", 0],
    ["2019-05", "2019-05-03", 0],
    ["2019-05-03", "2019-05-03", 0],
    ["2019-05-04", "2019-05-03", 1],
    ["2019-06", "2019-05-03", 1],
    ["2020", "2019-05-03", 1],
  ] as const)("%s against %s: %i", (p, day, expected) => {
    expect(placeAgainst(p, day)).toBe(expected);
  });
});

describe("thenAndSince", () => {
  it("says what held on the article's day and what changed after, in order", () => {
    expect(thenAndSince(merkel, "2019-05-03")).toEqual({
      held: [merkel[1]],
      since: [
        { item: merkel[1], change: "ended", at: "2021-12-08" },
        { item: merkel[2], change: "began", at: "2021-12-08" },
      ],
    });
    expect(thenAndSince(merkel, "2010-01-01")).toEqual({
      held: [merkel[0], merkel[1]],
      since: [
        { item: merkel[0], change: "ended", at: "2018-12" },
        { item: merkel[1], change: "ended", at: "2021-12-08" },
        { item: merkel[2], change: "began", at: "2021-12-08" },
      ],
    });
  });

  it("says nothing where nothing changed after the day (the card is as today)", () => {
    expect(thenAndSince(merkel, "2022-01-10")).toBeNull();
    expect(thenAndSince([], "2019-05-03")).toBeNull();
    expect(thenAndSince(undefined, "2019-05-03")).toBeNull();
  });

  it("claims only what is certain when the day falls inside an item's year or month", () => {
    const items: TimelineItem[] = [
      { text: "Detained in Canada", from: "2018-12", to: "2021-09", role: "status" },
      { text: "Back in China", from: "2021-09-25", role: "status" },
    ];
    // In December 2018 it is not certain she had been detained yet: no "then", but what came after.
    expect(thenAndSince(items, "2018-12-01")).toEqual({
      held: [],
      since: [{ item: items[1], change: "began", at: "2021-09-25" }],
    });
    // Within September 2021: not certain either way whether she was still held; she was back later that month.
    expect(thenAndSince(items, "2021-09-10")).toEqual({
      held: [],
      since: [{ item: items[1], change: "began", at: "2021-09-25" }],
    });
    expect(thenAndSince(items, "2020-06-15")?.held).toEqual([items[0]]);
  });

  it("counts an item begun on the very day as holding then", () => {
    const items: TimelineItem[] = [{ text: "In office", from: "2019-05-03", to: "2020-01-01" }];
    expect(thenAndSince(items, "2019-05-03")?.held).toEqual(items);
  });
});

describe("thenAndSince, in the order things happened", () => {
  it("lists a change after the day by its date, not by its item's place", () => {
    const items: TimelineItem[] = [
      { text: "Governor", from: "2010", to: "2020", role: "office" },
      { text: "Party chair", from: "2015-03" },
    ];
    expect(thenAndSince(items, "2012-06-01")?.since.map((s) => `${s.at} ${s.change} ${s.item.text}`)).toEqual([
      "2015-03 began Party chair",
      "2020 ended Governor",
    ]);
  });
});
