import type { ReturnReach } from '../../../shared/contract';
import { reachWarning } from '../../../shared/reach-warnings';
import { useLanguage } from '../i18n/language-provider';
import { MessageText } from '../data-text';
import { useReturnWay } from '../status/return-way';

/** Whether a link whose customers come back from `reach` must be handed out with a warning. */
export const reachWarns = (reach: ReturnReach | null): reach is Exclude<ReturnReach, 'anywhere'> => reach !== null && reach !== 'anywhere';

type Props = {
  reach: ReturnReach | null;
  /** A sandbox link: on this computer only, a phone cannot even open the sandbox's checkout page. */
  sandbox: boolean;
  id: string;
};

/**
 * Said above a link before it is handed out, when a customer paying on a phone will not come back to PayDesk
 * (or only from the shop's Wi-Fi), with the way to the setting that changes it.
 */
export function ReturnReachWarning({ reach, sandbox, id }: Props) {
  const { t } = useLanguage();
  const { chooseWhere } = useReturnWay();
  const warning = reach === null ? null : reachWarning(reach, sandbox);
  if (warning === null) return null;
  return (
    <div className={`reach-warning is-${reach}`} id={id} role="note">
      <p>
        <MessageText message={warning} />
      </p>
      <button type="button" className="link-button" onClick={chooseWhere}>
        {t.chooseWhereCustomersPay}
      </button>
    </div>
  );
}
