#pragma once
// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
#include <string>
#include <vector>

namespace retour::tools {

struct CsvTable {
    std::vector<std::vector<std::string>> rows;
    std::vector<int> line_of_row;  // 1-based line where each row starts (for errors)
};

// Throws std::runtime_error with the line number on an unterminated quote.
CsvTable parse_csv(const std::string& text);

// One field, quoted when needed, without NUL bytes. Text a spreadsheet would run as a
// formula (= + - @ first, also after leading blanks, or a leading tab or CR) gets a
// leading apostrophe.
std::string csv_field(const std::string& value);
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace retour::tools
