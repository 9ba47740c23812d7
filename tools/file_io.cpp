#include "tools/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace retour::tools {

namespace {
std::runtime_error io_error(const std::string& what, const std::string& path) {
    return std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void write_all(int fd, const std::string& content, const std::string& path) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            auto e = io_error("cannot write", path);
            ::close(fd);
            throw e;
        }
        done += static_cast<std::size_t>(n);
    }
}
}  // namespace

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error("cannot read", path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) throw io_error("cannot create", tmp);
    write_all(fd, content, tmp);
    if (::close(fd) != 0) throw io_error("cannot write", tmp);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw io_error("cannot rename to", path);
}

void write_new_private_file(const std::string& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw io_error(errno == EEXIST ? "refusing to overwrite" : "cannot create", path);
    write_all(fd, content, path);
    if (::fsync(fd) != 0 || ::close(fd) != 0) throw io_error("cannot write", path);
}

void print_body(const std::string& body) {
    std::fwrite(body.data(), 1, body.size(), stdout);
    if (isatty(STDOUT_FILENO)) std::fputc('\n', stdout);
}

}  // namespace retour::tools
