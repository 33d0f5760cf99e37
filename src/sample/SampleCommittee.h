#pragma once
// Loads the sample workshop's programme committee (samples/binhduong/committee.json) on top of its people
// and papers: each member accepted with loads, topics and a short Vietnamese profile; conflicts detected
// (and two of them decided by the chair); one conflict declared by a member; affinities computed; and bids
// made by each member from their affinity ranking, so that a chair can assign the papers. Idempotent:
// members are updated, detection keeps earlier decisions, and a member who already bid gets no new bids.
#include <string>

#include "committee/AffinityService.h"
#include "committee/ConflictService.h"
#include "store/Database.h"

namespace confpress::sample {

struct CommitteeSummary {
  int members = 0;
  committee::DetectionSummary detection;
  int conflicts = 0;  // conflict rows after loading
  committee::AffinitySummary affinity;
  int bids = 0;  // bids made by this run
};

/// Throws std::runtime_error naming the file and the entry on bad data (an unknown member or topic).
CommitteeSummary loadSampleCommittee(store::Database& db, const std::string& sampleDir,
                                     const std::string& slug);

}  // namespace confpress::sample
