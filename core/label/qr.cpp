#include "core/label/qr.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "qrcodegen.h"

namespace retour::label {

std::optional<QrCode> encode_qr(std::string_view payload) {
    if (payload.empty() || payload.size() > 2331) return std::nullopt;  // 2331 bytes: version 40-M
    std::vector<std::uint8_t> bytes(payload.begin(), payload.end());
    std::vector<std::uint8_t> byte_buf(qrcodegen_calcSegmentBufferSize(qrcodegen_Mode_BYTE, bytes.size()));
    std::vector<std::uint8_t> eci_buf(8);
    std::vector<std::uint8_t> temp(qrcodegen_BUFFER_LEN_MAX), qr(qrcodegen_BUFFER_LEN_MAX);
    // Byte mode throughout. Non-ASCII text gets an ECI 26 (UTF-8) designator first:
    // without it readers guess the charset, and zbar guesses Shift-JIS ("Söhne" ->
    // "S繹hne"). ASCII payloads stay plain for the widest reader support.
    std::vector<qrcodegen_Segment> segments;
    bool ascii = std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b < 0x80; });
    if (!ascii) segments.push_back(qrcodegen_makeEci(26, eci_buf.data()));
    segments.push_back(qrcodegen_makeBytes(bytes.data(), bytes.size(), byte_buf.data()));
    // boostEcl off keeps the level at exactly M.
    if (!qrcodegen_encodeSegmentsAdvanced(segments.data(), segments.size(), qrcodegen_Ecc_MEDIUM,
                                          qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, false,
                                          temp.data(), qr.data()))
        return std::nullopt;
    QrCode code;
    code.size = qrcodegen_getSize(qr.data());
    code.dark.resize(static_cast<std::size_t>(code.size * code.size));
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            code.dark[static_cast<std::size_t>(y * code.size + x)] = qrcodegen_getModule(qr.data(), x, y) ? 1 : 0;
    return code;
}

std::vector<QrRun> qr_dark_runs(const QrCode& code) {
    std::vector<QrRun> runs;
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size;) {
            if (!code.at(x, y)) {
                ++x;
                continue;
            }
            int start = x;
            while (x < code.size && code.at(x, y)) ++x;
            runs.push_back({start, y, x - start});
        }
    }
    return runs;
}

std::string qr_status_url(std::string_view url_template, std::string_view rma) {
    static constexpr std::string_view kPlaceholder = "{rma}";
    std::string out;
    std::size_t i = 0;
    while (i < url_template.size()) {
        if (url_template.substr(i, kPlaceholder.size()) == kPlaceholder) {
            out += rma;
            i += kPlaceholder.size();
        } else {
            out += url_template[i++];
        }
    }
    return out;
}

std::string qr_json_payload(std::string_view rma, std::string_view order, std::string_view merchant) {
    nlohmann::ordered_json j;
    j["rma"] = std::string(rma);
    j["order"] = std::string(order);
    j["merchant"] = std::string(merchant);
    // Invalid UTF-8 is replaced rather than thrown: the payload is data, not a bug.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace retour::label
