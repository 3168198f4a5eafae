export const USAGE = `paydesk — payment links and orders from the command line

Usage: paydesk [--data-dir DIR] <command> [options]

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
  orders [--status S] [--verification V] [--search Q] [--limit N] [--all] [--json]
                            list orders of the active profile (--all: every profile), newest first;
                            V: unverified, verified, amount_mismatch, missing, reconciled_by_hand
  export csv --out FILE [--status S] [--verification V] [--from DATE] [--to DATE] [--search Q] [--all]
                            write the orders of that filter as CSV (UTF-8, Excel-safe)
  receipt REF --out FILE.html [--layout a4|roll80]
                            write a paid order's receipt (print it or save it as PDF from a browser)
  reconcile FILE [--map trx=COL,amount=COL,time=COL[,sender=COL,reference=COL]] [--json]
                            import a statement (CSV or XLSX) and match it against the paid orders;
                            prints how many are verified, mismatched, missing, unclaimed, rejected
                            (COL is a header or a column number; without --map the remembered
                            or guessed columns are used)
  return check [--json]     request the return address (the public one, or the listener's own) with a
                            one-time check and print each step: address, name, connection,
                            certificate, heard; exits 0 only when PayDesk's listener heard it
  sandbox [--port P] [--listen-port P]
                            run the sandbox gateway (on port P) and the return listener
                            (on --listen-port for this run only)

Global options:
  --data-dir DIR            where the order book lives (env PAYDESK_DATA_DIR; default: the app's own folder)
  -h, --help                show this help

The API key comes from the environment variable PAYDESK_API_KEY; it is never printed.
Control characters in names, statement lines and gateway messages are printed as \\uXXXX escapes.
Exit codes: 0 done; 1 the gateway or the network failed; 2 bad usage or bad input (nothing recorded, nothing sent).
`;
