#pragma once
// Where `retour hook` forwards its events, read from a JSON file (--forward FILE), so
// no secret is ever on a command line:
//   {"endpoints": [{"url": "https://erp.example.com/hooks/returns",
//                   "secret_file": "erp.whsec",             v1: a "whsec_…" secret
//                   "signing_key_file": "webhook.key"}],    v1a: "whsk_…" or a `retour keygen` key
//    "timeout_seconds": 15,
//    "retry": {"first_delay_seconds": 5, "max_delay_seconds": 28800, "give_up_after_seconds": 259200}}
// Each endpoint needs a secret, a signing key, or both. Files are read relative to the
// configuration's folder. Every problem is reported with its JSON pointer or file name.
#include <cstdint>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/delivery_schedule.h"
#include "core/json_error.h"
#include "core/json_reader.h"

namespace retour::tools {

struct ForwardEndpoint {
    std::string url;
    crypto::Bytes secret;       // v1 (HMAC-SHA256) when not empty
    crypto::Bytes signing_key;  // v1a (Ed25519, 64 bytes) when not empty
    std::string public_key;     // "whpk_…" of signing_key, for the endpoint's owner
};

struct ForwardConfig {
    std::vector<ForwardEndpoint> endpoints;
    std::int64_t timeout_ms = 15'000;
    RetrySchedule retry;
};

// `path` names the file in messages and anchors relative file names. Warns on stderr
// when a secret file can be read by other users.
Parsed<ForwardConfig> read_forward_config(const std::string& path);

// One endpoint from the command line (forward-test): the secret and key still from files.
Parsed<ForwardEndpoint> forward_endpoint_from_files(const std::string& url, const std::string& secret_file,
                                                     const std::string& signing_key_file);

// An optional {"first_delay_seconds","max_delay_seconds","give_up_after_seconds"} object
// (the forwarding's "retry", the mail's too) into `out`, keeping its defaults.
void read_retry_schedule(const JsonReader& retry, RetrySchedule& out);

// "v1,… v1a,…" for one attempt.
std::string signature_header(const ForwardEndpoint& endpoint, const std::string& id, std::int64_t timestamp,
                             const std::string& body);

}  // namespace retour::tools
