// The equal-work comparison in the bench report: medians over pages, per-frame ratios, the table.
import type { EqualPage } from "./equal-run.ts";
import { CONTESTANTS } from "./equal-work.ts";
import { fmt, pad } from "./report-format.ts";
import { median, round } from "./stats.ts";

export interface EqualSize {
  terms: number;
  forms: number;
  pages: EqualPage[];
}

/** Per size: each contestant's median pass and build/load, and (build + pass) over ours, per page. */
export function equalSummary(equal: readonly EqualSize[]) {
  return equal.map((size) => {
    const of = (who: (typeof CONTESTANTS)[number]) => {
      const done = size.pages.flatMap((p) => (p.results[who]?.ms == null ? [] : [p.results[who]]));
      const builds = size.pages.flatMap((p) =>
        p.results[who]?.buildMs == null ? [] : [p.results[who].buildMs as number],
      );
      return {
        [`${who}_ms`]: round(done.length ? median(done.map((d) => d.ms as number)) : null),
        [`${who}_build_ms`]: round(builds.length ? median(builds) : null),
        [`${who}_pages`]: done.length,
      };
    };
    // Per page, (build + match) of a peer over ours: what a frame pays for the same output.
    const perFrame = (who: "regex" | "ahocorasick") => {
      const rs = size.pages.flatMap((p) => {
        const a = p.results[who];
        const o = p.results.backstory;
        return a?.ms != null && o?.ms != null ? [(a.ms + (a.buildMs ?? 0)) / (o.ms + (o.buildMs ?? 0))] : [];
      });
      return rs.length ? round(median(rs)) : null;
    };
    return {
      terms: size.terms,
      forms: size.forms,
      ...of("backstory"),
      ...of("regex"),
      ...of("ahocorasick"),
      regex_over_backstory: perFrame("regex"),
      ahocorasick_over_backstory: perFrame("ahocorasick"),
    };
  });
}

export function equalTable(
  equal: readonly EqualSize[],
  rows: ReturnType<typeof equalSummary>,
  pages: number,
): string[] {
  const lines = [
    "Equal work: the page's blocks as our reader finds them, folded by our rules; for each word start, the longest form",
    "ending on a boundary; every output asserted equal to ours before timing. Median ms over pages (a pass over all blocks),",
    "build/load per frame beside it, and the per-page ratio of (build + pass) to ours:",
  ];
  for (const x of rows) {
    lines.push(`  ${x.terms.toLocaleString("en-US")} entries (${x.forms.toLocaleString("en-US")} forms):`);
    for (const who of CONTESTANTS) {
      const row = x as Record<string, number | null>;
      const ratioText = who === "backstory" ? "" : `, ×ours ${fmt(row[`${who}_over_backstory`])}`;
      lines.push(
        `    ${who.padEnd(12)} pass ${pad(fmt(row[`${who}_ms`], 3), 10)} ms, build/load ${pad(fmt(row[`${who}_build_ms`], 1), 9)} ms, ${row[`${who}_pages`]}/${pages} pages${ratioText}`,
      );
      const reasons = new Set(
        (equal.find((e) => e.terms === x.terms)?.pages ?? []).flatMap((p) =>
          p.results[who]?.reason ? [p.results[who].reason] : [],
        ),
      );
      for (const reason of [...reasons].slice(0, 2)) lines.push(`      not timed: ${reason}`);
    }
  }
  return lines;
}
