// npm run feed -- keygen --out <dir>
// npm run feed -- build <pack.json…> --key <private key file> --out <dir> --id <id> --title <t> --publisher <p> [--version N]
//
// Publishes glossary packs as a signed feed (src/feeds/format.ts) that any static host can
// serve: validated and linted as the build does (entries may refer to the bundled glossary's),
// index.json signed with Ed25519. The version is the publication time as a number
// (YYYYMMDDhhmm, UTC), or one more than the one already in <dir> if that is greater, unless
// --version says otherwise; it must grow. The private key is refused inside the
// repository: it must never be committed.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { newFeedKeys, publicKeyOf, publishFeed } from "./lib/feed-publish.ts";
import { readPacks } from "./lib/read-packs.ts";

const ROOT = realpathSync(new URL("../", import.meta.url).pathname);
const [command, ...rest] = process.argv.slice(2);

function option(name: string): string | undefined {
  const i = rest.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = rest[i + 1];
  if (value === undefined || value.startsWith("--")) fail(`--${name} needs a value`);
  rest.splice(i, 2);
  return value;
}

function fail(message: string): never {
  console.error(`feed: ${message}`);
  process.exit(1);
}

/** True when `path` is inside this repository (where a private key must never be). */
function insideRepository(path: string): boolean {
  let dir = resolve(path);
  while (!existsSync(dir)) dir = dirname(dir);
  const rel = relative(ROOT, realpathSync(dir));
  return !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

if (command === "keygen") {
  const out = option("out") ?? fail("keygen needs --out <dir> (outside the repository)");
  if (insideRepository(out)) fail(`${out} is inside the repository; keep the private key elsewhere`);
  const keyFile = join(out, "feed.key");
  if (existsSync(keyFile)) fail(`${keyFile} exists; a feed keeps its key for life (move it away to make a new one)`);
  mkdirSync(out, { recursive: true });
  const { privatePem, publicKey } = newFeedKeys();
  writeFileSync(keyFile, privatePem, { mode: 0o600 });
  writeFileSync(join(out, "feed.pub"), `${publicKey}\n`);
  console.log(`Wrote ${keyFile} (private: keep it secret, never commit it) and ${join(out, "feed.pub")}.`);
  console.log(`Public key (readers paste it when they subscribe): ${publicKey}`);
} else if (command === "build") {
  const keyFile = option("key") ?? fail("build needs --key <private key file>");
  const out = option("out") ?? fail("build needs --out <dir>");
  const id = option("id") ?? fail("build needs --id <feed-id> (kebab-case, the same for every version)");
  const title = option("title") ?? fail("build needs --title <title>");
  const publisher = option("publisher") ?? fail("build needs --publisher <name>");
  const versionText = option("version");
  if (!rest.length) fail("build needs at least one pack file");
  const previous = existsSync(join(out, "index.json"))
    ? (JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as { version?: number; id?: string })
    : null;
  if (previous?.id && previous.id !== id) fail(`${out} holds the feed "${previous.id}", not "${id}"`);
  // By default the publication time as a number (202612031545): it grows even when a feed is
  // built into a fresh folder (as in CI), where "one more than the last" would start at 1 again,
  // and readers would take the new content for the version they have.
  const now = new Date();
  const stamp = Number(now.toISOString().slice(0, 16).replace(/\D/g, ""));
  const version = versionText === undefined ? Math.max(stamp, (previous?.version ?? 0) + 1) : Number(versionText);
  if (!Number.isSafeInteger(version) || version < 1) fail("--version must be a whole number from 1");
  if (previous?.version !== undefined && version <= previous.version) {
    fail(`version ${version} is not greater than the published ${previous.version}: readers would refuse it`);
  }
  const packs = rest.map((file) => ({ file: relative(ROOT, resolve(file)), text: readFileSync(file, "utf8") }));
  const privatePem = readFileSync(keyFile, "utf8");
  const result = publishFeed(packs, { id, title, publisher, version }, privatePem, readPacks());
  if ("problems" in result) {
    for (const problem of result.problems) console.error(problem);
    fail(`${result.problems.length} problems; nothing written`);
  }
  let bytes = 0;
  for (const [file, data] of result.files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), data);
    bytes += data.length;
  }
  const entries = result.index.packs.reduce((n, p) => n + p.entries, 0);
  console.log(
    `Wrote feed "${id}" version ${version} to ${out}: ${result.index.packs.length} packs, ${entries} entries, ` +
      `${(bytes / 1048576).toFixed(2)} MB. Upload the packs first, then index.json and index.json.sig.`,
  );
  console.log(`Readers subscribe with ${join(out, "index.json")}'s URL and the public key ${publicKeyOf(privatePem)}.`);
} else {
  fail(
    "usage: npm run feed -- keygen --out <dir> | build <packs…> --key <file> --out <dir> --id <id> --title <t> --publisher <p> [--version N]",
  );
}
