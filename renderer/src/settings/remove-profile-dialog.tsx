import { useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';

type Props = {
  name: string;
  onConfirm(): Promise<AppError | null>;
  onClose(): void;
};

/** Asks before a profile goes, and says plainly that its orders stay. Escape or "Keep it" backs out. */
export function RemoveProfileDialog({ name, onConfirm, onClose }: Props) {
  const { t } = useLanguage();
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function remove() {
    setRemoving(true);
    const failed = await onConfirm();
    setRemoving(false);
    if (failed) setError(failed);
  }

  return (
    <Dialog
      titleId="remove-title"
      descriptionId="remove-consequence"
      title={t.removeTitle(name)}
      description={t.removeConsequence}
      onClose={onClose}
      busy={removing}
      error={error}
      closeLabel={t.keepIt}
      focusClose
      confirm={
        <button type="button" className="danger" onClick={remove} disabled={removing}>
          {removing ? t.removing : t.removeProfile}
        </button>
      }
    />
  );
}
