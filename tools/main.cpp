// retour: the merchant's tool. Dispatches to one subcommand; see commands.h.
#include <cstdio>
#include <cstring>
#include <exception>

#include "tools/commands.h"

using namespace retour::tools;

static void print_help(std::FILE* out) {
    std::fprintf(out, "usage: retour COMMAND [options]    (retour COMMAND --help: one command)\n\ncommands:\n");
    for (const auto& c : kCommands) std::fprintf(out, "  %-14s %s\n  %-14s   %s\n", c.name, c.summary, "", c.usage);
}

static void print_command_help(const Command& c) {
    std::printf("usage: retour %s %s\n\n%s\n", c.name, c.usage, c.summary);
}

static bool is_help(const char* arg) { return !std::strcmp(arg, "--help") || !std::strcmp(arg, "-h"); }

static const Command* find_command(const char* name) {
    for (const auto& c : kCommands)
        if (!std::strcmp(name, c.name)) return &c;
    return nullptr;
}

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "help") || is_help(argv[1])) {
        // `retour help CMD`: that command's help.
        if (argc == 3 && !std::strcmp(argv[1], "help")) {
            if (const Command* c = find_command(argv[2])) {
                print_command_help(*c);
                return 0;
            }
            std::fprintf(stderr, "retour: unknown command '%s'\n\n", argv[2]);
            print_help(stderr);
            return 2;
        }
        print_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (const Command* found = find_command(argv[1])) {
        const Command& c = *found;
        // --help or -h anywhere after the command: its usage, nothing run.
        for (int i = 2; i < argc; ++i)
            if (is_help(argv[i])) {
                print_command_help(c);
                return 0;
            }
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
