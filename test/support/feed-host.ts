// A static host for a glossary feed in end-to-end tests: on 127.0.0.1, files the test replaces
// at will, and every request it got (path and headers), for the privacy checks.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A static host for the feed: files that the test replaces at will, and every request it got. */
export interface FeedHost {
  url: string;
  files: Map<string, Uint8Array>;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Serves the feed's files under /feed/ on 127.0.0.1 (on `port`, or a free one). */
export async function feedHost(port = 0): Promise<FeedHost> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    host.requests.push({ path, headers: req.headers });
    const data = host.files.get(path.replace(/^\/feed\//, ""));
    if (!data) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const host: FeedHost = {
    files: new Map(),
    requests: [],
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/index.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return host;
}
