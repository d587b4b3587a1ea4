// The tests Stryker runs against each mutant of the pure logic (`npm run mutate`): the unit and
// DOM tests that exercise src/matcher, src/glossary and src/shared from source. Tests of built
// artefacts (bundles, the packed zip, web-ext lint) and the browser suites are left out: they read
// dist/, which a mutant of the source never reaches. So are the tests of the glossary's content,
// which read all 12,000 entries (seconds each, for every mutant they reach): they check what we
// ship, not the logic, which tests of its own must pin down.
import { defineConfig } from "vitest/config";

// Instrumented code runs several times slower.
const testTimeout = 30_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          exclude: [
            "test/unit/bundles.test.ts",
            "test/unit/package.test.ts",
            "test/unit/web-ext-lint.test.ts",
            "test/unit/bundled-glossary.test.ts",
            "test/unit/glossary-generate.test.ts",
            "test/unit/ambiguity.test.ts",
          ],
          environment: "node",
          testTimeout,
        },
      },
      { test: { name: "dom", include: ["test/dom/**/*.test.{ts,tsx}"], environment: "jsdom", testTimeout } },
    ],
  },
});
