// confpress sample: migrates and loads the sample conference, then prints its demo accounts.
#include <algorithm>

#include "app/Command.h"
#include "app/Commands.h"
#include "app/Runtime.h"
#include "sample/SampleCommittee.h"
#include "sample/SampleLoader.h"
#include "sample/SampleSubmissions.h"

namespace confpress::app {

namespace {

class SampleCommand : public Command<Poco::Util::Application> {
 public:
  SampleCommand()
      : Command("sample", "Loads the sample conference (idempotent); migrates the database first.",
                "[--db URL] [--data DIR] [--resources DIR]") {}

 protected:
  int execute(const std::vector<std::string>&) override {
    // The sample's PDFs are generated here, not uploaded by strangers: the time limit only guards against
    // a machine too slow or too busy (a sanitizer build on a loaded CI runner) to check 14 pages in 10 s.
    config.preflight.timeLimitSeconds = std::max(config.preflight.timeLimitSeconds, 120);
    Runtime runtime(config);
    runtime.migrate();
    sample::SampleSummary s = sample::loadSample(runtime.db, config.samplesDir() + "/binhduong");
    std::cout << "loaded " << s.conferenceTitle << " (" << s.conferenceSlug << "): " << s.people
              << " people, " << s.accountsCreated << " new accounts\n";
    std::cout << "demo accounts (password " << s.demoPassword << "):\n";
    for (const auto& a : s.demoAccounts)
      std::cout << "  " << a.role << "\t" << a.email << "\t" << a.name << '\n';
    // The sample's papers go through the real workflow (preflight, versions), without mailing anyone.
    runtime.submissions.setNotifications(false);
    sample::SubmissionsSummary papers = sample::loadSampleSubmissions(
        runtime.db, runtime.submissions, config.samplesDir() + "/binhduong", s.conferenceSlug);
    if (papers.skipped)
      std::cout << "submissions: already loaded\n";
    else
      std::cout << "submissions: " << papers.created << " papers with generated PDFs (" << papers.withWarnings
                << " with preflight warnings, " << papers.withdrawn << " withdrawn)\n";
    sample::CommitteeSummary committee =
        sample::loadSampleCommittee(runtime.db, config.samplesDir() + "/binhduong", s.conferenceSlug);
    std::cout << "committee: " << committee.members << " members with profiles, " << committee.conflicts
              << " conflicts of interest (" << committee.detection.created << " new), "
              << committee.affinity.pairs << " affinities, " << committee.bids << " new bids\n";
    return 0;
  }
};

}  // namespace

int launchSample(int argc, char** argv) {
  return Poco::makeAuto<SampleCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
