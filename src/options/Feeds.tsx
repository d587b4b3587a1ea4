import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { feedUrls } from "../feeds/format.ts";
import { countOf } from "../shared/count.ts";
import { t, uiLanguage } from "../shared/i18n.ts";
import { formatDate } from "../shared/labels.ts";
import type { FeedInfo, FeedPreview } from "../shared/protocol-types.ts";
import { sendToBackground } from "../shared/runtime.ts";

/**
 * Adding a feed: its address and key, the host permission for its origin alone (asked in the
 * click, as browsers require), a preview of what it adds, then the subscription. A feed that
 * cannot be read or verified is refused with the reason, and nothing is stored.
 */
export function FeedSubscribe({ onSaved }: { onSaved: () => Promise<void> }) {
  const [url, setUrl] = useState("");
  const [key, setKey] = useState("");
  /** What was looked at, with the address and key it came from: Subscribe adds exactly that. */
  const [preview, setPreview] = useState<{ url: string; key: string; feed: FeedPreview } | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const edit = (set: (value: string) => void, value: string) => {
    set(value);
    setPreview(null);
  };

  const look = async () => {
    setError("");
    setStatus("");
    setPreview(null);
    let site: string;
    try {
      const { protocol, hostname } = new URL(feedUrls(url).origin);
      // Match patterns have no port: the permission is for the host, whatever its port.
      site = `${protocol}//${hostname}/*`;
    } catch (e) {
      return setError(t("feedsRefused", (e as Error).message));
    }
    // First, inside the click: the browser asks the reader for this one site.
    const granted = await browser.permissions.request({ origins: [site] }).catch(() => false);
    if (!granted) return setError(t("feedsNoPermission", site.slice(0, -2)));
    setBusy(true);
    try {
      const answer = await sendToBackground({ type: "backstory:preview-feed", url, publicKey: key });
      if (answer.error || !answer.preview) setError(t("feedsRefused", answer.error ?? ""));
      else setPreview({ url, key, feed: answer.preview });
    } catch (e) {
      setError(t("feedsRefused", (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const subscribe = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const answer = await sendToBackground({
        type: "backstory:subscribe-feed",
        url: preview.url,
        publicKey: preview.key,
      });
      if (answer.error) return setError(t("feedsRefused", answer.error));
      setStatus(t("feedsSubscribed", preview.feed.title, countOf(preview.feed.entries, "entriesOne", "entriesMany")));
      setPreview(null);
      setUrl("");
      setKey("");
      await onSaved();
    } catch (e) {
      setError(t("feedsRefused", (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="feeds">
      <h3>{t("feedsHeading")}</h3>
      <p class="muted">{t("feedsHelp")}</p>
      <p>
        <label>
          {t("feedsUrlLabel")}{" "}
          <input type="url" value={url} size={50} onInput={(e) => edit(setUrl, e.currentTarget.value)} />
        </label>
      </p>
      <p>
        <label>
          {t("feedsKeyLabel")}{" "}
          <input
            type="text"
            value={key}
            size={50}
            spellcheck={false}
            autocomplete="off"
            onInput={(e) => edit(setKey, e.currentTarget.value)}
          />
        </label>
      </p>
      <p>
        <button type="button" disabled={busy || !url || !key} onClick={() => void look()}>
          {t("feedsLook")}
        </button>
      </p>
      {error && (
        <p class="problems" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div class="import-preview" aria-live="polite">
          <p>
            {t(
              "feedsPreview",
              preview.feed.title,
              preview.feed.publisher,
              countOf(preview.feed.entries, "entriesOne", "entriesMany"),
              preview.feed.version,
              formatDate(preview.feed.published.slice(0, 10)),
            )}
          </p>
          <button type="button" disabled={busy} onClick={() => void subscribe()}>
            {t("feedsSubscribe")}
          </button>{" "}
          <button type="button" onClick={() => setPreview(null)}>
            {t("feedsCancel")}
          </button>
        </div>
      )}
      {status && (
        <p role="status" class="muted">
          {status}
        </p>
      )}
    </div>
  );
}

/** Under a feed's glossary in the list: where it comes from, its checks, and Check now / Pause. */
export function FeedDetails({
  id,
  name,
  feed,
  onChanged,
}: {
  id: string;
  name: string;
  feed: FeedInfo;
  onChanged: () => Promise<void>;
}) {
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const when = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleString(uiLanguage(), { dateStyle: "medium", timeStyle: "short" }) : t("feedsNever");

  const checkNow = async () => {
    setBusy(true);
    setStatus("");
    try {
      const result = await sendToBackground({ type: "backstory:check-feed", id });
      await onChanged();
      if (result.outcome === "refused") setStatus(t("feedsNotUpdated", name, result.reason ?? ""));
      else if (result.outcome === "unchanged") setStatus(t("feedsUnchanged", name));
      else {
        const list = await sendToBackground({ type: "backstory:list-glossaries" });
        setStatus(t("feedsUpdated", name, list.user.find((g) => g.id === id)?.feed?.version ?? ""));
      }
    } catch (e) {
      setStatus(t("feedsNotUpdated", name, (e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const setPaused = async (paused: boolean) => {
    await sendToBackground({ type: "backstory:set-feed-paused", id, paused });
    await onChanged();
  };

  return (
    <div class="feed-details muted">
      <p>{t("feedsDetail", feed.url, feed.version, formatDate(feed.published.slice(0, 10)))}</p>
      <p>{t("feedsChecked", when(feed.lastCheck), when(feed.lastSuccess))}</p>
      {feed.lastError && <p class="problems">{t("feedsLastError", feed.lastError)}</p>}
      {feed.paused && <p>{t("feedsPausedNote")}</p>}
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={() => void checkNow()}
          aria-label={t("feedsCheckNowLabel", name)}
        >
          {t("feedsCheckNow")}
        </button>{" "}
        {feed.paused ? (
          <button type="button" onClick={() => void setPaused(false)} aria-label={t("feedsResumeLabel", name)}>
            {t("feedsResume")}
          </button>
        ) : (
          <button type="button" onClick={() => void setPaused(true)} aria-label={t("feedsPauseLabel", name)}>
            {t("feedsPause")}
          </button>
        )}
      </p>
      {status && (
        <p role="status" aria-live="polite">
          {status}
        </p>
      )}
    </div>
  );
}
