// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/content/mention.ts";
import { nextMention } from "../../src/content/mention-navigation.ts";

function mentionsOf(text: Text, starts: number[]): Mention[] {
  return starts.map((start, entry) => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 3);
    const nodes = [text];
    return {
      range,
      nodes,
      entry,
      nested: [],
      text: text.data.slice(start, start + 3),
      start,
      end: start + 3,
      marked: true,
    };
  });
}

describe("moving through the mentions with the keyboard", () => {
  document.body.innerHTML = "<p>One Two Six Ten</p>";
  const text = document.querySelector("p")?.firstChild as Text;

  it("goes to the mention after or before the open card's, wrapping around", () => {
    const list = mentionsOf(text, [0, 4, 8, 12]);
    expect(nextMention(list, list[1], "next", 600)).toBe(list[2]);
    expect(nextMention(list, list[1], "previous", 600)).toBe(list[0]);
    expect(nextMention(list, list[3], "next", 600)).toBe(list[0]);
  });

  it("finds the open card's mention again when the page was read further and its mentions made anew", () => {
    const before = mentionsOf(text, [0, 4, 8]);
    const after = mentionsOf(text, [0, 4, 8, 12]);
    expect(nextMention(after, before[1], "previous", 600)).toBe(after[0]);
    expect(nextMention(after, before[2], "next", 600)).toBe(after[3]);
  });
});
