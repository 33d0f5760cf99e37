#pragma once
// A conference with a chair, authors and papers (submitted with a PDF) on the real server, and helpers to
// build its committee over the API: for the committee, conflict, bid and visibility tests.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <map>
#include <string>
#include <vector>

#include "support/MiniPdf.h"
#include "support/TestServer.h"

namespace cptest {

inline const std::string kSlug = "pc22";
inline const std::string kConference = "/api/v1/conferences/pc22";

struct PaperSpec {
  std::string title;
  std::string abstract = "Bài viết phân tích thực tiễn ở tỉnh Bình Dương.";
  std::vector<std::string> keywords{};
  std::vector<std::string> topics{};
  /// (e-mail, family name, given name, affiliation); the first is the submitter and needs an account.
  std::vector<std::vector<std::string>> authors{};
  std::vector<std::pair<std::string, std::string>> declaredConflicts{};  // (e-mail, type)
  bool submit = true;
};

class CommitteeWorld {
 public:
  explicit CommitteeWorld(const std::string& blind = "double") {
    account("admin@site.example", "Quản", "Trị", "", true);
    HttpResult made =
        admin().postJson("/api/v1/conferences", R"({"slug":"pc22","title":"Hội thảo chính quyền số",
      "acronym":"PC22","timezone":"Asia/Ho_Chi_Minh","topics":["Chuyển đổi số","Đô thị thông minh","Kinh tế số"],
      "rules":{"max_pdf_mb":1,"min_pages":1,"max_pages":4,"paper_sizes":["A4"],"blind":")" +
                                                    blind + R"("}})");
    if (made.status != 201) throw std::runtime_error("conference: " + made.body);
    account("chair@chair.example", "Trưởng", "Ban", "Ban Tổ chức");
    HttpResult granted =
        admin().postJson(kConference + "/roles", R"({"email":"chair@chair.example","role":"chair"})");
    if (granted.status != 204) throw std::runtime_error("chair: " + granted.body);
  }

  /// An account with its own names and affiliation (TestServer::createAccount gives everyone the same).
  void account(const std::string& email, const std::string& family, const std::string& given,
               const std::string& affiliation, bool isAdmin = false) {
    auth::NewAccount a;
    a.email = email;
    a.password = "correct horse battery";
    a.familyName = family;
    a.givenName = given;
    a.affiliation = affiliation;
    server.runtime().accounts.registerAccount(a, auth::Origin{"127.0.0.1", "test", {}}, isAdmin);
  }

  /// A client signed in as `email` (kept for the test).
  Client& as(const std::string& email) {
    auto it = clients_.find(email);
    if (it != clients_.end()) return it->second;
    Client& c = clients_.emplace(email, Client(server.port())).first->second;
    c.signIn(email);
    return c;
  }
  Client& admin() { return as("admin@site.example"); }
  Client& chair() { return as("chair@chair.example"); }

  /// Creates, uploads and (unless told otherwise) submits a paper; returns its number.
  int paper(const PaperSpec& spec, const std::string& pdfLine = "") {
    std::string authors;
    for (size_t i = 0; i < spec.authors.size(); ++i) {
      const auto& a = spec.authors[i];
      authors += std::string(i ? "," : "") + R"({"email":")" + a[0] + R"(","family_name":")" + a[1] +
                 R"(","given_name":")" + a[2] + R"(","affiliation":")" + a[3] + R"(","country":"VN"})";
    }
    std::string conflicts;
    for (const auto& [email, type] : spec.declaredConflicts)
      conflicts += std::string(conflicts.empty() ? "" : ",") + R"({"email":")" + email + R"(","type":")" +
                   type + R"("})";
    const std::string body = R"({"title":")" + spec.title + R"(","abstract":")" + spec.abstract +
                             R"(","keywords":)" + list(spec.keywords) + R"(,"topics":)" + list(spec.topics) +
                             R"(,"authors":[)" + authors + R"(],"declared_conflicts":[)" + conflicts + "]}";
    Client& submitter = as(spec.authors.front()[0]);
    HttpResult made = submitter.postJson(kConference + "/submissions", body);
    if (made.status != 201) throw std::runtime_error("paper: " + made.body);
    const int number = made.json()->getValue<int>("id");
    MiniPdfOptions pdf;
    if (!pdfLine.empty()) pdf.lines.push_back(pdfLine);
    const std::string path = kConference + "/submissions/" + std::to_string(number);
    HttpResult up = submitter.request("PUT", path + "/pdf", miniPdf(pdf), "application/pdf");
    if (up.status != 201) throw std::runtime_error("pdf: " + up.body);
    if (spec.submit) {
      HttpResult submitted = submitter.request("POST", path + "/submit", "", "application/json");
      if (submitted.status != 200) throw std::runtime_error("submit: " + submitted.body);
    }
    return number;
  }

  /// The chair invites `email` (who has an account); with `accept`, they accept. Returns the member id.
  int64_t member(const std::string& email, const std::string& extra = "", bool accept = true) {
    HttpResult invited =
        chair().postJson(kConference + "/committee", R"({"email":")" + email + "\"" + extra + "}");
    if (invited.status != 201) throw std::runtime_error("invite: " + invited.body);
    if (accept) {
      HttpResult answered =
          as(email).postJson(kConference + "/committee/me/response", R"({"response":"accept"})");
      if (answered.status != 200) throw std::runtime_error("accept: " + answered.body);
    }
    return invited.json()->getValue<int64_t>("id");
  }

  TestServer server;

 private:
  static std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += std::string(i ? "," : "") + "\"" + items[i] + "\"";
    return out + "]";
  }
  std::map<std::string, Client> clients_;
};

/// The `key` values of the objects in `array` (numbers as text, null as "").
inline std::vector<std::string> column(const Poco::JSON::Array::Ptr& array, const std::string& key) {
  std::vector<std::string> out;
  for (unsigned i = 0; array && i < array->size(); ++i) {
    const Poco::Dynamic::Var value = array->getObject(i)->get(key);
    out.push_back(value.isEmpty() ? std::string() : value.toString());
  }
  return out;
}

}  // namespace cptest
