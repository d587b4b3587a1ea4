import { type Entry, EntrySchema, PackSchema } from "./schema.ts";

/** One pack file as read from disk, before validation. */
export interface PackSource {
  file: string;
  text: string;
}

export interface LoadedPack {
  pack: string;
  title: string;
  file: string;
  entries: Entry[];
}

/**
 * Validates pack files and the whole glossary they make. Pure: callers read the files.
 * Every problem is reported (not only the first) as "file: entry "id" field "x": reason",
 * so an editor can fix a whole pack in one pass.
 */
export function validatePacks(sources: PackSource[]): { packs: LoadedPack[]; errors: string[] } {
  const errors: string[] = [];
  const packs: LoadedPack[] = [];
  const idOwner = new Map<string, string>();
  const formOwner = new Map<string, string>();

  for (const { file, text } of sources) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      errors.push(`${file}: not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const head = PackSchema.safeParse(json);
    if (!head.success) {
      for (const issue of head.error.issues) {
        errors.push(`${file}: field "${issue.path.join(".") || "(pack)"}": ${issue.message}`);
      }
      continue;
    }
    const entries: Entry[] = [];
    head.data.entries.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown })?.id;
      const label = typeof rawId === "string" ? `entry "${rawId}"` : `entry #${index + 1}`;
      const parsed = EntrySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const keys = issue.code === "unrecognized_keys" ? issue.keys : [""];
          for (const key of keys) {
            const field = [...issue.path, ...(key ? [key] : [])].join(".");
            errors.push(`${file}: ${label} field "${field}": ${key ? "unknown field" : issue.message}`);
          }
        }
        return;
      }
      const entry = parsed.data;
      const owner = idOwner.get(entry.id);
      if (owner) errors.push(`${file}: ${label} field "id": duplicate of the entry in ${owner}`);
      idOwner.set(entry.id, file);
      for (const form of entry.forms) {
        const key = form.normalize("NFC");
        const other = formOwner.get(key);
        if (other && other !== entry.id) {
          errors.push(`${file}: ${label} field "forms": "${form}" is already a form of "${other}"`);
        }
        formOwner.set(key, entry.id);
      }
      entries.push(entry);
    });
    packs.push({ pack: head.data.pack, title: head.data.title, file, entries });
  }

  for (const pack of packs) {
    for (const entry of pack.entries) {
      for (const field of ["related", "context"] as const) {
        for (const id of entry[field]) {
          if (!idOwner.has(id)) {
            errors.push(`${pack.file}: entry "${entry.id}" field "${field}": unknown entry id "${id}"`);
          }
        }
      }
      const office = entry.office;
      if (!office) continue;
      const at = (field: string) => `${pack.file}: entry "${entry.id}" field "office.${field}"`;
      if (!idOwner.has(office.of)) errors.push(`${at("of")}: unknown entry id "${office.of}"`);
      office.holders.forEach((holder, i) => {
        if (holder.entry && !idOwner.has(holder.entry))
          errors.push(`${at(`holders.${i}.entry`)}: unknown entry id "${holder.entry}"`);
      });
    }
  }
  return { packs, errors };
}
