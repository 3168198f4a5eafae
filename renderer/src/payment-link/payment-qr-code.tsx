import type { ReturnReach } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { QrCode } from '../qr-code';

type Props = {
  url: string;
  /** Who can come back from this link; null when it cannot be said (another profile's order). */
  reach: ReturnReach | null;
  sandbox: boolean;
  size?: number;
  className: string;
};

/** The payment link as a QR code, whose caption says the truth about a phone that scans it. */
export function PaymentQrCode({ url, reach, sandbox, size, className }: Props) {
  const { t } = useLanguage();
  return (
    <QrCode
      url={url}
      label={t.qrLabel}
      caption={t.qrCaption(reach, sandbox)}
      warn={reach === 'this_computer' || reach === 'unreachable'}
      size={size}
      className={className}
    />
  );
}
