// The glossary sizes measured: the bundled glossary as built, and the bundled entries plus
// synthetic ones up to 10,000 and 100,000 entries, compiled with the project's compiler.
import type { CompiledGlossary } from "../../src/glossary/compile.ts";
import { CATEGORIES } from "../../src/glossary/schema.ts";
import { normalizeForm } from "../../src/matcher/chars.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";
import { serializeMatcher } from "../../src/matcher/serialize.ts";
import type { MatcherEntry } from "../../src/matcher/types.ts";
import { readBuiltGlossary } from "../lib/built-glossary.ts";
import { DIST_CHROME } from "../lib/chromium.ts";
import { foldText } from "./equal-work.ts";
import { syntheticEntries } from "./synthetic.ts";

export const SYNTHETIC_SEED = 20240503;

export interface GlossarySize {
  /** Entries in the glossary (each with one or more forms). */
  terms: number;
  /** Distinct forms in the compiled matcher (full and short forms). */
  forms: number;
  /** The matcher file: what the content script reads. */
  bytes: Uint8Array;
  /** The distinct forms as the compiler normalises them, as JSON: what the peers search for. */
  formsJson: string;
  /** Compile time in Node at bench time (0 for the bundled size, compiled by the build). */
  compileMs: number;
}

export function readBundledGlossary(): Pick<CompiledGlossary, "matcher" | "entries"> {
  const { matcher, entries } = readBuiltGlossary(DIST_CHROME);
  return { matcher, entries };
}

function bundledEntries(g: Pick<CompiledGlossary, "entries">): MatcherEntry[] {
  return g.entries.map((e) => ({
    id: e.id,
    group: CATEGORIES.indexOf(e.category),
    forms: e.forms,
    shortForms: e.shortForms,
    context: e.context,
  }));
}

/** Every distinct form, normalised as the matcher compiler does (the peers search for these). */
function normalisedForms(entries: readonly MatcherEntry[]): string[] {
  const forms = new Set<string>();
  for (const e of entries) {
    for (const f of [...e.forms, ...e.shortForms]) {
      const form = normalizeForm(f.normalize("NFC"));
      if (form) forms.add(form);
    }
  }
  return [...forms];
}

/** The bundled size plus one per entry count in `large`, in that order. */
export function glossarySizes(large: readonly number[]): GlossarySize[] {
  const g = readBundledGlossary();
  const base = bundledEntries(g);
  const sizes: GlossarySize[] = [
    (() => {
      const forms = normalisedForms(base);
      return {
        terms: base.length,
        forms: forms.length,
        bytes: g.matcher,
        formsJson: JSON.stringify(forms),
        compileMs: 0,
      };
    })(),
  ];
  const taken = base.flatMap((e) => [...e.forms, ...e.shortForms]);
  for (const terms of large) {
    const entries = [...base, ...syntheticEntries(terms - base.length, SYNTHETIC_SEED, taken)];
    const t0 = performance.now();
    const matcher = compileMatcher(entries);
    const compileMs = performance.now() - t0;
    const forms = normalisedForms(entries);
    sizes.push({
      terms,
      forms: forms.length,
      bytes: serializeMatcher(matcher),
      formsJson: JSON.stringify(forms),
      compileMs,
    });
  }
  return sizes;
}

/** One size of the equal-work comparison: folded forms (index = form id) and our matcher of them. */
export interface EqualWorkSet {
  terms: number;
  forms: string[];
  bytes: Uint8Array;
}

/**
 * The forms of the first `count` entries (the bundled ones, then synthetic ones), folded as the
 * text is (foldText), each once: what every contestant searches for.
 */
export function equalWorkSets(counts: readonly number[]): EqualWorkSet[] {
  const base = bundledEntries(readBundledGlossary());
  const taken = base.flatMap((e) => [...e.forms, ...e.shortForms]);
  const most = Math.max(...counts);
  const all = [...base, ...syntheticEntries(Math.max(0, most - base.length), SYNTHETIC_SEED, taken)];
  return counts.map((terms) => {
    const forms = [
      ...new Set(
        all
          .slice(0, terms)
          .flatMap((e) => [...e.forms, ...e.shortForms])
          .map((f) => foldText(normalizeForm(f.normalize("NFC"))).trim())
          .filter((f) => f.length > 0),
      ),
    ];
    const matcher = compileMatcher(
      forms.map((f, i) => ({ id: `f${i}`, group: 0, forms: [f], shortForms: [], context: [] })),
    );
    return { terms, forms, bytes: serializeMatcher(matcher) };
  });
}
