import { expect, it } from "vitest";
import { findCandidates } from "../../scripts/lib/candidates.ts";

it("finds recurring capitalised phrases and acronyms with no entry", () => {
  const text =
    "Harare was calm. Troops in Harare guarded the ZANU-PF offices. The G40 faction and Grace Mugabe's allies met. " +
    "Later the G40 faction split, and Grace Mugabe left. Morgan Tsvangirai spoke; Morgan Tsvangirai's party agreed. On Monday, On Monday.";
  const got = findCandidates(text, (t) => t === "ZANU");
  expect(got).toEqual([
    { term: "G40", count: 2 },
    { term: "Grace Mugabe", count: 2 },
    { term: "Harare", count: 2 },
    { term: "Morgan Tsvangirai", count: 2 },
  ]);
});

it("ignores single words that only ever start sentences", () => {
  expect(findCandidates("Meanwhile it rained. Meanwhile it snowed.", () => false)).toEqual([]);
});
