// The sample workshop's papers go through the real workflow: generated PDFs pass preflight (some with
// warnings), every paper is submitted, two are withdrawn, and loading again adds nothing.
#include <gtest/gtest.h>

#include "sample/SampleLoader.h"
#include "sample/SampleSubmissions.h"
#include "store/ConferenceRepository.h"
#include "store/Outbox.h"
#include "store/SubmissionRepository.h"
#include "support/TestRuntime.h"

using namespace confpress;

TEST(SampleSubmissions, FortyFivePapersWithGeneratedPdfsGoThroughPreflightAndTheWorkflow) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  const std::string samples = CONFPRESS_SOURCE_DIR "/samples/binhduong";
  sample::SampleSummary summary = sample::loadSample(rt->db, samples);
  rt->submissions.setNotifications(false);
  sample::SubmissionsSummary loaded =
      sample::loadSampleSubmissions(rt->db, rt->submissions, samples, summary.conferenceSlug);
  EXPECT_EQ(loaded.created, 45);
  EXPECT_EQ(loaded.withdrawn, 2);
  EXPECT_GE(loaded.withWarnings, 3);

  Poco::Data::Session s = rt->db.session();
  auto conference = store::ConferenceRepository(s).findBySlug(summary.conferenceSlug);
  ASSERT_TRUE(conference);
  EXPECT_FALSE(store::deadlineOf(*conference, "submission").empty());
  auto papers = store::SubmissionRepository(s).list(conference->id, {});
  ASSERT_EQ(papers.size(), 45u);
  int withdrawn = 0;
  for (const auto& p : papers) {
    ASSERT_TRUE(p.current) << p.title;
    EXPECT_GE(p.current->pages, 6) << p.title;
    EXPECT_LE(p.current->pages, 14) << p.title;
    EXPECT_NE(p.current->preflightStatus, "error");
    EXPECT_TRUE(rt->files.contains(p.current->sha256));
    EXPECT_FALSE(p.topicIds.empty()) << p.title;
    if (p.status == "withdrawn") {
      ++withdrawn;
      EXPECT_TRUE(p.withdrawReason && !p.withdrawReason->empty());
    } else {
      EXPECT_EQ(p.status, "submitted") << p.title;
    }
  }
  EXPECT_EQ(withdrawn, 2);
  // Nobody was mailed about sample data.
  EXPECT_TRUE(store::mailTo(s, papers.front().authors.front().email).empty());

  EXPECT_TRUE(
      sample::loadSampleSubmissions(rt->db, rt->submissions, samples, summary.conferenceSlug).skipped);
  EXPECT_EQ(store::SubmissionRepository(s).list(conference->id, {}).size(), 45u);
}
