import { useEffect, useRef, useState } from 'react';
import type { AboutPaydesk, AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

export const ABOUT_SECTION_ID = 'about-paydesk';

type Copy = { kind: 'idle' } | { kind: 'copying' } | { kind: 'copied' } | { kind: 'unavailable'; text: string };

/**
 * Help › About: what this PayDesk is (its version, the Electron and Chromium it runs on), where its data and its
 * logs are, each with a button that opens the folder, and Copy diagnostics for whoever helps the shop. Paths,
 * versions and product names are data: the same in every language.
 */
export function AboutSection() {
  const { t } = useLanguage();
  const [about, setAbout] = useState<AboutPaydesk | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [copy, setCopy] = useState<Copy>({ kind: 'idle' });
  const fallback = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    void callPaydesk('getAbout', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) setAbout(reply.value);
      else setError(reply.error);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (copy.kind === 'unavailable') fallback.current?.select();
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [copy]);

  async function openFolder(folder: 'data' | 'logs') {
    setError(null);
    const reply = await callPaydesk('openFolder', { folder });
    if (!reply.ok) setError(reply.error);
  }

  async function copyDiagnostics() {
    setError(null);
    setCopy({ kind: 'copying' });
    const reply = await callPaydesk('getDiagnostics', {});
    if (!reply.ok) {
      setCopy({ kind: 'idle' });
      return setError(reply.error);
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(reply.value.text);
      setCopy({ kind: 'copied' });
    } catch {
      // Out of the clipboard's reach: the text is shown selected, so Ctrl+C finishes the job.
      setCopy({ kind: 'unavailable', text: reply.value.text });
    }
  }

  const version = (value: string | null) => (value ? <span translate="no">{value}</span> : t.aboutNotDesktop);

  return (
    <section className="card about-card" id={ABOUT_SECTION_ID} aria-labelledby="about-title" tabIndex={-1}>
      <h2 id="about-title">{t.aboutTitle}</h2>
      <p className="card-intro muted">{t.aboutIntro}</p>
      {error && <ErrorAlert error={error} />}
      {!about ? (
        !error && <p className="muted">{t.aboutLoading}</p>
      ) : (
        <dl className="about-facts">
          <dt>{t.aboutVersion}</dt>
          <dd className="about-version">{version(about.version)}</dd>
          <dt translate="no">Electron</dt>
          <dd className="about-electron">{version(about.electron)}</dd>
          <dt translate="no">Chromium</dt>
          <dd className="about-chromium">{version(about.chromium)}</dd>
          <dt>{t.aboutDataFolder}</dt>
          <dd className="about-folder">
            <code translate="no" className="about-data-dir">
              {about.dataDir}
            </code>
            <button type="button" className="secondary" onClick={() => openFolder('data')}>
              {t.aboutOpenFolder}
            </button>
          </dd>
          <dt>{t.aboutLogsFolder}</dt>
          <dd className="about-folder">
            <code translate="no" className="about-logs-dir">
              {about.logsDir}
            </code>
            <button type="button" className="secondary" onClick={() => openFolder('logs')}>
              {t.aboutOpenLogsFolder}
            </button>
          </dd>
        </dl>
      )}
      <div className="about-diagnostics">
        <button type="button" className="secondary" onClick={copyDiagnostics} aria-busy={copy.kind === 'copying'}>
          {copy.kind === 'copied' ? t.copied : t.aboutCopyDiagnostics}
        </button>
        <p className="muted">{t.aboutDiagnosticsHint}</p>
        <p className="copy-outcome" role="status">
          {copy.kind === 'copied' && t.aboutDiagnosticsCopied}
          {copy.kind === 'unavailable' && t.aboutDiagnosticsUnavailable}
        </p>
        {copy.kind === 'unavailable' && (
          <textarea
            ref={fallback}
            className="about-diagnostics-text"
            translate="no"
            readOnly
            rows={8}
            value={copy.text}
            aria-label={t.aboutCopyDiagnostics}
          />
        )}
      </div>
    </section>
  );
}

/** Brings the About section (on the Settings screen already shown) into view, with the focus. */
export function showAboutSection(): void {
  const section = document.getElementById(ABOUT_SECTION_ID);
  section?.scrollIntoView({ block: 'start' });
  section?.focus({ preventScroll: true });
}

/** The way to Help › About from the top of Settings: one press, and the section is in view with the focus. */
export function AboutShortcut() {
  const { t } = useLanguage();
  return (
    <p className="about-shortcut">
      <button type="button" className="link-button" onClick={showAboutSection}>
        {t.aboutTitle}
      </button>
    </p>
  );
}
