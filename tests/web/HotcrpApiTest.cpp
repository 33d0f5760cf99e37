// HotCRP JSON in and out over the API: a conference exported with its PDFs is imported into another one
// unchanged; a bad paper fails the whole import, naming it, and nothing is written.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "support/MiniPdf.h"
#include "support/TestServer.h"

using cptest::Client;
using cptest::HttpResult;

class HotcrpApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server.createAccount("admin@x.example", true);
    server.createAccount("hung@tdmu.example");
    admin.signIn("admin@x.example");
    author.signIn("hung@tdmu.example");
    for (const std::string slug : {"from-conf", "into-conf"})
      ASSERT_EQ(admin
                    .postJson("/api/v1/conferences", R"({"slug":")" + slug + R"(","title":"Hội thảo",
                        "timezone":"Asia/Ho_Chi_Minh","topics":["Chuyển đổi số","Dữ liệu mở"],
                        "rules":{"blind":"single"}})")
                    .status,
                201);
  }
  cptest::TestServer server;
  Client admin{server.port()}, author{server.port()};
};

TEST_F(HotcrpApiTest, ExportedPapersImportElsewhereWithTheirPdfsAndUpdateByPid) {
  const std::string base = "/api/v1/conferences/from-conf/submissions";
  HttpResult made = author.postJson(base, R"({"title":"Dữ liệu mở ở Bình Dương","abstract":"Tóm tắt.",
      "keywords":["dữ liệu mở"],"topics":["Dữ liệu mở"],
      "authors":[{"family_name":"Nguyễn","given_name":"Văn Hùng","email":"hung@tdmu.example","affiliation":"TDMU",
                  "corresponding":true}],
      "declared_conflicts":[{"email":"boss@tdmu.example","type":"advisor"}]})");
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string pdf = cptest::miniPdf({.pages = 2});
  ASSERT_EQ(author.request("PUT", base + "/1/pdf", pdf, "application/pdf").status, 201);
  ASSERT_EQ(author.request("POST", base + "/1/submit", "", "application/json").status, 200);

  EXPECT_EQ(author.get("/api/v1/conferences/from-conf/hotcrp").status, 403);
  HttpResult exported = admin.get("/api/v1/conferences/from-conf/hotcrp?content=1");
  ASSERT_EQ(exported.status, 200) << exported.body;
  Poco::JSON::Array::Ptr papers = Poco::JSON::Parser().parse(exported.body).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(papers->size(), 1u);
  auto paper = papers->getObject(0);
  EXPECT_EQ(paper->getValue<int>("pid"), 1);
  EXPECT_EQ(paper->getValue<std::string>("status"), "submitted");
  EXPECT_EQ(paper->getArray("authors")->getObject(0)->getValue<std::string>("last"), "Nguyễn");
  EXPECT_EQ(paper->getArray("authors")->getObject(0)->getValue<std::string>("first"), "Văn Hùng");
  EXPECT_EQ(paper->getObject("pc_conflicts")->getValue<std::string>("boss@tdmu.example"), "advisor");
  EXPECT_EQ(paper->getObject("submission")->getValue<std::string>("hash").substr(0, 5), "sha2-");

  HttpResult imported =
      admin.request("POST", "/api/v1/conferences/into-conf/hotcrp", exported.body, "application/json");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json()->getValue<int>("created"), 1);
  HttpResult copy = admin.get("/api/v1/conferences/into-conf/submissions/1");
  ASSERT_EQ(copy.status, 200);
  EXPECT_EQ(copy.json()->getValue<std::string>("title"), "Dữ liệu mở ở Bình Dương");
  EXPECT_EQ(copy.json()->getValue<std::string>("status"), "submitted");
  EXPECT_EQ(copy.json()->getArray("topics")->getObject(0)->getValue<std::string>("name"), "Dữ liệu mở");
  EXPECT_EQ(copy.json()->getObject("pdf")->getValue<int>("pages"), 2);
  EXPECT_EQ(admin.get("/api/v1/conferences/into-conf/submissions/1/pdf").body, pdf);
  // The author can see the imported paper too.
  EXPECT_EQ(author.get("/api/v1/conferences/into-conf/submissions/1").status, 200);

  // Importing again updates by pid instead of duplicating.
  HttpResult again =
      admin.request("POST", "/api/v1/conferences/into-conf/hotcrp", exported.body, "application/json");
  EXPECT_EQ(again.json()->getValue<int>("updated"), 1);
  EXPECT_EQ(admin.get("/api/v1/conferences/into-conf/submissions").json()->getArray("submissions")->size(),
            1u);
}

TEST_F(HotcrpApiTest, ABadPaperFailsTheWholeImportNamingIt) {
  const std::string good = R"({"pid":7,"title":"Bài tốt","abstract":"A.","authors":[{"email":"a@x.example",
      "first":"Văn A","last":"Lê"}],"topics":["Chuyển đổi số"],"status":"submitted","tags":["ignored"]})";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[" + good +
           R"(,{"pid":8,"title":"","abstract":"B.","authors":[{"email":"b@x.example","first":"B","last":"C"}]}])",
       "papers[1].title"},
      {"[" + good + R"(,{"pid":8,"title":"T","abstract":"B.","authors":[{"first":"B","last":"C"}]}])",
       "papers[1].authors[0].email"},
      {"[" + good +
           R"(,{"pid":8,"title":"T","abstract":"B.","topics":["Nấu ăn"],"authors":[{"email":"b@x.example",
          "first":"B","last":"C"}]}])",
       "papers[1].topics[0]"},
      {"[" + good + "," + good + "]", "papers[1].pid"},
      {R"([{"title":"no pid"}])", "papers[0].pid"},
  };
  for (const auto& [body, field] : cases) {
    HttpResult r = admin.request("POST", "/api/v1/conferences/into-conf/hotcrp", body, "application/json");
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    EXPECT_EQ(r.errorField(), field) << r.body;
  }
  EXPECT_EQ(admin.request("POST", "/api/v1/conferences/into-conf/hotcrp", "[1,", "application/json").status,
            400);
  EXPECT_EQ(admin.get("/api/v1/conferences/into-conf/submissions").json()->getArray("submissions")->size(),
            0u);
  EXPECT_EQ(
      author.request("POST", "/api/v1/conferences/into-conf/hotcrp", "[" + good + "]", "application/json")
          .status,
      403);
  HttpResult ok =
      admin.request("POST", "/api/v1/conferences/into-conf/hotcrp", "[" + good + "]", "application/json");
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto imported = admin.get("/api/v1/conferences/into-conf/submissions/1").json();
  EXPECT_EQ(imported->getArray("authors")->getObject(0)->getValue<std::string>("display_name"), "Lê Văn A");
}
