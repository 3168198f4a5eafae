// What an attacker puts where a return carries its transaction id, as the query string of a return link
// (already percent-encoded where a browser would encode it). Shared by the forged-return scenarios.
const id = (raw: string) => `transaction_id=${encodeURIComponent(raw)}`;

export const HOSTILE_TRANSACTION_IDS: readonly string[] = [
  // Markup, with and without spaces.
  id('<script>alert(1)</script>'),
  id('<svg/onload=alert(1)>'),
  id('"><img src=x onerror=alert(1)>'),
  id('<b>PAID</b>'),
  id("javascript:alert('x')"),
  // SQL.
  id("' OR '1'='1"),
  id("'OR'1'='1'--"),
  id("1';DROP TABLE orders;--"),
  id("x'UNION/**/SELECT/**/ciphertext/**/FROM/**/secrets--"),
  id(`";UPDATE/**/orders/**/SET/**/status='paid'--`),
  // Spreadsheet formulas, for the order list a shop exports.
  id('=HYPERLINK("http://evil.example","Refund")'),
  id('+1-1'),
  id('-2+3'),
  id('@SUM(A1)'),
  // Paths and URLs.
  id('../../etc/passwd'),
  id('..%2f..%2fpaydesk.db'),
  id('http://evil.example/'),
  // Long: 129 characters, 3 KB and 10 KB.
  id('A'.repeat(129)),
  id('B'.repeat(3 * 1024)),
  id('C'.repeat(10 * 1024)),
  id(`<${'x'.repeat(10 * 1024)}>`),
  // Control characters and whitespace.
  id('ABC\u0000DEF'),
  id('ABC\r\nSet-Cookie: paid=1'),
  id('\u001b[31mPAID\u001b[0m'),
  id('TRX\tONE'),
  id('TRX\u007f'),
  id(' CJH1D2Y4W1'),
  'transaction_id=CJH1+D2Y4W1',
  // Not UTF-8: a lone continuation byte, an overlong slash, a surrogate, a truncated sequence.
  'transaction_id=%C3%28',
  'transaction_id=%C0%AF',
  'transaction_id=%ED%A0%80',
  'transaction_id=%FF%FE%FD',
  'transaction_id=%E0%A4',
  // Broken percent-encoding.
  'transaction_id=%',
  'transaction_id=%zz%',
  // Lookalikes: Cyrillic, full-width, Bengali digits.
  id('ТRX１２３'),
  id('TRX১২৩'),
  // Missing, empty and repeated parameters.
  '',
  'transaction_id=',
  'transaction_id',
  'Transaction_ID=CJH1D2Y4W1',
  'transaction_id=A1B2C3&transaction_id=Z9Y8X7',
  'transaction_id=A1B2C3&transaction_id=A1B2C3',
  `transaction_id=A1B2C3&${'transaction_id=X&'.repeat(50)}`,
  'transaction_id[]=A1B2C3',
];
