// confpress: one binary, one subcommand per job (serve, migrate, sample, user, …).
#include <Poco/Exception.h>

#include <cstring>
#include <iostream>

#include "app/Commands.h"

namespace {

void printUsage(std::ostream& out) {
  out << "ConfPress " << CONFPRESS_VERSION << " — from call for papers to printed proceedings\n\n"
      << "usage: confpress <command> [options]   (confpress <command> --help for its options)\n\ncommands:\n";
  for (const auto& c : confpress::app::commands())
    out << "  " << c.name << std::string(c.name.size() < 13 ? 13 - c.name.size() : 1, ' ') << c.summary
        << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    printUsage(std::cerr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "confpress " << CONFPRESS_VERSION << '\n';
    return 0;
  }
  for (const auto& command : confpress::app::commands()) {
    if (command.name != name) continue;
    try {
      return command.launch(argc - 1, argv + 1);
    } catch (const Poco::Exception& e) {
      std::cerr << "confpress " << name << ": " << e.displayText() << " (see confpress " << name
                << " --help)\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "confpress " << name << ": " << e.what() << '\n';
      return 2;
    }
  }
  std::cerr << "confpress: unknown command '" << name << "'\n\n";
  printUsage(std::cerr);
  return 2;
}
