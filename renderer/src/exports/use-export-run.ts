import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AppError, ChannelValue, Reply } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type ExportKind = 'csv' | 'receipts';

/** An export under way: how far it got (null until the core's first word) and whether Cancel was pressed. */
export type RunningExport = {
  kind: ExportKind;
  done: number | null;
  total: number | null;
  cancelling: boolean;
  /** Why Cancel did not reach the core; the export goes on and Cancel can be pressed again. */
  cancelError: AppError | null;
};

/** How the last export ended. A cancelled save dialog is no outcome: nothing happened. */
export type ExportOutcome =
  | { kind: ExportKind; ended: 'saved'; count: number }
  | { kind: ExportKind; ended: 'cancelled' }
  | { kind: ExportKind; ended: 'failed'; error: AppError };

export type ExportRun = {
  running: RunningExport | null;
  outcome: ExportOutcome | null;
  /** Starts an export unless one is running; `send` asks the core, which shows the save or folder dialog. */
  start(kind: ExportKind, send: () => Promise<Reply<ChannelValue<'exportOrdersCsv'>>>): Promise<void>;
  cancel(): void;
  dismiss(): void;
};

/**
 * One export at a time, as the core allows: its progress from the core's exportProgress events, Cancel, and
 * how it ended. The core keeps a Cancel pressed while its save dialog is still open.
 */
export function useExportRun(): ExportRun {
  const [running, setRunning] = useState<RunningExport | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const current = useRef<{ kind: ExportKind; cancelling: boolean } | null>(null);

  const sendCancel = useCallback(async () => {
    const reply = await callPaydesk('cancelExport', {});
    if (reply.ok || !current.current) return;
    current.current.cancelling = false;
    setRunning((shown) => shown && { ...shown, cancelling: false, cancelError: reply.error });
  }, []);

  useEffect(
    () =>
      onPaydeskEvent('exportProgress', ({ kind, done, total }) => {
        const run = current.current;
        if (run?.kind !== kind) return;
        // Drawn at once: the last step comes just before the reply that ends the run, and would otherwise be
        // folded into it, so the bar would vanish short of its end.
        flushSync(() => setRunning((shown) => shown && { ...shown, done, total }));
      }),
    [],
  );

  const start = useCallback(async (kind: ExportKind, send: () => Promise<Reply<ChannelValue<'exportOrdersCsv'>>>) => {
    if (current.current) return;
    current.current = { kind, cancelling: false };
    setRunning({ kind, done: null, total: null, cancelling: false, cancelError: null });
    setOutcome(null);
    const reply = await send();
    current.current = null;
    setRunning(null);
    if (!reply.ok) setOutcome({ kind, ended: 'failed', error: reply.error });
    else if (reply.value.cancelled) setOutcome({ kind, ended: 'cancelled' });
    // Not saved and not cancelled: the shopkeeper closed the dialog, so nothing happened and nothing is said.
    else setOutcome(reply.value.saved ? { kind, ended: 'saved', count: reply.value.count } : null);
  }, []);

  const cancel = useCallback(() => {
    if (!current.current || current.current.cancelling) return;
    current.current.cancelling = true;
    setRunning((shown) => shown && { ...shown, cancelling: true, cancelError: null });
    void sendCancel();
  }, [sendCancel]);

  const dismiss = useCallback(() => setOutcome(null), []);

  return { running, outcome, start, cancel, dismiss };
}
