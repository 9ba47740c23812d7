#include "core/label/code128.h"

namespace retour::label {

namespace {

// Bar/space widths of symbol values 0..105 and the stop (106), ISO/IEC 15417 table 1.
constexpr std::string_view kPatterns[107] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
};

constexpr int kStartB = 104, kStartC = 105, kCodeB = 100, kCodeC = 99, kStop = 106;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t digit_run(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

// Set C pays off from four digits on: in the middle of B text it costs two
// switches, so four digits tie and five or more win; at either end it wins from four.
// An odd run puts its first digit in B, so the pairs end where the run ends.
std::vector<int> choose_symbols(std::string_view s) {
    std::vector<int> out;
    bool in_c = false;
    std::size_t i = 0;
    std::size_t first = digit_run(s, 0);
    if (first >= 4 || (first == s.size() && first % 2 == 0)) {
        out.push_back(kStartC);
        in_c = true;
    } else {
        out.push_back(kStartB);
    }
    while (i < s.size()) {
        std::size_t run = digit_run(s, i);
        if (in_c) {
            if (run >= 2) {
                out.push_back((s[i] - '0') * 10 + (s[i + 1] - '0'));
                i += 2;
                continue;
            }
            out.push_back(kCodeB);
            in_c = false;
        }
        if (run >= 4) {
            if (run % 2 == 1) {
                out.push_back(s[i] - 32);
                ++i;
            }
            out.push_back(kCodeC);
            in_c = true;
            continue;
        }
        out.push_back(s[i] - 32);
        ++i;
    }
    return out;
}

}  // namespace

std::string_view code128_pattern(int value) {
    return (value >= 0 && value <= kStop) ? kPatterns[value] : std::string_view();
}

int Code128::total_modules() const {
    int n = 0;
    for (int w : widths) n += w;
    return n;
}

std::vector<Bar> code128_bars(const Code128& code) {
    std::vector<Bar> bars;
    int x = 0;
    for (std::size_t i = 0; i < code.widths.size(); ++i) {
        if (i % 2 == 0) bars.push_back({x, code.widths[i]});
        x += code.widths[i];
    }
    return bars;
}

std::optional<Code128> encode_code128(std::string_view data) {
    if (data.empty()) return std::nullopt;
    for (char c : data)
        if (c < 0x20 || c > 0x7E) return std::nullopt;
    Code128 code;
    code.data = std::string(data);
    code.symbols = choose_symbols(data);
    long sum = code.symbols[0];
    for (std::size_t k = 1; k < code.symbols.size(); ++k) sum += static_cast<long>(k) * code.symbols[k];
    code.symbols.push_back(static_cast<int>(sum % 103));
    for (int v : code.symbols)
        for (char w : kPatterns[v]) code.widths.push_back(w - '0');
    for (char w : kPatterns[kStop]) code.widths.push_back(w - '0');
    return code;
}

}  // namespace retour::label
