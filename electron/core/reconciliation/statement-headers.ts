// Which column holds what, guessed from the header's words as the gateway's panel and the wallets' merchant
// portals write them, in English or Bengali. A guess only: the shopkeeper sees it on the mapping screen.
import type { StatementMapping } from '../../../shared/contract';

type Field = keyof StatementMapping;

/** Lower case, Bengali composed one way, joiners and punctuation gone: "Trx. ID" → "trx id". */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

const key = (words: string[]) => words.map(headerKey);

/** Exact names first, field by field; then the words a name contains. */
const EXACT: Record<Field, string[]> = {
  transactionId: key([
    'Transaction ID',
    'TransactionID',
    'Transaction Id No',
    'TrxID',
    'Trx ID',
    'Trx',
    'TxnID',
    'Txn ID',
    'Tran ID',
    'Transaction No',
    'Transaction Number',
    'Transaction Reference',
    'Transaction',
    'Payment ID',
    'লেনদেন আইডি',
    'লেনদেন নম্বর',
    'ট্রানজেকশন আইডি',
    'ট্রানজ্যাকশন আইডি',
    'ট্রানজেকশন নম্বর',
    'TrxID নম্বর',
  ]),
  amount: key([
    'Amount',
    'Amount (BDT)',
    'Amount BDT',
    'Amount (Tk)',
    'Amount Tk',
    'Amount (৳)',
    'Paid Amount',
    'Received Amount',
    'Credit',
    'Credit Amount',
    'Total',
    'টাকা',
    'পরিমাণ',
    'টাকার পরিমাণ',
    'পরিমাণ (টাকা)',
    'মোট',
  ]),
  time: key([
    'Date',
    'Time',
    'Date Time',
    'DateTime',
    'Date & Time',
    'Date and Time',
    'Transaction Date',
    'Transaction Time',
    'Transaction Date Time',
    'Created At',
    'Paid At',
    'Payment Date',
    'Payment Time',
    'Timestamp',
    'তারিখ',
    'সময়',
    'তারিখ ও সময়',
    'তারিখ এবং সময়',
    'লেনদেনের তারিখ',
    'লেনদেনের সময়',
  ]),
  sender: key([
    'Sender',
    'From',
    'Sender Number',
    'Sender No',
    'Sender Account',
    'Customer',
    'Customer Number',
    'Payer',
    'Payer Number',
    'Account',
    'Wallet',
    'Wallet Number',
    'MSISDN',
    'Mobile',
    'Mobile Number',
    'প্রেরক',
    'প্রেরকের নম্বর',
    'প্রেরকের নাম্বার',
    'গ্রাহক',
  ]),
  reference: key([
    'Reference',
    'Ref',
    'Reference No',
    'Reference Number',
    'Invoice',
    'Invoice No',
    'Invoice Number',
    'Order',
    'Order ID',
    'Order Ref',
    'Note',
    'Counter',
    'রেফারেন্স',
    'রেফারেন্স নম্বর',
    'ইনভয়েস',
  ]),
};

/** Bengali letters compared in the same composition as headerKey's. */
const words = (source: string) => new RegExp(source.normalize('NFC'), 'u');

const CONTAINS: Record<Field, RegExp> = {
  transactionId: words(String.raw`\b(?:trx|txn|transaction)(?:id)?\b|লেনদেন|ট্রানজ`),
  amount: words(String.raw`\bamount\b|টাকা|পরিমাণ`),
  time: words(String.raw`\b(?:date|time)\b|তারিখ|সময়`),
  sender: words(String.raw`\b(?:sender|payer)\b|প্রেরক`),
  reference: words(String.raw`\b(?:reference|invoice)\b|রেফারেন্স`),
};

const FIELDS: Field[] = ['transactionId', 'amount', 'time', 'sender', 'reference'];

/** The guessed mapping (by header text exactly as in the file), each column used at most once. */
export function detectMapping(headers: string[]): Partial<StatementMapping> {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const found: Partial<StatementMapping> = {};
  const take = (field: Field, index: number) => {
    used.add(index);
    found[field] = headers[index]!;
  };
  for (const field of FIELDS) {
    for (const name of EXACT[field]) {
      const index = keys.findIndex((k, i) => k === name && !used.has(i));
      if (index >= 0) {
        take(field, index);
        break;
      }
    }
  }
  for (const field of FIELDS) {
    if (found[field]) continue;
    const index = keys.findIndex((k, i) => k !== '' && !used.has(i) && CONTAINS[field].test(k));
    if (index >= 0) take(field, index);
  }
  return found;
}
