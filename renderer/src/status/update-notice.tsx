import { useState } from 'react';
import { DataText } from '../data-text';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { useUpdateStatus } from './use-update-status';

/**
 * One quiet line in the header when the shop's release feed has a newer PayDesk: the versions, Download (the
 * browser opens the feed's https file) and Not now. Never an alert: the counter keeps working as it was.
 */
export function UpdateNotice() {
  const { t } = useLanguage();
  const { status } = useUpdateStatus();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const check = status?.check;
  if (check?.state !== 'available' || dismissed === check.version) return null;
  return (
    <p className="update-notice">
      <span>
        <DataText text={t.updateAvailable(check.version, check.running)} data={[check.version, check.running]} />
      </span>
      {check.downloadUrl && (
        <button type="button" className="link-button" onClick={() => void callPaydesk('openUpdateDownload', {})}>
          {t.download}
        </button>
      )}
      <button type="button" className="link-button" onClick={() => setDismissed(check.version)}>
        {t.notNow}
      </button>
    </p>
  );
}
