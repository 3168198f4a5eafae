// Sending a pending link and printing its QR code, through the router the app's page calls: the real core, a link
// from the sandbox gateway, the test platform holding the main process's allow-list, and the sign's PDF from real
// Chromium read back with pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Order } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { tempDir } from '../support/temp-dir';

const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f000500020' +
    '1c7d3cb6d0000000049454e44ae426082',
  'hex',
);

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageSizeMm = (file: string) => {
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  return [Math.round((Number(w) / 72) * 25.4), Math.round((Number(h) / 72) * 25.4)];
};
/** pdftotext puts spaces inside some shaped Bengali clusters, so Bengali is compared without spaces. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

async function shopWithLink(t: { after(fn: () => unknown): void }): Promise<{ core: TestCore; order: Order }> {
  const core = await startTestCore(t);
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '' });
  const order = await call(core, 'createPaymentLink', { amount: '150.50', customerEmail: 'rahim@shop.test' });
  return { core, order };
}

test('a pending link goes to WhatsApp, SMS and e-mail with the message in the shop’s language', async (t) => {
  const { core, order } = await shopWithLink(t);
  await call(core, 'shareLink', { ref: order.ref, via: 'whatsapp', to: '01711-000000' });
  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'bn' });
  await call(core, 'shareLink', { ref: order.ref, via: 'sms', to: '০১৮১১ ২২২৩৩৩' });
  await call(core, 'shareLink', { ref: order.ref, via: 'email' });

  const [whatsapp, sms, email] = core.platform.shared.map((url) => new URL(url));
  assert.equal(core.platform.shared.length, 3);
  assert.equal(`${whatsapp!.origin}${whatsapp!.pathname}`, 'https://wa.me/8801711000000');
  assert.equal(
    whatsapp!.searchParams.get('text'),
    `Payment request from রহমান স্টোর: ৳150.50 (order ${order.ref}).\nPay at this link: ${order.paymentUrl}\nThis is a sandbox test: no real money moves.`,
  );
  assert.equal(`${sms!.protocol}${sms!.pathname}`, 'sms:+8801811222333');
  assert.match(sms!.searchParams.get('body')!, /^রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০\.৫০ /);
  assert.equal(`${email!.protocol}${email!.pathname}`, 'mailto:rahim@shop.test');
  assert.equal(email!.searchParams.get('subject'), 'রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০.৫০');
  assert.deepEqual(core.platform.opened, [], 'nothing went to the browser');
});

test('a page cannot make PayDesk hand over any other scheme, address or field', async (t) => {
  const { core, order } = await shopWithLink(t);
  const crafted = [
    { ref: order.ref, via: 'javascript', to: 'alert(1)' },
    { ref: order.ref, via: 'file', to: '/etc/passwd' },
    { ref: order.ref, via: 'whatsapp', to: 'javascript:alert(1)' },
    { ref: order.ref, via: 'whatsapp', to: 'whatsapp://send?phone=8801711000000&text=hi&extra=1' },
    { ref: order.ref, via: 'whatsapp', to: '01711000000&text=Pay elsewhere: https://evil.example' },
    { ref: order.ref, via: 'sms', to: '01711000000?body=x' },
    { ref: order.ref, via: 'email', to: 'rahim@shop.test?attach=/etc/passwd' },
    { ref: order.ref, via: 'email', to: 'rahim@shop.test&bcc=spy@evil.example' },
    { ref: order.ref, via: 'email', to: 'file:///etc/passwd' },
    { ref: order.ref, via: 'email', to: 'x'.repeat(300) },
  ];
  for (const payload of crafted) {
    const reply = await core.router.handle('shareLink', payload, APP_SENDER);
    assert.equal(reply.ok, false, JSON.stringify(payload));
    if (!reply.ok) assert.equal(reply.error.kind, 'invalid_input', JSON.stringify(payload));
  }
  // A field the contract does not name never reaches the handler: the address is always PayDesk's own.
  await call(core, 'shareLink', { ref: order.ref, via: 'whatsapp', url: 'javascript:alert(1)' } as never);
  assert.deepEqual(
    core.platform.shared.map((url) => new URL(url).origin),
    ['https://wa.me'],
  );
  // And what the core hands over still passes the main process's allow-list, which refuses the rest.
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'whatsapp://send?phone=8801711000000&text=hi&extra=1']) {
    await assert.rejects(core.platform.openShareLink(url), /refuses/, url);
  }
  assert.equal(core.platform.shared.length, 1);
  assert.deepEqual(core.platform.opened, []);
  const other = await core.router.handle(
    'shareLink',
    { ref: order.ref, via: 'whatsapp' },
    { url: 'https://evil.example/', isMainFrame: true },
  );
  assert.ok(!other.ok && other.error.code === 'untrusted_sender', 'and another page cannot ask at all');
});

test('a paid, cancelled or unknown order is not sent, and a system without the app says so', async (t) => {
  const { core, order } = await shopWithLink(t);
  core.platform.choices.shareApp = false;
  const none = await core.router.handle('shareLink', { ref: order.ref, via: 'sms' }, APP_SENDER);
  assert.ok(!none.ok);
  assert.deepEqual([none.error.code, none.error.params], ['share_no_app', { via: 'sms' }]);
  assert.equal(render(none.error, 'bn'), 'এই কম্পিউটারে এসএমএস লিংক খোলার কোনো অ্যাপ নেই: লিংকটি কপি করে নিজে পাঠান।');
  core.platform.choices.shareApp = true;

  await call(core, 'cancelOrder', { ref: order.ref });
  const cancelled = await core.router.handle('shareLink', { ref: order.ref, via: 'whatsapp' }, APP_SENDER);
  assert.ok(!cancelled.ok);
  assert.deepEqual([cancelled.error.code, cancelled.error.params], ['share_not_pending', { ref: order.ref, status: 'cancelled' }]);
  const sign = await core.router.handle('outputQrSign', { ref: order.ref, layout: 'a4', to: 'print' }, APP_SENDER);
  assert.ok(!sign.ok && sign.error.code === 'share_not_pending', 'nor printed as a sign');
  const unknown = await core.router.handle('shareLink', { ref: 'PD-999999', via: 'email' }, APP_SENDER);
  assert.ok(!unknown.ok && unknown.error.code === 'order_not_found');
  assert.deepEqual([core.platform.shared, core.platform.printed], [[], []]);
});

test('the QR sign, on A4 and on the 80 mm roll, in English and in Bengali, carries the shop, the amount and both “Scan to pay”', async (t) => {
  const { core, order } = await shopWithLink(t);
  core.platform.choices.logo = PNG_1X1;
  await call(core, 'chooseShopLogo', {});
  const dir = tempDir(t);
  for (const language of ['en', 'bn'] as const) {
    await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language });
    for (const layout of ['a4', 'roll80'] as const) {
      const file = join(dir, `sign-${language}-${layout}.pdf`);
      core.platform.choices.saveFile = file;
      assert.deepEqual(await call(core, 'outputQrSign', { ref: order.ref, layout, to: 'pdf' }), {
        saved: true,
        count: 1,
        fileName: `sign-${language}-${layout}.pdf`,
        cancelled: false,
      });
      assert.equal(core.platform.saveDialogs.at(-1)!.defaultName, `qr-${order.ref}.pdf`);
      assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
      const text = squeezed(pdfText(file));
      const amount = language === 'bn' ? '৳১৫০.৫০' : '৳150.50';
      // pdftotext moves the leading স্ of স্ক্যান elsewhere in the line, so the words after it are compared.
      for (const expected of ['রহমান স্টোর', 'Scan to pay', 'ক্যান করে পরিশোধ করুন', amount, order.ref]) {
        assert.ok(text.includes(squeezed(expected)), `the ${language} ${layout} sign shows ${expected}\n${text}`);
      }
      assert.ok(text.includes(squeezed(language === 'bn' ? 'পরীক্ষা — আসল টাকা লেনদেন হবে না' : 'SANDBOX — no real money moves')));
      assert.equal(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1], '1', 'one page');
      const [width, height] = pageSizeMm(file);
      if (layout === 'a4') assert.deepEqual([width, height], [210, 297]);
      else assert.equal(width, 80, 'the roll is 80 mm wide');
    }
  }
  const title = core.platform.saveDialogs.at(-1)!.title;
  assert.equal(title, 'কিউআর কোড পিডিএফ হিসেবে রাখুন', 'the save dialog speaks the shop’s language');

  await call(core, 'outputQrSign', { ref: order.ref, layout: 'roll80', to: 'print' });
  await call(core, 'outputQrSign', { ref: order.ref, layout: 'a4', to: 'preview' });
  const [printed] = core.platform.printed;
  const [previewed] = core.platform.previewed;
  assert.match(printed!, /@page\{size:80mm \d+mm/);
  assert.match(previewed!, /<svg class="qr"[^>]*width="130mm"/, 'on A4 the code is 13 cm wide');
  assert.ok(!/<script/i.test(previewed!), 'a sign carries no script');
  assert.ok(!/(src|href)="https?:/i.test(previewed!), 'and loads nothing from the network');
  core.platform.choices.saveFile = null;
  assert.equal((await call(core, 'outputQrSign', { ref: order.ref, layout: 'a4', to: 'pdf' })).saved, false);
});
