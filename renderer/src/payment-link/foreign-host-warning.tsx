import { useEffect, useState } from 'react';
import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';
import { DataText } from '../data-text';

/** The host of the Base URL of the profile named, once known; null until then or where it cannot be said. */
function useGatewayHost(profileName: string | null): string | null {
  const [host, setHost] = useState<string | null>(null);
  useEffect(() => {
    if (profileName === null) return;
    let current = true;
    void callPaydesk('listProfiles', {}).then((reply) => {
      if (!current || !reply.ok) return;
      const named = reply.value.profiles.filter((profile) => profile.name === profileName);
      const profile = named.find((p) => !p.removed) ?? named[0];
      // The host name alone, as the core compares it (a port is no other host).
      setHost(profile && URL.canParse(profile.baseUrl) ? new URL(profile.baseUrl).hostname : null);
    });
    return () => {
      current = false;
    };
  }, [profileName]);
  return host;
}

/**
 * Said beside a link before it is handed out: the gateway answered with a link on another host than its own,
 * which a customer would take for the shop's payment page.
 */
export function ForeignHostWarning({ order, id }: { order: Order; id: string }) {
  const { t } = useLanguage();
  const gateway = useGatewayHost(order.paymentHostForeign ? order.profileName : null);
  if (!order.paymentHostForeign) return null;
  const host = order.paymentHost ?? order.paymentUrl ?? '';
  return (
    <p className="host-warning" id={id} role="note">
      <DataText text={t.foreignHost(host, gateway)} data={[host, gateway ?? '']} />
    </p>
  );
}
