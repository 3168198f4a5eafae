import { useLanguage } from '../i18n/language-provider';

/**
 * Payments this counter took while the shared order book could not be reached: said calmly, since nothing is lost
 * and nothing is asked of the shopkeeper. They wait in this computer's journal and are written to the book by
 * themselves once the database server answers; at 0 the notice is gone.
 */
export function WaitingReturnsNotice({ waiting }: { waiting: number }) {
  const { t, formats } = useLanguage();
  return (
    <p className="waiting-returns" role="status">
      <strong>{t.waitingReturns(waiting, formats.count(waiting))}</strong> {t.waitingReturnsSafe}
    </p>
  );
}
