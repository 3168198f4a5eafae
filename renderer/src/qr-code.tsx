import { useMemo } from 'react';
import { encode } from 'uqr';
import { useLanguage } from './i18n/language-provider';

/** Modules of white around the code: scanners need a quiet zone to find it. */
const QUIET_ZONE = 3;

/**
 * The largest code drawn: version 20, 97 modules a side, which holds 666 bytes at medium error correction.
 * Past it a module is under 2 px at the sizes drawn here (168 and 232 px), too fine for a phone camera to read
 * off a shop screen reliably; genuine checkout links are a few hundred characters, far below it.
 */
const MAX_VERSION = 20;

type Drawn = { path: string; modules: number };

/** One rectangle per run of dark modules: a few hundred path commands rather than a few thousand. Null when
 * the address does not fit a code that can be scanned (uqr throws "Data too long"). */
function draw(url: string): Drawn | null {
  let qr: ReturnType<typeof encode>;
  try {
    qr = encode(url, { ecc: 'M', border: QUIET_ZONE, maxVersion: MAX_VERSION });
  } catch {
    return null;
  }
  let d = '';
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`;
    }
  });
  return { path: d, modules: qr.size };
}

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
  const drawn = useMemo(() => draw(url), [url]);

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
