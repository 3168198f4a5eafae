// One GET or HEAD as a particular client sends it: from a chosen local address (127.0.0.0/8 is all this
// computer, so 127.0.0.2 and 127.0.0.3 are two clients to the listener), with the headers a test names (a Host
// of its choosing too, which fetch will not send). Rejects when the connection is refused or closed unanswered.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

export type GetOptions = {
  method?: 'GET' | 'HEAD';
  /** The local address to connect from. */
  from?: string;
  headers?: Record<string, string>;
  /** Reuses this agent's connections (keep-alive) instead of one connection for the request. */
  agent?: Agent;
};

export function httpGet(url: string, { method = 'GET', from, headers = {}, agent }: GetOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      { method, headers, timeout: 5000, ...(agent ? { agent } : { agent: false, localAddress: from }) },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    sent.on('timeout', () => sent.destroy(new Error('no answer in time')));
    sent.on('error', reject);
    sent.end();
  });
}
