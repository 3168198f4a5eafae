import { useEffect, useState } from 'react';
import type { AppError, PhoneReached, PhoneTest as Test, ReturnReach } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';
import { QrCode } from '../qr-code';

type Props = {
  /** No test can start for the profile on show (not saved, not in use, edited): the form says why. */
  blocked: boolean;
  /** Who can come back to the return address now. */
  reach: ReturnReach | null;
};

/**
 * "Test with a phone": a QR code for a one-time page on the return address. The phone that opens it shows
 * "PayDesk can hear this phone", and this screen says so the moment it does: the check a shopkeeper trusts.
 */
export function PhoneTest({ blocked, reach }: Props) {
  const { t, formats } = useLanguage();
  const [starting, setStarting] = useState(false);
  const [test, setTest] = useState<Test | null>(null);
  const [reached, setReached] = useState<PhoneReached | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => onPaydeskEvent('phoneReached', setReached), []);

  async function start() {
    setStarting(true);
    setError(null);
    const reply = await callPaydesk('startPhoneTest', {});
    setStarting(false);
    if (!reply.ok) return setError(reply.error);
    setReached(null);
    setTest(reply.value);
  }

  return (
    <div className="phone-test">
      <div className="connection-check">
        <button type="button" className="secondary" onClick={start} disabled={starting || blocked} aria-describedby="phone-test-hint">
          {test ? t.newPhoneTest : t.testWithPhone}
        </button>
        <span className="field-hint" id="phone-test-hint">
          {t.phoneTestHint}
        </span>
      </div>
      {error && <ErrorAlert error={error} />}
      {test && (
        <div className="phone-test-page">
          <QrCode
            url={test.url}
            label={t.phoneTestQrLabel}
            caption={t.phoneTestCaption(formats.time(test.expiresAt))}
            size={168}
            className="phone-qr"
          />
          <div className="phone-test-text">
            {reach === 'this_computer' && <p className="exposure-warning">{t.phoneTestLoopback}</p>}
            <p className="field-hint">{t.phoneTestAddress}</p>
            <code className="command" translate="no">
              {test.url}
            </code>
            <p className={`phone-reached${reached ? ' is-reached' : ''}`} role="status" aria-live="polite">
              {reached ? t.phoneReached(reached.address) : t.waitingForPhone}
              {reached && (
                <time className="muted" dateTime={reached.at}>
                  {' '}
                  {formats.time(reached.at)}
                </time>
              )}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
