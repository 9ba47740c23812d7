#include "tools/key_file.h"

#include <sys/stat.h>

#include <cstdio>
#include <stdexcept>

#include "core/token.h"
#include "tools/file_io.h"

namespace retour::tools {

crypto::Bytes read_secret_key(const std::string& path) {
    std::string text = read_file(path);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    DecodedKey key = decode_secret_key(text);
    if (!key.ok()) throw std::runtime_error(path + ": " + key.error);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077))
        std::fprintf(stderr, "warning: %s can be read by other users (chmod 600 it)\n", path.c_str());
    return key.key;
}

}  // namespace retour::tools
