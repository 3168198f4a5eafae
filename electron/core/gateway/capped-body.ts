// An HTTP answer's body read as it streams in, at most `limit` bytes: the gateway's checkout answer and the release
// feed's file are both small, and a server that sends more (or says it will) is hung up on at once.

/** The body passed the limit (or its Content-Length said it would). */
export class BodyTooLarge extends Error {}

type Body = AsyncIterable<Buffer> & { on(event: 'error', listener: () => void): unknown; destroy(): unknown };

export async function readCappedBody(body: Body, contentLength: string | string[] | undefined, limit: number): Promise<Buffer> {
  if (typeof contentLength === 'string' && Number(contentLength) > limit) {
    hangUp(body);
    throw new BodyTooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > limit) {
      hangUp(body);
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Stops reading an answer PayDesk has no use for; undici reports that as an error only the body would hear. */
export function hangUp(body: Pick<Body, 'on' | 'destroy'>): void {
  body.on('error', () => {});
  body.destroy();
}
