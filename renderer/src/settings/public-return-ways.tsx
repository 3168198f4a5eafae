import { DEFAULT_LISTEN_PORT } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { DataText } from '../data-text';
import { isLoopback } from './listen-address-field';

const ALL_NETWORKS = /^(0\.0\.0\.0|::|\[::\])$/;

/**
 * Where a tunnel or proxy on this computer reaches the listener, as the core's own tunnel target: loopback when
 * PayDesk listens on loopback or on every network, else the address it listens on.
 */
function listenerTarget(listenHost: string, listenPort: string): { url: string; port: string; local: boolean } {
  const host = listenHost.trim();
  const port = /^\d{1,5}$/.test(listenPort.trim()) ? listenPort.trim() : String(DEFAULT_LISTEN_PORT);
  const local = host === '' || ALL_NETWORKS.test(host) || isLoopback(host, []);
  const shown = local ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return { url: `http://${shown}:${port}`, port, local };
}

/**
 * The well-kept ways to put a public https address in front of PayDesk, each with the exact command or line
 * that points it at this listener. Product names and commands stay as their makers write them.
 */
export function PublicReturnWays({ listenHost, listenPort }: { listenHost: string; listenPort: string }) {
  const { t } = useLanguage();
  const target = listenerTarget(listenHost, listenPort);
  // Tailscale and ngrok take a bare port for a listener on loopback, and the full address otherwise.
  const upstream = target.local ? target.port : target.url;
  const ways = [
    { name: 'Cloudflare Tunnel', command: `cloudflared tunnel run --url ${target.url} NAME`, note: t.returnWays.cloudflare },
    { name: 'Tailscale Funnel', command: `tailscale funnel ${upstream}`, note: t.returnWays.tailscale },
    { name: 'ngrok', command: `ngrok http --domain=NAME ${upstream}`, note: t.returnWays.ngrok },
    { name: 'nginx', command: `proxy_pass ${target.url};`, note: t.returnWays.nginx },
  ];
  return (
    <section className="return-ways" aria-labelledby="return-ways-title">
      <h3 id="return-ways-title">{t.returnWaysTitle}</h3>
      <p className="field-hint">
        <DataText text={t.returnWaysIntro(target.url)} data={[target.url]} />
      </p>
      <dl>
        {ways.map((way) => (
          <div key={way.name} className="return-way">
            <dt translate="no">{way.name}</dt>
            <dd>
              <code className="command" translate="no">
                {way.command}
              </code>
              <span className="field-hint">{way.note}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
