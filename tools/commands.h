#pragma once
// The subcommands of `retour`. Each lives in its own cmd_<name>.cpp and receives
// the arguments after its name. Return value is the process exit code.
#include "tools/args.h"

namespace retour::tools {

struct Command {
    const char* name;
    const char* usage;    // one line: arguments
    const char* summary;  // one line: what it does
    int (*run)(int argc, char** argv);
};

int cmd_serve(int argc, char** argv);
int cmd_demo(int argc, char** argv);
int cmd_check_policy(int argc, char** argv);
int cmd_set_policy(int argc, char** argv);
int cmd_evaluate(int argc, char** argv);
int cmd_keygen(int argc, char** argv);
int cmd_sign_order(int argc, char** argv);
int cmd_hook(int argc, char** argv);
int cmd_make_request(int argc, char** argv);
int cmd_publish_orders(int argc, char** argv);
int cmd_export(int argc, char** argv);
int cmd_label(int argc, char** argv);
int cmd_forward_test(int argc, char** argv);
int cmd_forward_status(int argc, char** argv);
int cmd_return(int argc, char** argv);
int cmd_publish_status(int argc, char** argv);

// Keep in the order `retour help` should list them.
inline constexpr Command kCommands[] = {
    {"demo", "--dist DEMO_DIR [--data DIR] [--port 8080] [--host 127.0.0.1]",
     "serve the demo folder (build/demo-dist), demo orders and the receiver on one local origin", cmd_demo},
    {"serve", "--root DIR [--port 8080] [--host 127.0.0.1]", "serve a folder over HTTP (the portal, locally)", cmd_serve},
    {"check-policy", "POLICY.json", "validate a return policy: every error with its JSON pointer, warnings for missing translations", cmd_check_policy},
    {"set-policy", "POLICY.json KEY=VALUE|KEY:=JSON...  (e.g. webhook.url=https://… lookup.mode=published)",
     "change policy fields from the shell; written only if the result is valid", cmd_set_policy},
    {"evaluate", "--policy P --order O --now 2026-11-22T12:00:00Z [--select S] [--customer-returns N] [--locale en|de|nl|da|id]",
     "decide every order line and price a selection, as JSON (or, with --locale, as the portal tells the shopper)", cmd_evaluate},
    {"keygen", "[--out-dir DIR]", "make an Ed25519 key pair for signed order links", cmd_keygen},
    {"sign-order", "ORDER.json --key SECRET_KEY_FILE [--policy P] [--base-url URL] [--expires DATE | --expires-in 30d]", "print a signed order token and link", cmd_sign_order},
    {"publish-orders", "orders.json|orders.csv --out DIR --key SECRET_KEY_FILE [--policy P] [--identifier email|postcode] [--skip-invalid] | orders.csv --dry-run",
     "write one encrypted file per order, found by order number + email/postcode; any invalid order stops it unless --skip-invalid; --dry-run prints the orders as JSON", cmd_publish_orders},
    {"hook", "--policy P --db returns.db [--port 8081] [--host 127.0.0.1] [--allow-origin URL]... [--rate 1] [--burst 30] [--max-body 65536] [--max-skew 600] [--policy-retention-days 30] [--keep-rejections 10000] [--log-rejections-per-minute 30] [--read-deadline 10] [--idle-timeout 30] [--max-conns 1000] [--max-conns-per-ip 32] [--threads 8] [--trusted-proxy ADDR|CIDR]... [--forward forward.json] [--mail mail.json]",
     "receive return requests: re-verify with the core, store in SQLite, forward signed events", cmd_hook},
    {"forward-test", "--config forward.json | --url URL [--secret-file F] [--signing-key-file K]  [--timeout 15]",
     "send a signed sample event (Standard Webhooks) to your endpoints now and show the answers", cmd_forward_test},
    {"forward-status", "--db returns.db [--state pending|delivered|failed|disabled] [--limit 100] | --db returns.db --enable URL",
     "list forwarded events per endpoint; re-enable an endpoint that answered 410", cmd_forward_status},
    {"return", "show|list|approve|reject|ask-info|info-received|issue-label|in-transit|receive|refund|store-credit|ship-exchange|close RMA --db returns.db [--by NAME] [--note TEXT] [--at TIME] [--inspect LINE=RESULT,…|RESULT] [--amount 24.95] [--override TEXT] [--lang de] [--json] [--state S]",
     "a return's life: show its history, or record a change (checked, appended, forwarded as return.<change>)", cmd_return},
    {"publish-status", "--db returns.db --out DIR",
     "write each return's status (as GET /status/<request id> answers it) as static files, for portals without a receiver", cmd_publish_status},
    {"make-request", "--policy P --order O.json --key SECRET_KEY_FILE --select S.json [--now T] [--id ID] [--name N] [--email E] [--street S --postcode P --city C [--country CC]] [--method M] [--locale L]",
     "print a signed, quoted webhook body as the portal would post it (to try a receiver)", cmd_make_request},
    {"export", "--db returns.db --csv [-o|--out FILE.csv] | --db returns.db --message ID|RMA",
     "write stored requests, a reasons summary and refused posts as CSV; or print one stored message", cmd_export},
    {"label", "--request R.json --policy P.json [--format pdf|svg|zpl] [--size 4x6|a6|a4|letter] [--locale TAG] -o FILE", "render a return label (in the request's language)", cmd_label},
};

}  // namespace retour::tools
