import { useLanguage } from '../i18n/language-provider';
import { DataText } from '../data-text';

type Props = {
  returnUrl: string;
  onCheck(): void;
  onDismiss(): void;
};

/** A live profile whose return address PayDesk has never heard itself at: said once, with the check at hand. */
export function UncheckedReturnNotice({ returnUrl, onCheck, onDismiss }: Props) {
  const { t } = useLanguage();
  return (
    <div className="unchecked-return" role="status">
      <p>
        <DataText text={t.returnUnchecked(returnUrl)} data={[returnUrl]} />
      </p>
      <div className="unchecked-actions">
        <button type="button" className="secondary" onClick={onCheck}>
          {t.checkReturnAddress}
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t.notNow}
        </button>
      </div>
    </div>
  );
}
