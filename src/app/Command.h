#pragma once
// The shape every `confpress <command>` shares: Poco::Util option handling (--help and the common
// --db, --data, --resources options), error reporting and exit codes (0 ok, 1 failure, 2 bad input).
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>
#include <string>
#include <vector>

#include "app/Config.h"
#include "core/Errors.h"

namespace confpress::app {

template <class Base>
class Command : public Base {
 public:
  Command(std::string name, std::string summary, std::string usage)
      : name_(std::move(name)), summary_(std::move(summary)), usage_(std::move(usage)) {
    Base::setUnixOptions(true);
  }

 public:
  /// Reads the options (throwing Poco::Util::OptionException or std::invalid_argument on bad ones) and
  /// runs the command; returns its exit code.
  int launch(int argc, char** argv) {
    Base::init(argc, argv);
    return Base::run();
  }

 protected:
  /// The command's own work, after options were read.
  virtual int execute(const std::vector<std::string>& args) = 0;
  /// The command's own options (the common ones are added for it).
  virtual void defineCommandOptions(Poco::Util::OptionSet&) {}
  /// Returns false if `name` is not one of the command's options.
  virtual bool handleCommandOption(const std::string& /*name*/, const std::string& /*value*/) {
    return false;
  }

  void defineOptions(Poco::Util::OptionSet& options) override {
    Base::defineOptions(options);
    using Poco::Util::Option;
    options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
    options.addOption(Option("db", "", "database URL (default sqlite:var/confpress.db)").argument("URL"));
    options.addOption(Option("data", "", "directory of uploaded files (default var/data)").argument("DIR"));
    options.addOption(Option("resources", "",
                             "directory holding templates/, migrations/, samples/ (default: the source tree)")
                          .argument("DIR"));
    defineCommandOptions(options);
  }

  void handleOption(const std::string& name, const std::string& value) override {
    Base::handleOption(name, value);
    if (name == "help") {
      help_ = true;
      Base::stopOptionsProcessing();
    } else if (name == "db") {
      config.databaseUrl = value;
    } else if (name == "data") {
      config.dataDir = value;
    } else if (name == "resources") {
      config.resourceDir = value;
    } else {
      handleCommandOption(name, value);
    }
  }

  int main(const std::vector<std::string>& args) override {
    if (help_) {
      Poco::Util::HelpFormatter help(Base::options());
      help.setCommand("confpress " + name_);
      help.setUsage(usage_);
      help.setHeader(summary_);
      help.setUnixStyle(true);
      help.format(std::cout);
      return 0;
    }
    try {
      return execute(args);
    } catch (const Error& e) {
      std::cerr << "confpress " << name_ << ": " << (e.field().empty() ? "" : e.field() + ": ") << e.what()
                << '\n';
      return 2;
    } catch (const std::invalid_argument& e) {
      std::cerr << "confpress " << name_ << ": " << e.what() << '\n';
      return 2;
    } catch (const Poco::Exception& e) {
      std::cerr << "confpress " << name_ << ": " << e.displayText() << '\n';
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "confpress " << name_ << ": " << e.what() << '\n';
      return 1;
    }
  }

  /// Positive integer option value, or std::invalid_argument naming the option.
  static int parseCount(const std::string& option, const std::string& value, int min, int max) {
    try {
      size_t used = 0;
      int n = std::stoi(value, &used);
      if (used == value.size() && n >= min && n <= max) return n;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument("--" + option + " must be a whole number from " + std::to_string(min) +
                                " to " + std::to_string(max) + ", not '" + value + "'");
  }

  Config config;

 private:
  std::string name_, summary_, usage_;
  bool help_ = false;
};

}  // namespace confpress::app
