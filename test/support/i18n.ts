// A chrome.i18n for DOM tests, answering from our English messages as a browser would.
import en from "../../src/_locales/en/messages.json";

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Chrome's substitution rules: named $placeholders$ map to $1…$9; $$ is a dollar sign. */
export function formatMessage(messages: Messages, key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return "";
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n) => substitutions[Number(n) - 1] ?? "");
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : "";
    })
    .replace(/\$\$/g, "$");
}

export function installI18n(messages: Messages = en as Messages, dir: "ltr" | "rtl" = "ltr"): void {
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: {
      getMessage: (key: string, subs?: string[]) => (key === "@@bidi_dir" ? dir : formatMessage(messages, key, subs)),
      getUILanguage: () => "en",
    },
  };
}
