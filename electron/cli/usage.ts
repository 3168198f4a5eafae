// `paydesk --help` in each language the CLI speaks. The help is a page, not a message: it lives beside the
// command so that the app's bundles (which carry every message) do not carry it. The commands, their options and
// the placeholders (NAME, URL, FILE) are typed as they are in English; test/integration/readme-usage.test.ts
// holds the two pages to the same commands and options, and the README to the English one.
import type { Language } from '../../shared/messages/catalog';

export const USAGE: Record<Language, string> = {
  en: `paydesk — payment links and orders from the command line

Usage: paydesk [--data-dir DIR] [--database-url URL] <command> [options]

Commands:
  profile add NAME --base-url URL [--listen-host H] [--listen-port P] [--return-base URL]
                            add a live merchant profile (the Base URL exactly as on the
                            gateway's API Settings page)
  profile list [--json]     list profiles; * marks the active one
  profile use NAME          make NAME the active profile
  link --amount 150.50 [--customer-name S] [--customer-email S] [--note S] [--json]
                            create a payment link and print its URL
  listen [--host H] [--port P]
                            run the return listener in the foreground; --host and --port hold
                            for this run only (the profile keeps its own address)
  orders [--status S] [--verification V] [--search Q] [--counter NAME] [--limit N] [--all] [--json]
                            list orders of the active profile (--all: every profile), newest first;
                            --counter: only those made at the counter of that name;
                            V: unverified, verified, amount_mismatch, missing, reconciled_by_hand
  export csv --out FILE [--status S] [--verification V] [--from DATE] [--to DATE] [--search Q] [--counter NAME] [--all]
                            write the orders of that filter as CSV (UTF-8, Excel-safe)
  receipt REF --out FILE.html [--layout a4|roll80]
                            write a paid order's receipt (print it or save it as PDF from a browser)
  reconcile FILE [--map trx=COL,amount=COL,time=COL[,sender=COL,reference=COL]] [--json]
                            import a statement (CSV or XLSX) and match it against the paid orders;
                            prints how many are verified, mismatched, missing, unclaimed, rejected
                            (COL is a header or a column number; without --map the remembered
                            or guessed columns are used)
  report [--day YYYY-MM-DD] [--counter NAME] [--json]
                            the close of a day (default today) for the active profile: paid total
                            and count by how it was paid, verified and not yet verified, and the
                            links made that day by where they stand now, and the paid total of
                            each counter (--counter: one counter's orders only)
  return check [--json]     request the return address (the public one, or the listener's own) with a
                            one-time check and print each step: address, name, connection,
                            certificate, heard; exits 0 only when PayDesk's listener heard it
  sandbox [--port P] [--listen-port P]
                            run the sandbox gateway (on port P) and the return listener
                            (on --listen-port for this run only)
  storage copy --to URL [--json]
                            copy this data folder's order book (its SQLite file, which is never
                            changed) into the PostgreSQL database at URL, then count both and print
                            the counts and sums they agree on; run again, it copies nothing twice
  storage check [--json]    check the PostgreSQL server of --database-url step by step: reach, TLS,
                            sign in, database, version, schema; exits 0 only when all pass
  storage setup-roles [--owner NAME] [--counter NAME] [--run]
                            print the SQL of two roles: an owner (default paydesk_owner) that owns
                            the book and alone upgrades it, and a counter role (paydesk_counter)
                            that may only read and write orders; --run does it on the database of
                            --database-url (a superuser's sign-in), making the book there too

Global options:
  --data-dir DIR            where the order book lives (env PAYDESK_DATA_DIR; default: the app's own folder)
  --database-url URL        the PostgreSQL order book to use instead, as
                            postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|require|verify-full]
                            (env PAYDESK_DATABASE_URL; default: the book this computer chose in the app)
  --lang en|bn              the language paydesk speaks (env PAYDESK_LANG; default en); --json output and
                            exit codes are the same in every language
  -h, --help                show this help

The API key comes from the environment variable PAYDESK_API_KEY; it is never printed.
Control characters in names, statement lines and gateway messages are printed as \\uXXXX escapes.
Exit codes: 0 done; 1 the gateway or the network failed; 2 bad usage or bad input (nothing recorded, nothing sent).
`,
  bn: `paydesk — কমান্ড লাইন থেকে পেমেন্ট লিংক আর অর্ডার

ব্যবহার: paydesk [--data-dir DIR] [--database-url URL] <কমান্ড> [অপশন]

কমান্ড:
  profile add NAME --base-url URL [--listen-host H] [--listen-port P] [--return-base URL]
                            আসল টাকার একটি মার্চেন্ট প্রোফাইল যোগ করে (গেটওয়ের ঠিকানা ঠিক যেমন
                            গেটওয়ের এপিআই সেটিংস পাতায় লেখা আছে)
  profile list [--json]     সব প্রোফাইলের তালিকা; চালু প্রোফাইলের পাশে * চিহ্ন
  profile use NAME          NAME প্রোফাইলটি চালু করে
  link --amount 150.50 [--customer-name S] [--customer-email S] [--note S] [--json]
                            একটি পেমেন্ট লিংক তৈরি করে তার ঠিকানা দেখায়
  listen [--host H] [--port P]
                            ফেরার ঠিকানা চালু রাখে, যতক্ষণ না বন্ধ করেন; --host আর --port শুধু
                            এবারের জন্য (প্রোফাইলের নিজের ঠিকানা বদলায় না)
  orders [--status S] [--verification V] [--search Q] [--counter NAME] [--limit N] [--all] [--json]
                            চালু প্রোফাইলের অর্ডার (--all: সব প্রোফাইলের), নতুনগুলো আগে;
                            --counter: শুধু ওই নামের কাউন্টারে তৈরি অর্ডার;
                            V: unverified, verified, amount_mismatch, missing, reconciled_by_hand
  export csv --out FILE [--status S] [--verification V] [--from DATE] [--to DATE] [--search Q] [--counter NAME] [--all]
                            ওই ফিল্টারের অর্ডারগুলো সিএসভি ফাইলে লেখে (এক্সেলে ঠিকঠাক খোলে)
  receipt REF --out FILE.html [--layout a4|roll80]
                            একটি পরিশোধিত অর্ডারের রসিদ লেখে (ব্রাউজার থেকে প্রিন্ট করুন বা পিডিএফ হিসেবে রাখুন)
  reconcile FILE [--map trx=COL,amount=COL,time=COL[,sender=COL,reference=COL]] [--json]
                            একটি স্টেটমেন্ট (সিএসভি বা এক্সেল) নিয়ে পরিশোধিত অর্ডারগুলোর সঙ্গে হিসাব মেলায়;
                            কয়টি যাচাই হয়েছে, অঙ্ক মেলেনি, স্টেটমেন্টে নেই, কোনো অর্ডারে না-মেলা, বাদ পড়েছে
                            তা দেখায় (COL হলো কলামের শিরোনাম বা নম্বর; --map না দিলে আগে মনে রাখা
                            বা আন্দাজ করা কলাম নেওয়া হয়)
  report [--day YYYY-MM-DD] [--counter NAME] [--json]
                            চালু প্রোফাইলের একটি দিনের (না দিলে আজকের) শেষের হিসাব: কীভাবে
                            পরিশোধিত হয়েছে সেই অনুযায়ী মোট টাকা আর অর্ডার, যাচাই হয়েছে আর এখনও
                            যাচাই হয়নি, সেদিন তৈরি লিংকগুলো এখন কোন অবস্থায়, আর প্রতিটি কাউন্টারের
                            মোট পরিশোধ (--counter: শুধু একটি কাউন্টারের অর্ডার)
  return check [--json]     ফেরার ঠিকানায় (বাইরের ঠিকানা, নয়তো PayDesk-এর নিজের) একবারের একটি যাচাই পাঠিয়ে
                            প্রতিটি ধাপ দেখায়: ঠিকানা, নাম, সংযোগ, সার্টিফিকেট, শোনা গেছে কি না;
                            PayDesk নিজে শুনতে পেলে তবেই ০ দিয়ে শেষ হয়
  sandbox [--port P] [--listen-port P]
                            পরীক্ষার গেটওয়ে (P পোর্টে) আর ফেরার ঠিকানা চালু করে
                            (--listen-port শুধু এবারের জন্য)
  storage copy --to URL [--json]
                            এই ফোল্ডারের অর্ডারের খাতা (এই কম্পিউটারের ফাইল, যা কখনো বদলায় না) URL-এর
                            PostgreSQL ডেটাবেসে কপি করে, তারপর দুই খাতা গুনে যে সংখ্যা আর টাকা মেলে
                            তা দেখায়; আবার চালালে কিছুই দুবার কপি হয় না
  storage check [--json]    --database-url-এর PostgreSQL ডেটাবেস সার্ভার ধাপে ধাপে যাচাই করে: পৌঁছানো,
                            এনক্রিপশন, ঢোকা, ডেটাবেস, সংস্করণ, খাতার গঠন; সব ঠিক থাকলে তবেই ০ দিয়ে শেষ হয়
  storage setup-roles [--owner NAME] [--counter NAME] [--run]
                            দুটি রোলের SQL দেখায়: খাতার মালিক (না দিলে paydesk_owner), যে একাই খাতা
                            হালনাগাদ করতে পারে, আর কাউন্টারের রোল (paydesk_counter), যে শুধু অর্ডার
                            পড়তে আর লিখতে পারে; --run দিলে --database-url-এর ডেটাবেসে (একজন সুপারইউজার
                            হিসেবে ঢুকে) নিজেই সব করে, দরকার হলে খাতাও তৈরি করে

সব কমান্ডের অপশন:
  --data-dir DIR            অর্ডারের খাতা কোন ফোল্ডারে (PAYDESK_DATA_DIR; না দিলে অ্যাপের নিজের ফোল্ডার)
  --database-url URL        বদলে যে PostgreSQL অর্ডারের খাতা ব্যবহার হবে, এভাবে লেখা:
                            postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|require|verify-full]
                            (PAYDESK_DATABASE_URL; না দিলে অ্যাপে এই কম্পিউটারের বেছে নেওয়া খাতা)
  --lang en|bn              paydesk কোন ভাষায় কথা বলবে (PAYDESK_LANG; না দিলে ইংরেজি); --json-এর ফল আর
                            শেষের কোড সব ভাষায় একই
  -h, --help                এই সাহায্য দেখায়

এপিআই কী নেওয়া হয় PAYDESK_API_KEY থেকে; তা কখনো দেখানো হয় না।
নাম, স্টেটমেন্টের লাইন আর গেটওয়ের বার্তার নিয়ন্ত্রণ-অক্ষর \\uXXXX আকারে দেখানো হয়।
শেষের কোড: ০ কাজ হয়েছে; ১ গেটওয়ে বা নেটওয়ার্কে সমস্যা; ২ ভুল ব্যবহার বা ভুল তথ্য (কিছুই রাখা হয়নি, কিছুই পাঠানো হয়নি)।
`,
};
