#pragma once
// Whole-file reads and writes for the subcommands. Errors are thrown as
// std::runtime_error naming the path (main() prints them and exits 1).
#include <string>

namespace retour::tools {

std::string read_file(const std::string& path);
// Replaces the file atomically (temp file + rename), so a reader never sees half of it.
void write_file(const std::string& path, const std::string& content);
// Creates a new file with mode 0600; refuses to overwrite (secret keys).
void write_new_private_file(const std::string& path, const std::string& content);
// A webhook body on stdout: exactly its bytes when redirected (the receiver takes nothing
// after a body, not even a newline), a newline after it on a terminal.
void print_body(const std::string& body);

}  // namespace retour::tools
