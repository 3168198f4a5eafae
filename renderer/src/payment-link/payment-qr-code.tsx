import { useMemo } from 'react';
import { encode } from 'uqr';
import { useLanguage } from '../i18n/language-provider';

/** Modules of white around the code: scanners need a quiet zone to find it. */
const QUIET_ZONE = 3;

/**
 * The payment link as a QR code for the customer's phone, drawn as one SVG path (no canvas, no data: URL, no
 * inline script: the page's CSP stays as it is). Medium error correction survives a scratched screen.
 */
export function PaymentQrCode({ url, size = 232 }: { url: string; size?: number }) {
  const { t } = useLanguage();
  const { path, modules } = useMemo(() => {
    const qr = encode(url, { ecc: 'M', border: QUIET_ZONE });
    let d = '';
    qr.data.forEach((row, y) => {
      // One rectangle per run of dark modules: a few hundred path commands rather than a few thousand.
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        const start = x;
        while (row[x + 1]) x++;
        d += `M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`;
      }
    });
    return { path: d, modules: qr.size };
  }, [url]);

  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={t.qrLabel}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
