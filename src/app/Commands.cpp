#include "app/Commands.h"

namespace confpress::app {

const std::vector<CommandEntry>& commands() {
  static const std::vector<CommandEntry> all = {
      {"serve", "migrate the database and serve the web application and the JSON API", launchServe},
      {"migrate", "apply pending database migrations", launchMigrate},
      {"sample", "load the sample conference (the Bình Dương workshop), idempotently", launchSample},
      {"user", "manage accounts: user add --email E --family-name F --given-name G [--admin]", launchUser},
      {"mail", "show the mail outbox, queue a failed message again (--retry ID), deliver now (--send-now)",
       launchMail},
      {"preflight", "check PDF files as uploads are checked: preflight [--rules R.json] FILE.pdf...",
       launchPreflight},
      {"assign", "assign reviewers to papers exactly from CSV files: assign --scores S.csv --per-paper K ...",
       launchAssign},
      {"build-volume",
       "build the proceedings volume from a manifest: build-volume --manifest volume.xml --out DIR",
       launchBuildVolume},
      {"sample-volume", "write the sample volume manifest and its generated PDFs: sample-volume --out DIR",
       launchSampleVolume},
  };
  return all;
}

}  // namespace confpress::app
