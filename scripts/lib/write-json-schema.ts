import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { glossaryJsonSchema } from "../../src/glossary/json-schema.ts";

/** The text of docs/glossary.schema.json, as the build writes it. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(glossaryJsonSchema(), null, 2)}\n`;
}

export function writeJsonSchema(root: string, ...dirs: string[]): void {
  for (const dir of dirs) writeFileSync(join(root, dir, "glossary.schema.json"), jsonSchemaText());
}
