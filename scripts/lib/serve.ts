// A small static server on 127.0.0.1 for demo pages, tests and benchmarks.
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export interface StaticServer {
  url: string;
  server: Server;
  /** Serves one more generated path from now on. */
  add(path: string, body: string | Uint8Array): void;
  close(): Promise<void>;
}

/**
 * Serves files under each mount ("/demo/" → a directory) and any extra `pages`
 * (path → HTML, or bytes). Listens on 127.0.0.1 only, on a free port.
 */
export async function serve(
  mounts: Record<string, string>,
  pages: Record<string, string | Uint8Array> = {},
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path in pages) {
      const body = pages[path];
      res.writeHead(200, { "content-type": typeof body === "string" ? TYPES[".html"] : "application/octet-stream" });
      res.end(body);
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir))) break;
      try {
        if (!statSync(file).isFile()) break;
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        res.end(readFileSync(file));
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    add: (path, body) => {
      pages[path] = body;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
