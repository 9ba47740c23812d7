#include "tools/csv.h"

#include <stdexcept>

namespace retour::tools {

CsvTable parse_csv(const std::string& text) {
    CsvTable t;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1, row_line = 1, quote_line = 0;
    std::size_t i = 0;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;  // Excel's UTF-8 byte order mark
    auto end_row = [&] {
        row.push_back(field);
        field.clear();
        field_started = false;
        if (!(row.size() == 1 && row[0].empty())) {  // skip blank lines
            t.rows.push_back(row);
            t.line_of_row.push_back(row_line);
        }
        row.clear();
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_line = line;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            field_started = false;
        } else if (c == '\r') {
            // CRLF: the \n ends the row.
        } else if (c == '\n') {
            end_row();
            ++line;
            row_line = line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) throw std::runtime_error("line " + std::to_string(quote_line) + ": quote opened here is never closed");
    if (field_started || !row.empty()) end_row();
    return t;
}

std::string csv_field(const std::string& value) {
    std::string v;
    v.reserve(value.size());
    for (char c : value)
        if (c != '\0') v += c;  // a NUL ends the cell in some readers and hides the rest
    // Spreadsheets skip leading blanks before reading a formula, and a cell starting with
    // a tab or CR is run by some of them too.
    const std::size_t first = v.find_first_not_of(" \t\r\n");
    const bool blank_start = !v.empty() && (v[0] == '\t' || v[0] == '\r');
    if (blank_start || (first != std::string::npos && std::string("=+-@").find(v[first]) != std::string::npos)) {
        // A number like -5 is data, not a formula; keep it as is.
        bool numeric = first == 0 && v.size() > 1 && v[0] == '-';
        for (std::size_t i = 1; numeric && i < v.size(); ++i) numeric = (v[i] >= '0' && v[i] <= '9') || v[i] == '.';
        if (!numeric) v = "'" + v;
    }
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\r\n";
}

}  // namespace retour::tools
