import { useMemo } from 'react';
import { qrPath } from '../../shared/qr-path';
import { useLanguage } from './i18n/language-provider';

/** Modules of white around the code: scanners need a quiet zone to find it. */
const QUIET_ZONE = 3;

type Props = {
  url: string;
  /** What the code is, for screen readers. */
  label: string;
  /** The sentence under the code: who scans it, and what happens then. */
  caption: string;
  /** The caption is a warning (a phone that scans it will not come back to PayDesk). */
  warn?: boolean;
  size?: number;
  className: string;
};

/**
 * An address as a QR code for a phone, with its caption, drawn as one SVG path (no canvas, no data: URL, no
 * inline script: the page's CSP stays as it is). Medium error correction survives a scratched screen. An
 * address too long for a code says so instead.
 */
export function QrCode({ url, label, caption, warn = false, size = 232, className }: Props) {
  const { t } = useLanguage();
  const drawn = useMemo(() => qrPath(url, QUIET_ZONE), [url]);

  if (!drawn) {
    return <p className={`${className} qr-too-long`}>{t.qrTooLong}</p>;
  }
  return (
    <figure className={className}>
      <svg
        className="qr-code"
        role="img"
        aria-label={label}
        width={size}
        height={size}
        viewBox={`0 0 ${drawn.modules} ${drawn.modules}`}
        shapeRendering="crispEdges"
      >
        <rect width={drawn.modules} height={drawn.modules} fill="#fff" />
        <path d={drawn.path} fill="#000" />
      </svg>
      <figcaption className={warn ? 'qr-caption is-warning' : 'qr-caption'}>{caption}</figcaption>
    </figure>
  );
}
