import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';

type Props = {
  name: string;
  onConfirm(): Promise<AppError | null>;
  onClose(): void;
};

/** Asks before a profile goes, and says plainly that its orders stay. Escape or "Keep it" backs out. */
export function RemoveProfileDialog({ name, onConfirm, onClose }: Props) {
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
      <h2 id="remove-title">Remove the profile “{name}”?</h2>
      <p id="remove-consequence">
        PayDesk stops using it and forgets its API key. Its orders are kept: they stay listed, read-only, under
        All profiles.
      </p>
      {error && <ErrorAlert error={error} />}
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus onClick={onClose} disabled={removing}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={remove} disabled={removing}>
          {removing ? 'Removing…' : 'Remove profile'}
        </button>
      </div>
    </dialog>
  );
}
