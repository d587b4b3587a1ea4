// npm run mutate: mutation testing of the pure logic (src/matcher, src/glossary, src/shared, src/feeds)
// with Stryker and its vitest runner (stryker.config.json, vitest.mutate.config.ts), then the
// score of each folder, which must be at least 80 %. Not part of npm test: about an hour on
// two cores (`-- --incremental` reuses the last run's results for code and tests unchanged).
// Mutants we leave alive on purpose carry a "Stryker disable" comment with the reason in the
// source; they count as ignored, not as survivors. Static mutants (in code that runs once, as a
// module loads: constant tables) are not run, as Stryker's ignoreStatic says: each would need
// the whole suite; the tables are checked by the tests that use them.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/chromium.ts";

const FOLDERS = ["src/matcher", "src/glossary", "src/shared", "src/feeds"];
const MINIMUM = 80;
const REPORT = join(ROOT, "reports/mutation/mutation.json");

interface MutantResult {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
  statusReason?: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: MutantResult[] }>;
}

const extra = process.argv.slice(2);
if (!extra.includes("--report-only")) {
  // Without the seed and the corpus (and CI unset, so that their suites skip rather than fail):
  // those suites test what the glossary finds on real pages, seconds per mutant, not the logic.
  const env = { ...process.env };
  for (const name of ["CI", "BACKSTORY_SEED", "BACKSTORY_CORPUS"]) delete env[name];
  const run = spawnSync("npx", ["stryker", "run", ...extra], { cwd: ROOT, stdio: "inherit", env });
  // Stryker exits non-zero when the whole score is under its break threshold: the folders say more.
  if (run.error) throw run.error;
}

const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;
// An incremental report keeps files from earlier runs: count only what the config mutates now.
const config = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as { mutate: string[] };
const leftOut = config.mutate.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
let failed = false;
console.log("\nMutation score by folder (killed + timed out, of mutants covered or not; ignored left out):");
for (const folder of FOLDERS) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, static: 0 };
  const alive: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const path = file.replace(/\\/g, "/");
    if (!path.includes(`${folder}/`) || leftOut.some((p) => path.endsWith(p))) continue;
    const lines = source.split("\n");
    for (const m of mutants) {
      if (m.status === "Killed") counts.killed++;
      else if (m.status === "Timeout") counts.timeout++;
      else if (m.status === "Ignored" && /static/i.test(m.statusReason ?? "")) counts.static++;
      else if (m.status === "Ignored") counts.ignored++;
      else if (m.status === "Survived" || m.status === "NoCoverage") {
        if (m.status === "Survived") counts.survived++;
        else counts.noCoverage++;
        const line = m.location.start.line;
        alive.push(
          `    ${file}:${line} ${m.mutatorName}${m.status === "NoCoverage" ? " (no test reaches it)" : ""}: ${lines[line - 1]?.trim().slice(0, 90)}  →  ${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 60)}`,
        );
      }
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  const score = valid ? (100 * detected) / valid : 100;
  const ok = score >= MINIMUM;
  failed ||= !ok;
  console.log(
    `  ${ok ? "ok  " : "LOW "} ${folder.padEnd(14)} ${score.toFixed(1).padStart(5)} %  (${detected} of ${valid}; ${counts.survived} survived, ${counts.noCoverage} not covered, ${counts.ignored} left alive with a reason in the source, ${counts.static} static, not run)`,
  );
  if (process.argv.includes("--list") || !ok) console.log(alive.join("\n"));
}
if (failed) {
  console.error(
    `\nA folder scores under ${MINIMUM} %: kill its survivors with tests, or say in the source why one cannot die.`,
  );
  process.exit(1);
}
