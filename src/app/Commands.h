#pragma once
// The confpress subcommands, each in its own file.
#include <functional>
#include <string>
#include <vector>

namespace confpress::app {

struct CommandEntry {
  std::string name;
  std::string summary;
  std::function<int(int argc, char** argv)> launch;  // argv[0] is the command's name
};

/// Every subcommand, in the order `confpress --help` lists them.
const std::vector<CommandEntry>& commands();

int launchServe(int argc, char** argv);         // ServeCommand.cpp
int launchMigrate(int argc, char** argv);       // MigrateCommand.cpp
int launchSample(int argc, char** argv);        // SampleCommand.cpp
int launchUser(int argc, char** argv);          // UserCommand.cpp
int launchMail(int argc, char** argv);          // MailCommand.cpp
int launchPreflight(int argc, char** argv);     // PreflightCommand.cpp
int launchAssign(int argc, char** argv);        // AssignCommand.cpp
int launchBuildVolume(int argc, char** argv);   // BuildVolumeCommand.cpp
int launchSampleVolume(int argc, char** argv);  // SampleVolumeCommand.cpp

}  // namespace confpress::app
