// retour: the merchant's tool. Dispatches to one subcommand; see commands.h.
#include <cstdio>
#include <cstring>
#include <exception>

#include "tools/commands.h"

using namespace retour::tools;

static void print_help(std::FILE* out) {
    std::fprintf(out, "usage: retour COMMAND [options]\n\ncommands:\n");
    for (const auto& c : kCommands) std::fprintf(out, "  %-14s %s\n  %-14s   %s\n", c.name, c.summary, "", c.usage);
}

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help")) {
        print_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (const auto& c : kCommands) {
        if (std::strcmp(argv[1], c.name) != 0) continue;
        try {
            return c.run(argc - 2, argv + 2);
        } catch (const UsageError& e) {
            std::fprintf(stderr, "retour %s: %s\nusage: retour %s %s\n", c.name, e.message.c_str(), c.name, c.usage);
            return 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "retour %s: %s\n", c.name, e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "retour: unknown command '%s'\n\n", argv[1]);
    print_help(stderr);
    return 2;
}
