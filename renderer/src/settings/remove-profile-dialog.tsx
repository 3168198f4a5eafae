import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';

type Props = {
  name: string;
  onConfirm(): Promise<AppError | null>;
  onClose(): void;
};

/** Asks before a profile goes, and says plainly that its orders stay. Escape or "Keep it" backs out. */
export function RemoveProfileDialog({ name, onConfirm, onClose }: Props) {
  const { t } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function remove() {
    setRemoving(true);
    const failed = await onConfirm();
    setRemoving(false);
    if (failed) setError(failed);
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="remove-title"
      aria-describedby="remove-consequence"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="remove-title">{t.removeTitle(name)}</h2>
      <p id="remove-consequence">{t.removeConsequence}</p>
      {error && <ErrorAlert error={error} />}
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus onClick={onClose} disabled={removing}>
          {t.keepIt}
        </button>
        <button type="button" className="danger" onClick={remove} disabled={removing}>
          {removing ? t.removing : t.removeProfile}
        </button>
      </div>
    </dialog>
  );
}
