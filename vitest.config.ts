import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
      { test: { name: "dom", include: ["test/dom/**/*.test.{ts,tsx}"], environment: "jsdom" } },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser at a time: this is a 2-core machine.
          fileParallelism: false,
          // A poll waits for the extension's positive signal; on a loaded 2-core machine an
          // answer from a woken worker can take more than vitest's default second.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        test: {
          name: "firefox",
          include: ["test/e2e-firefox/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser at a time: this is a 2-core machine.
          fileParallelism: false,
          // A poll waits for the extension's positive signal; on a loaded 2-core machine an
          // answer from a woken worker can take more than vitest's default second.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
