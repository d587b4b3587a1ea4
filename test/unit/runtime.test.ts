import { afterEach, describe, expect, it } from "vitest";
import { FAILED, sendToBackground, sendToTab } from "../../src/shared/runtime.ts";

const g = globalThis as { chrome?: unknown };

/** A stand-in for the browser's runtime whose sendMessage answers with `reply` (or throws it). */
function fakeRuntime(replies: (() => unknown)[]): { sent: unknown[] } {
  const sent: unknown[] = [];
  g.chrome = {
    runtime: {
      id: "test",
      getURL: (p: string) => p,
      onMessage: { addListener() {} },
      sendMessage: async (message: unknown) => {
        sent.push(message);
        const next = replies.shift();
        return next?.();
      },
    },
  };
  return { sent };
}

afterEach(() => {
  delete g.chrome;
});

describe("sending to the background", () => {
  it("returns the reply", async () => {
    fakeRuntime([() => ({ settings: { version: 1 } })]);
    await expect(sendToBackground({ type: "backstory:get-settings" })).resolves.toEqual({ settings: { version: 1 } });
  });

  it("rejects with the reason when the background answers that the request failed", async () => {
    fakeRuntime([() => ({ [FAILED]: "storage is full" })]);
    await expect(sendToBackground({ type: "backstory:get-settings" })).rejects.toThrow("storage is full");
  });

  it("sends once more when the worker stopped while answering, and only then", async () => {
    const { sent } = fakeRuntime([
      () => {
        throw new Error("A listener indicated an asynchronous response, but the message channel closed");
      },
      () => ({ settings: {} }),
    ]);
    await expect(sendToBackground({ type: "backstory:get-settings" })).resolves.toEqual({ settings: {} });
    expect(sent).toHaveLength(2);
    fakeRuntime([
      () => {
        throw new Error("something else");
      },
    ]);
    await expect(sendToBackground({ type: "backstory:get-settings" })).rejects.toThrow("something else");
  });
});

describe("replies that are not objects, and tabs", () => {
  it("returns a reply that is not an object as it is (an unanswered message is undefined)", async () => {
    fakeRuntime([() => undefined, () => null, () => "text"]);
    const get = { type: "backstory:get-settings" } as const;
    expect(await sendToBackground(get)).toBeUndefined();
    expect(await sendToBackground(get)).toBeNull();
    expect(await sendToBackground(get)).toBe("text");
  });

  it("refuses to reach a tab where there is no tabs API (a content script), saying so", async () => {
    fakeRuntime([]);
    await expect(sendToTab(1, { type: "backstory:get-page-stats" })).rejects.toThrow("no tabs API in this context");
  });

  it("asks a tab's top frame only", async () => {
    fakeRuntime([]);
    const calls: unknown[] = [];
    (g.chrome as { tabs?: unknown }).tabs = {
      sendMessage: async (...args: unknown[]) => {
        calls.push(args);
        return { shown: true };
      },
    };
    expect(await sendToTab(7, { type: "backstory:navigate", direction: "next" })).toEqual({ shown: true });
    expect(calls).toEqual([[7, { type: "backstory:navigate", direction: "next" }, { frameId: 0 }]]);
  });
});
