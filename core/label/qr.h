#pragma once
// QR codes for the label, via nayuki's QR Code generator (C version), error
// correction level M (15% damage tolerance: a scuffed parcel still scans).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retour::label {

// ISO/IEC 18004 quiet zone.
inline constexpr int kQrQuietZoneModules = 4;

struct QrCode {
    int size = 0;                 // modules per side
    std::vector<std::uint8_t> dark;  // size*size, row-major, 1 = dark
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

struct QrRun {
    int x, y, length;  // a horizontal run of dark modules
};
// Dark modules merged into runs per row: a quarter of the drawing operations.
std::vector<QrRun> qr_dark_runs(const QrCode& code);

// nullopt when the payload is empty or too long for a version 40 symbol.
std::optional<QrCode> encode_qr(std::string_view payload);

// The policy's status URL with every "{rma}" replaced by the RMA.
std::string qr_status_url(std::string_view url_template, std::string_view rma);

// Compact JSON {"rma":..,"order":..,"merchant":..} in that key order, UTF-8.
std::string qr_json_payload(std::string_view rma, std::string_view order, std::string_view merchant);

}  // namespace retour::label
