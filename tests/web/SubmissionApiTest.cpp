// The submission API over real HTTP: deadlines and rules on the conference, the author workflow, uploads
// with preflight, visibility, withdrawal, chairs' lists and CSV, and every kind of bad input.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>

#include <thread>

#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "support/MiniPdf.h"
#include "support/TestServer.h"

using namespace confpress;
using cptest::Client;
using cptest::HttpResult;

namespace {

const std::string kBase = "/api/v1/conferences/bd22/submissions";

std::string paperJson(const std::string& submitterEmail,
                      const std::string& title = "Chính quyền số ở Bình Dương") {
  return R"({"title":")" + title + R"(","abstract":"Bài báo phân tích dịch vụ công trực tuyến.",
    "keywords":["chính quyền số","dịch vụ công"],"topics":["Chuyển đổi số"],
    "authors":[{"family_name":"Nguyễn","given_name":"Văn Hùng","email":")" +
         submitterEmail +
         R"(","affiliation":"Trường Đại học Thủ Dầu Một","country":"vn","corresponding":true},
               {"family_name":"Trần","given_name":"Thị Hoa","email":"hoa@example.org","affiliation":"Sở TT&TT"}],
    "declared_conflicts":[{"email":"conflicted@example.org","type":"advisor"}]})";
}

std::string sha256(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

class SubmissionApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server.createAccount("admin@x.example", true);
    server.createAccount("chair@x.example");
    server.createAccount("hung@tdmu.example");
    server.createAccount("other@x.example");
    admin.signIn("admin@x.example");
    HttpResult made = admin.postJson("/api/v1/conferences", R"({"slug":"bd22","title":"Hội thảo Bình Dương",
      "acronym":"BD2022","timezone":"Asia/Ho_Chi_Minh","topics":["Chuyển đổi số","Đô thị thông minh"],
      "rules":{"max_pdf_mb":1,"min_pages":1,"max_pages":4,"paper_sizes":["A4"],"blind":"single"}})");
    ASSERT_EQ(made.status, 201) << made.body;
    ASSERT_EQ(
        admin.postJson("/api/v1/conferences/bd22/roles", R"({"email":"chair@x.example","role":"chair"})")
            .status,
        204);
    chair.signIn("chair@x.example");
    author.signIn("hung@tdmu.example");
    other.signIn("other@x.example");
  }

  int create(Client& client, const std::string& email) {
    HttpResult r = client.postJson(kBase, paperJson(email));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<int>("id") : 0;
  }

  HttpResult upload(Client& client, int id, const std::string& pdf) {
    return client.request("PUT", kBase + "/" + std::to_string(id) + "/pdf", pdf, "application/pdf");
  }

  cptest::TestServer server;
  Client admin{server.port()}, chair{server.port()}, author{server.port()}, other{server.port()};
};

TEST_F(SubmissionApiTest, DeadlinesAndRulesLiveOnTheConference) {
  HttpResult patched =
      chair.request("PATCH", "/api/v1/conferences/bd22",
                    R"({"deadlines":{"registration":"2030-11-01","submission":"2030-11-15 AoE",
                                         "camera_ready":"2030-12-01T17:00:00+07:00"},
                                         "rules":{"max_pages":12,"paper_sizes":["A4","Letter"],"blind":"double",
                                                  "severity":{"bottom_margin":"error"}}})",
                    "application/json");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto deadlines = patched.json()->getObject("deadlines");
  // A date means 23:59:59 in the conference's zone (UTC+7); AoE is UTC−12; an offset is kept exactly.
  EXPECT_EQ(deadlines->getObject("registration")->getValue<std::string>("at"), "2030-11-01T16:59:59Z");
  EXPECT_EQ(deadlines->getObject("registration")->getValue<std::string>("local"),
            "2030-11-01T23:59:59+07:00");
  EXPECT_EQ(deadlines->getObject("submission")->getValue<std::string>("at"), "2030-11-16T11:59:59Z");
  EXPECT_EQ(deadlines->getObject("submission")->getValue<std::string>("written_as"), "2030-11-15 AoE");
  EXPECT_EQ(deadlines->getObject("camera_ready")->getValue<std::string>("at"), "2030-12-01T10:00:00Z");
  auto rules = chair.get("/api/v1/conferences/bd22").json()->getObject("rules");
  EXPECT_EQ(rules->getValue<int>("max_pages"), 12);
  EXPECT_EQ(rules->getValue<int>("max_pdf_mb"), 1);
  EXPECT_EQ(rules->getValue<std::string>("blind"), "double");
  EXPECT_EQ(rules->getArray("paper_sizes")->size(), 2u);
  EXPECT_EQ(rules->getObject("severity")->getValue<std::string>("bottom_margin"), "error");

  // What GET returns can be sent back unchanged.
  std::ostringstream back;
  patched.json()->getObject("deadlines")->stringify(back);
  EXPECT_EQ(chair
                .request("PATCH", "/api/v1/conferences/bd22", R"({"deadlines":)" + back.str() + "}",
                         "application/json")
                .status,
            200);

  // Each mistake names its field.
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"deadlines":{"submission":"next friday"}})", "deadlines.submission"},
           {R"({"deadlines":{"submission":"2030-02-30"}})", "deadlines.submission"},
           {R"({"deadlines":{"rebuttal":"2030-01-01"}})", "deadlines.rebuttal"},
           {R"({"deadlines":{"submission":"2030-10-01"}})", "deadlines.submission"},  // before registration
           {R"({"rules":{"max_pages":0}})", "rules.max_pages"},
           {R"({"rules":{"min_pages":20}})", "rules.min_pages"},
           {R"({"rules":{"paper_sizes":["A5"]}})", "rules.paper_sizes"},
           {R"({"rules":{"blind":"triple"}})", "rules.blind"},
           {R"({"rules":{"severity":{"fonts":"error"}}})", "rules.severity.fonts"},
           {R"({"rules":{"page_limit":3}})", "rules.page_limit"}}) {
    HttpResult r = chair.request("PATCH", "/api/v1/conferences/bd22", body, "application/json");
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    EXPECT_EQ(r.errorField(), field) << body;
  }
  EXPECT_EQ(
      author.request("PATCH", "/api/v1/conferences/bd22", R"({"rules":{"max_pages":99}})", "application/json")
          .status,
      403);
}

TEST_F(SubmissionApiTest, AnAuthorSubmitsRevisesAndOnlyTheRightPeopleSeeIt) {
  // A decomposed title is stored NFC.
  HttpResult made =
      author.postJson(kBase, paperJson("Hung@TDMU.example", "Chi\u0301nh quye\u0302\u0300n so\u0302\u0301"));
  ASSERT_EQ(made.status, 201) << made.body;
  const int id = made.json()->getValue<int>("id");
  EXPECT_EQ(id, 1);
  EXPECT_EQ(made.json()->getValue<std::string>("title"), "Chính quyền số");
  EXPECT_EQ(made.json()->getValue<std::string>("status"), "draft");
  EXPECT_EQ(made.json()->getArray("authors")->getObject(0)->getValue<std::string>("email"),
            "hung@tdmu.example");
  EXPECT_EQ(made.json()->getArray("authors")->getObject(0)->getValue<std::string>("country"), "VN");
  EXPECT_EQ(made.headers["location"], kBase + "/1");

  // Someone else's paper does not exist for them; chairs see it.
  EXPECT_EQ(other.get(kBase + "/1").status, 404);
  EXPECT_EQ(other.get(kBase + "/999").status, 404);
  EXPECT_EQ(other.get(kBase + "/1").errorCode(), other.get(kBase + "/999").errorCode());
  EXPECT_EQ(other.get(kBase).json()->getArray("submissions")->size(), 0u);
  EXPECT_EQ(chair.get(kBase + "/1").status, 200);

  // Submitting needs a PDF.
  HttpResult early = author.request("POST", kBase + "/1/submit", "", "application/json");
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(early.errorField(), "pdf");

  const std::string first = cptest::miniPdf({});
  HttpResult up = upload(author, id, first);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json()->getObject("version")->getValue<std::string>("sha256"), sha256(first));
  EXPECT_EQ(up.json()->getObject("preflight")->getValue<int>("pages"), 1);
  EXPECT_EQ(up.json()->getObject("preflight")->getValue<std::string>("paper_size"), "A4");

  // Broken uploads are refused with the report; the earlier version stays current.
  for (const std::string& bad : {std::string("%PDF-1.4 garbage that is not a PDF"), std::string("hello"),
                                 first.substr(0, first.size() / 2), cptest::miniPdf({.pages = 5}),
                                 cptest::miniPdf({.width = 612, .height = 792})}) {
    HttpResult refused = upload(author, id, bad);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.errorCode(), "preflight_failed");
    EXPECT_EQ(refused.json()->getObject("preflight")->getValue<std::string>("status"), "error");
  }
  HttpResult empty = upload(author, id, "");
  EXPECT_EQ(empty.status, 422) << empty.body;
  HttpResult current = author.get(kBase + "/1/pdf");
  ASSERT_EQ(current.status, 200);
  EXPECT_EQ(sha256(current.body), sha256(first));
  EXPECT_EQ(current.headers["content-type"], "application/pdf");
  EXPECT_EQ(other.get(kBase + "/1/pdf").status, 404);

  // Oversize bodies are refused from Content-Length (the limit here is 1 MB).
  {
    // Only the headers go out: the answer must come from Content-Length alone.
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server.port())));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string head = "PUT " + kBase + "/1/pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                             author.bearer +
                             "\r\nContent-Type: application/pdf\r\nContent-Length: 1100000\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    Poco::Net::SocketStream stream(socket);
    std::string response;
    Poco::StreamCopier::copyToString(stream, response);
    EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
    EXPECT_NE(response.find("1 MB"), std::string::npos) << response;
    EXPECT_NE(response.find(R"("field":"pdf")"), std::string::npos) << response;
  }
  EXPECT_EQ(author.request("PUT", kBase + "/1/pdf", first, "text/plain").status, 415);

  const std::string second = cptest::miniPdf({.pages = 3});
  ASSERT_EQ(upload(author, id, second).status, 201);
  HttpResult versions = author.get(kBase + "/1/versions");
  ASSERT_EQ(versions.json()->getArray("versions")->size(), 2u);
  const int oldVersion = versions.json()->getArray("versions")->getObject(1)->getValue<int>("version_id");
  EXPECT_EQ(sha256(author.get(kBase + "/1/pdf?version=" + std::to_string(oldVersion)).body), sha256(first));
  EXPECT_EQ(author.get(kBase + "/1").json()->getObject("pdf")->getValue<int>("pages"), 3);

  HttpResult submitted = author.request("POST", kBase + "/1/submit", "", "application/json");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()->getValue<std::string>("status"), "submitted");
  Poco::Data::Session s = server.runtime().db.session();
  auto mails = store::mailTo(s, "hung@tdmu.example");
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(mails.back().templateName, "submission_receipt");
  EXPECT_NE(mails.back().subject.find("BD2022"), std::string::npos);
  EXPECT_NE(mails.back().bodyText.find("/c/bd22/submissions/1"), std::string::npos);

  // Revising the metadata keeps the status; removing yourself is refused.
  HttpResult revised =
      author.request("PUT", kBase + "/1", paperJson("hung@tdmu.example", "Tên mới"), "application/json");
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.json()->getValue<std::string>("title"), "Tên mới");
  EXPECT_EQ(revised.json()->getValue<std::string>("status"), "submitted");
  HttpResult orphan =
      author.request("PUT", kBase + "/1", paperJson("someone@else.example"), "application/json");
  EXPECT_EQ(orphan.status, 422);
  EXPECT_EQ(orphan.errorCode(), "submitter_not_author");

  // Chairs list everything, filter and export CSV; authors list only their own.
  create(other, "other@x.example");
  EXPECT_EQ(chair.get(kBase).json()->getArray("submissions")->size(), 2u);
  EXPECT_EQ(chair.get(kBase).json()->getObject("counts")->getValue<int>("draft"), 1);
  EXPECT_EQ(chair.get(kBase + "?status=submitted").json()->getArray("submissions")->size(), 1u);
  EXPECT_EQ(chair.get(kBase + "?topic=Đô%20thị%20thông%20minh").json()->getArray("submissions")->size(), 0u);
  EXPECT_EQ(chair.get(kBase + "?status=lost").status, 422);
  EXPECT_EQ(author.get(kBase).json()->getArray("submissions")->size(), 1u);
  HttpResult csv = chair.get(kBase + "?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("Tên mới"), std::string::npos);
  EXPECT_NE(csv.body.find("Nguyễn Văn Hùng; Trần Thị Hoa"), std::string::npos);

  // Withdrawal needs a reason and keeps the paper.
  EXPECT_EQ(author.request("DELETE", kBase + "/1").status, 422);
  HttpResult withdrawn =
      author.request("DELETE", kBase + "/1", R"({"reason":"Trùng với bài đã đăng"})", "application/json");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()->getValue<std::string>("status"), "withdrawn");
  EXPECT_EQ(withdrawn.json()->getValue<std::string>("withdraw_reason"), "Trùng với bài đã đăng");
  EXPECT_EQ(author.get(kBase + "/1").status, 200);
  EXPECT_EQ(upload(author, id, first).status, 409);
  EXPECT_EQ(store::mailTo(s, "hung@tdmu.example").back().templateName, "submission_withdrawn");
}

TEST_F(SubmissionApiTest, DeadlinesAreEnforcedWithTheirNameAndChairsExtendOnePaper) {
  const int id = create(author, "hung@tdmu.example");
  ASSERT_EQ(chair
                .request("PATCH", "/api/v1/conferences/bd22", R"({"deadlines":{"submission":"2020-01-15"}})",
                         "application/json")
                .status,
            200);
  HttpResult late = author.request("PUT", kBase + "/1", paperJson("hung@tdmu.example"), "application/json");
  EXPECT_EQ(late.status, 403);
  EXPECT_EQ(late.errorCode(), "deadline_passed");
  EXPECT_NE(late.body.find("full-paper deadline passed"), std::string::npos) << late.body;
  EXPECT_NE(late.body.find("2020"), std::string::npos);
  EXPECT_EQ(upload(author, id, cptest::miniPdf({})).status, 403);
  EXPECT_EQ(author.postJson(kBase, paperJson("hung@tdmu.example")).errorCode(), "deadline_passed");
  // Chairs are not bound by it.
  EXPECT_EQ(upload(chair, id, cptest::miniPdf({})).status, 201);

  EXPECT_EQ(author.postJson(kBase + "/1/extension", R"({"until":"2099-01-01"})").status, 403);
  HttpResult extended = chair.postJson(kBase + "/1/extension", R"({"until":"2099-01-01 AoE"})");
  ASSERT_EQ(extended.status, 200) << extended.body;
  EXPECT_TRUE(extended.json()->getObject("deadline")->getValue<bool>("extended"));
  EXPECT_EQ(author.request("PUT", kBase + "/1", paperJson("hung@tdmu.example"), "application/json").status,
            200);
  EXPECT_EQ(upload(author, id, cptest::miniPdf({.pages = 2})).status, 201);
  EXPECT_EQ(chair.postJson(kBase + "/1/extension", R"({"until":"soon"})").errorField(), "until");
}

TEST_F(SubmissionApiTest, BadMetadataGetsAClearErrorNamingTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example"}]})",
       "title"},
      {R"({"title":"T","abstract":"x"})", "authors"},
      {R"({"title":"T","abstract":"x","authors":[]})", "authors"},
      {R"({"title":"T","abstract":"","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example"}]})",
       "abstract"},
      {R"({"title":"T","abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example"},
           {"family_name":"C","given_name":"D","email":"not-an-email"}]})",
       "authors[1].email"},
      {R"({"title":"T","abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example",
           "orcid":"0000-0002-1825-0098"}]})",
       "authors[0].orcid"},
      {R"({"title":"T","abstract":"x","topics":["Nấu ăn"],"authors":[{"family_name":"A","given_name":"B",
           "email":"hung@tdmu.example"}]})",
       "topics[0]"},
      {R"({"title":"T","abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example"},
           {"family_name":"A","given_name":"B","email":"HUNG@tdmu.example"}]})",
       "authors[1].email"},
      {R"({"title":"T","abstract":"x","colour":"red","authors":[{"family_name":"A","given_name":"B",
           "email":"hung@tdmu.example"}]})",
       "colour"},
      {R"({"title":"T","abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"hung@tdmu.example"}],
           "declared_conflicts":[{"email":"x@y.example","type":"enemy"}]})",
       "declared_conflicts[0].type"},
      {R"({"title":")" + std::string(301, 'x') +
           R"(","abstract":"x","authors":[{"family_name":"A","given_name":"B",
           "email":"hung@tdmu.example"}]})",
       "title"},
      {R"({"title":"T","abstract":"x","authors":[{"family_name":"A","given_name":"B","email":"someone@else.example"}]})",
       "authors"},
  };
  for (const auto& [body, field] : cases) {
    HttpResult r = author.postJson(kBase, body);
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    EXPECT_EQ(r.errorField(), field) << body << " → " << r.body;
  }
  EXPECT_EQ(author.postJson(kBase, "{not json").status, 400);
  EXPECT_EQ(author.postJson("/api/v1/conferences/nope/submissions", paperJson("hung@tdmu.example")).status,
            404);
  Client anonymous(server.port());
  EXPECT_EQ(anonymous.postJson(kBase, paperJson("hung@tdmu.example")).status, 401);
  EXPECT_EQ(author.get(kBase + "/abc").status, 404);
  EXPECT_EQ(author.get(kBase).json()->getArray("submissions")->size(), 0u);  // nothing half-written
}

TEST_F(SubmissionApiTest, ConcurrentUploadsOfOnePaperKeepEveryCompleteVersion) {
  const int id = create(author, "hung@tdmu.example");
  std::vector<std::string> pdfs;
  for (int i = 0; i < 8; ++i) pdfs.push_back(cptest::miniPdf({.pages = 1 + i % 4, .footer = ""}));
  for (int i = 0; i < 8; ++i) pdfs[i] += "% variant " + std::to_string(i) + "\n";
  std::vector<int> statuses(pdfs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < pdfs.size(); ++i)
    threads.emplace_back([&, i] {
      Client c(server.port());
      c.bearer = author.bearer;
      statuses[i] = upload(c, id, pdfs[i]).status;
    });
  for (auto& t : threads) t.join();
  for (int status : statuses) EXPECT_EQ(status, 201);
  HttpResult versions = author.get(kBase + "/1/versions");
  ASSERT_EQ(versions.json()->getArray("versions")->size(), pdfs.size());
  // The current PDF is the newest version, whole.
  const std::string newest =
      versions.json()->getArray("versions")->getObject(0)->getValue<std::string>("sha256");
  EXPECT_EQ(sha256(author.get(kBase + "/1/pdf").body), newest);
}
