import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../shared/contract';
import { ErrorAlert } from './error-alert';

type Props = {
  /** Ids of the heading and the sentence under it, which name and describe the dialog for screen readers. */
  titleId: string;
  descriptionId: string;
  title: ReactNode;
  description: ReactNode;
  /** Added to `confirm-dialog`. */
  className?: string;
  /** Escape, or the way-out button, the first of the actions. */
  onClose(): void;
  /** The way-out button's words ("Cancel", "Keep it"). */
  closeLabel: string;
  /** Focus starts on the way out, for a dialog whose confirmation cannot be undone. */
  focusClose?: boolean;
  /** Makes the dialog one form (no browser validation) submitted by the actions' submit button. */
  onSubmit?(event: FormEvent): void;
  /** While what the dialog sent is under way: the way out is disabled and the form is aria-busy. */
  busy?: boolean;
  /** A failed reply, shown above the actions. */
  error?: AppError | null;
  /** The confirming button, after the way out in the row of actions. */
  confirm: ReactNode;
  /** Where the focus goes when the dialog closes and what opened it is gone (what the dialog did removed it). */
  returnFocus?(): HTMLElement | null | undefined;
  children?: ReactNode;
};

const canFocus = (element: HTMLElement | null | undefined): element is HTMLElement =>
  !!element && element.isConnected && !element.matches(':disabled') && element.checkVisibility();

/**
 * The app's modal dialog: shown with showModal while it is mounted, Escape handed to `onClose` rather than
 * closing it behind React's back, a heading and a sentence that label and describe it, what it asks, an error
 * if one came back, and its row of actions: the way out, then the confirming button. Closed, it gives the focus
 * back to what opened it, or where `returnFocus` says when that is gone, rather than leaving it at the top of the page.
 */
export function Dialog({
  titleId,
  descriptionId,
  title,
  description,
  className,
  onClose,
  closeLabel,
  focusClose,
  onSubmit,
  busy,
  error,
  confirm,
  returnFocus,
  children,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read while the dialog first renders, before anything in it takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const fallback = useRef(returnFocus);
  fallback.current = returnFocus;

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => {
      element?.close();
      // Unmounted, the dialog took the focus with it; focus the user moved elsewhere stays where it is.
      const focused = document.activeElement;
      if (focused && focused !== document.body && !element?.contains(focused)) return;
      const target = canFocus(opener) ? opener : fallback.current?.();
      if (canFocus(target)) target.focus();
    };
  }, [opener]);

  const content = (
    <>
      <h2 id={titleId}>{title}</h2>
      <p id={descriptionId}>{description}</p>
      {children}
      {error && <ErrorAlert error={error} />}
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus={focusClose} onClick={onClose} disabled={busy}>
          {closeLabel}
        </button>
        {confirm}
      </div>
    </>
  );

  return (
    <dialog
      ref={dialog}
      className={className ? `confirm-dialog ${className}` : 'confirm-dialog'}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate aria-busy={busy}>
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}
