#pragma once
// Loads the sample conference (samples/binhduong/workshop.json): the Bình Dương workshop, its topics,
// an administrator, a chair, an editor, the committee and the authors, each with a demo account.
// Idempotent: running it again updates what it created and adds nothing twice.
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "store/Database.h"

namespace confpress::sample {

struct DemoAccount {
  std::string role;  // the first role the sample gives the person
  std::string email;
  std::string name;
};

struct SampleSummary {
  std::string conferenceSlug;
  std::string conferenceTitle;
  int people = 0;
  int accountsCreated = 0;
  std::string demoPassword;
  std::vector<DemoAccount> demoAccounts;  // one per role, to print for the user
};

/// Reads `<sampleDir>/workshop.json` and loads it in one transaction. Throws std::runtime_error naming
/// the file and the entry on bad data.
SampleSummary loadSample(store::Database& db, const std::string& sampleDir);

/// The JSON object in file `path`; std::runtime_error naming the file when it cannot be read or parsed.
Poco::JSON::Object::Ptr readSampleJson(const std::string& path);

}  // namespace confpress::sample
