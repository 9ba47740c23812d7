#pragma once
// The returns confirmed in this browser (localStorage "returns"), newest first: the
// done screen comes back from here after a reload, the find screen lists them, and
// a refused one keeps what the shopper chose so it can be corrected and sent again.
// Pure values and JSON; app_done.cpp does the storing.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace retour::app {

// Why the shop's receiver refused a request (kept so the reason survives a reload).
struct Refusal {
    int status = 0;             // HTTP status of the answer
    std::string code;           // the receiver's "error" ("verification_failed", "too_late", …)
    std::vector<std::string> fields;  // JSON pointers into the request it objected to
    // quantity_above_returnable: the request line that asked for too much, and how
    // many units of it the shop can still take back (-1: not that refusal).
    int over_line = -1;
    std::int64_t left = -1;
};
// Reads the receiver's answer body ({"error", "errors"/"differences": [{"pointer"}]}).
Refusal parse_refusal(int status, const std::string& body);
// Whether a 2xx answer says the shop reviews the request ({"needs_review": true}).
bool answer_needs_review(const std::string& body);

struct DeviceReturn {
    std::string id, rma, order_number;
    std::string created_at;     // "YYYY-MM-DDTHH:MM:SSZ"
    std::string delivery;       // "sending" | "sent" | "queued" | "rejected" | "demo"
    Refusal refusal;            // when delivery == "rejected"
    bool review = false;        // the shop answered it will review this one
    nlohmann::json request;     // the ReturnRequest as posted (labels are drawn from it)
    nlohmann::json draft;       // draft_json() at Confirm: to correct and resend a refused one
};

constexpr std::size_t kMaxDeviceReturns = 20;
constexpr const char* kReturnsKey = "returns";  // in localStorage

nlohmann::json device_returns_json(const std::vector<DeviceReturn>& list);
// Entries that do not read are skipped (a list from another version loses only those).
std::vector<DeviceReturn> parse_device_returns(const nlohmann::json& doc);
// Replaces the entry with the same id, or adds it at the front; keeps the newest kMaxDeviceReturns.
void remember_return(std::vector<DeviceReturn>& list, DeviceReturn r);
// Drops returns made before `cutoff` (they hold the shopper's name and address; the
// shop has them, this device need not keep them for ever).
void drop_returns_before(std::vector<DeviceReturn>& list, Instant cutoff);
constexpr std::int64_t kDeviceReturnDays = 90;
DeviceReturn* find_return(std::vector<DeviceReturn>& list, const std::string& id);
const DeviceReturn* find_return(const std::vector<DeviceReturn>& list, const std::string& id);

}  // namespace retour::app
