// Bundles page-runner.ts (our engine from src/, mark.js, the equal-work contestants) into one IIFE
// that the orchestrator injects into each page's main world.
import * as esbuild from "esbuild";

const ENTRY = new URL("./page-runner.ts", import.meta.url).pathname;

export async function bundleRunner(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    // Minified like the shipped content script, so the engine runs the same code as in the extension.
    minify: true,
    target: "chrome120",
    legalComments: "none",
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}
