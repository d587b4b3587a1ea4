/** A minimal valid glossary entry as raw data (before zod parsing), for tests. */
export const rawEntry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: id,
  category: "concept",
  forms: [`${id} form`],
  summary: "A short summary.",
  sources: [{ title: "Example", url: "https://example.org/" }],
  ...extra,
});
