// The conflict rule over every route of the server: a conflicted person never sees the paper, whatever
// the route. The test walks web::allRoutes() (so a route added later is covered without editing this
// file; a new kind of route parameter makes it fail until it is given a value here) and sends each route to
// four conflicted people: committee members conflicted by the authors' declaration, by their own
// declaration and by a pending detection, and a chair conflicted by a pending detection. No answer may
// contain the paper's marker, every GET of the paper itself is 404 and nothing else succeeds on it, while
// an unconflicted chair gets every GET of the paper and sees it in the lists.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>

#include "support/CommitteeWorld.h"
#include "web/Routes.h"

using namespace confpress;
using cptest::Client;
using cptest::HttpResult;
using cptest::kConference;

namespace {

const std::string kMarker = "ZZMARKER";

}  // namespace

class ConflictVisibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("hung@tdmu.example", "Nguyễn", "Văn Hùng", "Khoa Kinh tế");
    world.account("other@bdu.example", "Phạm", "Văn Khác", "Trường Đại học Bình Dương");
    world.account("clean@uit.example", "Trần", "Minh Đức", "Trường Đại học Công nghệ Thông tin");
    world.account("declared@napa.example", "Lê", "Thị Thủy", "Học viện Hành chính Quốc gia");
    world.account("reviewer@hcmussh.example", "Võ", "Hoàng Phúc",
                  "Trường Đại học Khoa học Xã hội và Nhân văn");
    world.account("detected@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("chair2@tdmu.example", "Trương", "Chủ Tịch", "Phòng Khoa học");
    ASSERT_EQ(world.admin()
                  .postJson(kConference + "/roles", R"({"email":"chair2@tdmu.example","role":"chair"})")
                  .status,
              204);
    for (const char* m : {"clean@uit.example", "declared@napa.example", "reviewer@hcmussh.example",
                          "detected@tdmu.example", "chair2@tdmu.example"})
      members[m] = world.member(m, R"(,"topics":["Chuyển đổi số"])");
    marker = world.paper({.title = kMarker + " Chính quyền số cấp tỉnh",
                          .abstract = kMarker + " tóm tắt về dịch vụ công trực tuyến",
                          .keywords = {"chính quyền số"},
                          .topics = {"Chuyển đổi số"},
                          .authors = {{"hung@tdmu.example", "Nguyễn", "Văn Hùng", "Khoa Kinh tế"}},
                          .declaredConflicts = {{"declared@napa.example", "advisor"}}},
                         kMarker + " in the PDF");
    world.paper({.title = "Kinh tế số và doanh nghiệp",
                 .topics = {"Kinh tế số"},
                 .authors = {{"other@bdu.example", "Phạm", "Văn Khác", "Trường Đại học Bình Dương"}}});
    Client& chair = world.chair();
    ASSERT_EQ(chair.request("POST", kConference + "/conflicts/detect", "", "application/json").status, 200);
    ASSERT_EQ(chair.request("POST", kConference + "/affinity", "", "application/json").status, 200);
    ASSERT_EQ(world.as("reviewer@hcmussh.example")
                  .request("PUT", paperPath() + "/bid", R"({"level":"conflict"})", "application/json")
                  .status,
              200);
    auto conflicts = chair.get(kConference + "/conflicts").json()->getArray("conflicts");
    for (unsigned i = 0; i < conflicts->size(); ++i)
      if (conflicts->getObject(i)->getValue<int>("submission") == marker) {
        conflictId = conflicts->getObject(i)->getValue<int64_t>("id");
        statuses.insert(conflicts->getObject(i)->getValue<std::string>("status"));
      }
    jobId = runAssignment();
  }

  // The unconflicted chair runs the reviewer assignment (the marker paper included) and waits for it.
  int64_t runAssignment() {
    HttpResult started =
        world.chair().postJson(kConference + "/assignment/jobs", R"({"reviewers_per_paper":1})");
    EXPECT_EQ(started.status, 202) << started.body;
    const int64_t id = started.json()->getValue<int64_t>("id");
    for (int i = 0; i < 1200; ++i) {
      HttpResult job = world.chair().get(kConference + "/assignment/jobs/" + std::to_string(id));
      if (job.json()->getValue<std::string>("state") == "done") {
        EXPECT_NE(job.body.find(kMarker), std::string::npos) << "the chair previews the marker paper";
        return id;
      }
      EXPECT_NE(job.json()->getValue<std::string>("state"), "failed") << job.body;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the assignment job did not finish";
    return id;
  }

  std::string paperPath() const { return kConference + "/submissions/" + std::to_string(marker); }

  // The route's pattern with every placeholder given a value for this request; fails on an unknown one.
  std::string pathFor(const std::string& pattern, const std::string& persona) {
    static const std::regex placeholder(R"(\{([a-z]+)\})");
    std::string out;
    auto last = pattern.cbegin();
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), placeholder), end; it != end; ++it) {
      out.append(last, pattern.cbegin() + it->position());
      const std::string name = (*it)[1];
      if (name == "slug")
        out += cptest::kSlug;
      else if (name == "id")
        out += std::to_string(marker);
      else if (name == "member")
        out += std::to_string(members.count(persona) ? members[persona] : members.begin()->second);
      else if (name == "conflict")
        out += std::to_string(conflictId);
      else if (name == "paper")
        out += "1";
      else if (name == "job")
        out += std::to_string(jobId);
      else if (name == "person")
        out += std::to_string(members.begin()->second);
      else if (name == "file")
        out += "style.css";
      else if (name == "code")
        out += "vi";
      else
        ADD_FAILURE() << "route " << pattern << " has a parameter {" << name << "} this test does not know";
      last = pattern.cbegin() + it->position() + it->length();
    }
    out.append(last, pattern.cend());
    return out;
  }

  HttpResult send(Client& client, const std::string& method, const std::string& path) {
    if (method == "GET") return client.get(path);
    return client.request(method, path, "{}", "application/json");
  }

  cptest::CommitteeWorld world;
  std::map<std::string, int64_t> members;
  int marker = 0;
  int64_t conflictId = 0;
  int64_t jobId = 0;
  std::set<std::string> statuses;
};

TEST_F(ConflictVisibilityTest, NoRouteShowsAPaperToSomeoneConflictedWithIt) {
  // The four ways a conflict arises are all present: declared (confirmed), detected (pending), reviewer.
  EXPECT_TRUE(statuses.count("pending"));
  EXPECT_TRUE(statuses.count("confirmed"));
  const std::vector<std::string> conflicted = {"declared@napa.example", "reviewer@hcmussh.example",
                                               "detected@tdmu.example", "chair2@tdmu.example"};
  Client& control = world.chair();
  const std::string before = control.get(paperPath()).body;
  ASSERT_NE(before.find(kMarker), std::string::npos);

  std::set<std::string> controlSawMarker;
  size_t checked = 0;
  for (const auto& [method, pattern] : web::allRoutes().routes()) {
    // Account and session actions (sign out, password reset, sign-up …) take no conference and no paper;
    // sending them would end the personas' sessions.
    if (pattern.find("{slug}") == std::string::npos && method != "GET") continue;
    const bool aboutThePaper = pattern.find("{id}") != std::string::npos;
    for (const std::string& persona : conflicted) {
      const std::string path = pathFor(pattern, persona);
      HttpResult r = send(world.as(persona), method, path);
      ++checked;
      EXPECT_EQ(r.body.find(kMarker), std::string::npos)
          << persona << " " << method << " " << path << " → " << r.status;
      EXPECT_LT(r.status, 500) << persona << " " << method << " " << path << ": " << r.body.substr(0, 300);
      if (aboutThePaper && method == "GET") {
        EXPECT_EQ(r.status, 404) << persona << " " << method << " " << path;
      }
      if (aboutThePaper) {
        EXPECT_GE(r.status, 400) << persona << " " << method << " " << path << ": " << r.body.substr(0, 300);
      }
    }
    if (method == "GET") {
      HttpResult seen = control.get(pathFor(pattern, "chair@chair.example"));
      if (aboutThePaper) {
        EXPECT_EQ(seen.status, 200) << "the unconflicted chair: GET " << pattern << " " << seen.body;
      }
      if (seen.body.find(kMarker) != std::string::npos) controlSawMarker.insert(pattern);
    }
  }
  EXPECT_GT(checked, 150u);
  // The sweep means something: the paper is there to be seen in these lists by someone not conflicted.
  for (const char* list :
       {"/api/v1/conferences/{slug}/submissions", "/api/v1/conferences/{slug}/conflicts",
        "/api/v1/conferences/{slug}/audit", "/api/v1/conferences/{slug}/hotcrp", "/c/{slug}/submissions",
        "/api/v1/conferences/{slug}/submissions/{id}/pdf", "/api/v1/conferences/{slug}/assignment",
        "/c/{slug}/assignment", "/c/{slug}/conflicts"})
    EXPECT_TRUE(controlSawMarker.count(list)) << list;
  Client& clean = world.as("clean@uit.example");
  EXPECT_NE(clean.get(kConference + "/committee/me/bids").body.find(kMarker), std::string::npos);
  EXPECT_NE(clean.get(kConference + "/submissions").body.find(kMarker), std::string::npos);
  EXPECT_NE(clean.get("/c/" + cptest::kSlug + "/bids").body.find(kMarker), std::string::npos);

  // Query variants of the lists.
  for (const std::string& persona : conflicted)
    for (const std::string& path :
         {kConference + "/submissions?format=csv", kConference + "/submissions?status=submitted",
          kConference + "/hotcrp?content=1", kConference + "/conflicts?status=pending",
          kConference + "/conflicts?status=confirmed", paperPath() + "/pdf?version=1",
          "/c/" + cptest::kSlug + "/submissions?status=submitted",
          "/c/" + cptest::kSlug + "/conflicts?status=pending",
          "/c/" + cptest::kSlug + "/conflicts?source=detected",
          "/c/" + cptest::kSlug + "/conflicts?source=author"})
      EXPECT_EQ(world.as(persona).get(path).body.find(kMarker), std::string::npos) << persona << " " << path;

  // The pages' forms, sent with a valid CSRF token, find no paper either (the bid form's script asks JSON).
  for (const std::string& persona : conflicted) {
    Client& client = world.as(persona);
    const std::string csrf = cptest::inputValue(client.get("/c/" + cptest::kSlug).body, "csrf");
    const std::string bid = "/c/" + cptest::kSlug + "/bids/" + std::to_string(marker);
    for (const std::map<std::string, std::string>& headers :
         {std::map<std::string, std::string>{},
          std::map<std::string, std::string>{{"Accept", "application/json"}}}) {
      HttpResult r = client.request("POST", bid, "csrf=" + csrf + "&level=eager",
                                    "application/x-www-form-urlencoded", headers);
      EXPECT_EQ(r.status, 404) << persona << " " << bid << ": " << r.body.substr(0, 300);
      EXPECT_EQ(r.body.find(kMarker), std::string::npos) << persona;
    }
  }

  // Nothing the conflicted people sent changed the paper.
  EXPECT_EQ(control.get(paperPath()).body, before);
}

TEST_F(ConflictVisibilityTest, CommitteeMembersSeeSubmittedPapersWithoutAuthorsUnderDoubleBlind) {
  Client& clean = world.as("clean@uit.example");
  HttpResult seen = clean.get(paperPath());
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.json()->getValue<bool>("authors_hidden"));
  EXPECT_EQ(seen.json()->getArray("authors")->size(), 0u);
  EXPECT_EQ(seen.json()->getArray("declared_conflicts")->size(), 0u);
  EXPECT_EQ(seen.body.find("hung@tdmu.example"), std::string::npos);
  EXPECT_EQ(seen.body.find("Văn Hùng"), std::string::npos);
  EXPECT_FALSE(seen.json()->getObject("permissions")->getValue<bool>("edit"));
  EXPECT_EQ(clean.get(paperPath() + "/pdf").status, 200);
  EXPECT_EQ(clean.get(paperPath() + "/versions").status, 403);
  EXPECT_EQ(clean.get("/c/pc22/submissions/" + std::to_string(marker) + "/edit").status, 403);
  EXPECT_EQ(clean.request("PUT", paperPath() + "/pdf", cptest::miniPdf({}), "application/pdf").status, 403);
  // The chair sees everything, the author too.
  EXPECT_EQ(world.chair().get(paperPath()).json()->getArray("authors")->size(), 1u);
  EXPECT_EQ(world.as("hung@tdmu.example").get(paperPath()).json()->getArray("declared_conflicts")->size(),
            1u);
}
