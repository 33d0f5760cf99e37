// Drives the real server on 127.0.0.1 over HTTP: the author/chair path and every kind of bad input.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "support/TestServer.h"

using namespace confpress;
using cptest::Client;
using cptest::HttpResult;

class ApiTest : public ::testing::Test {
 protected:
  cptest::TestServer server;
  Client client{server.port()};
};

TEST_F(ApiTest, HealthReportsTheSchemaVersion) {
  HttpResult r = client.get("/api/v1/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "ok");
  EXPECT_GE(r.json()->getValue<int>("schema"), 1);
  EXPECT_EQ(r.headers["content-type"], "application/json; charset=utf-8");
}

TEST_F(ApiTest, SignUpSignInCreateConferenceAndList) {
  HttpResult created = client.postJson("/api/v1/accounts",
                                       R"({"email":"Lan.Nguyen@TDMU.example","password":"mật khẩu an toàn",
                                           "family_name":"Nguyễn","given_name":"Thị Lan",
                                           "affiliation":"Trường Đại học Thủ Dầu Một","orcid":"0000-0002-1825-0097"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()->getObject("account")->getValue<std::string>("email"), "lan.nguyen@tdmu.example");
  EXPECT_EQ(created.json()->getObject("account")->getValue<std::string>("display_name"), "Nguyễn Thị Lan");

  HttpResult session = client.postJson(
      "/api/v1/session", R"({"email":"lan.nguyen@tdmu.example","password":"mật khẩu an toàn"})");
  ASSERT_EQ(session.status, 201) << session.body;
  ASSERT_EQ(session.setCookies.size(), 1u);
  EXPECT_NE(session.setCookies[0].find("HttpOnly"), std::string::npos);
  EXPECT_NE(session.setCookies[0].find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/session").status, 200);  // the cookie alone signs in

  // Only site administrators create conferences.
  const std::string conference = R"({"slug":"bd-2022","title":"Xây dựng chính quyền số tỉnh Bình Dương",
      "title_en":"Building digital government","timezone":"Asia/Ho_Chi_Minh","start_date":"2022-11-25",
      "end_date":"2022-11-25","topics":["Đô thị thông minh",{"name":"Chuyển đổi số","name_en":"Digital transformation"}]})";
  EXPECT_EQ(client.postJson("/api/v1/conferences", conference).status, 403);

  server.createAccount("admin@x.example", true);
  Client admin(server.port());
  admin.signIn("admin@x.example");  // bearer token, no cookie
  HttpResult made = admin.postJson("/api/v1/conferences", conference);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.headers["location"], "/api/v1/conferences/bd-2022");

  HttpResult list = Client(server.port()).get("/api/v1/conferences");
  ASSERT_EQ(list.status, 200);
  auto conferences = list.json()->getArray("conferences");
  ASSERT_EQ(conferences->size(), 1u);
  auto first = conferences->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("slug"), "bd-2022");
  EXPECT_EQ(first->getValue<std::string>("title"), "Xây dựng chính quyền số tỉnh Bình Dương");
  EXPECT_EQ(first->getArray("topics")->getObject(1)->getValue<std::string>("name_en"),
            "Digital transformation");

  // The admin makes Lan a chair; she then edits the conference and sees its audit log.
  EXPECT_EQ(admin
                .postJson("/api/v1/conferences/bd-2022/roles",
                          R"({"email":"lan.nguyen@tdmu.example","role":"chair"})")
                .status,
            204);
  HttpResult edited = client.request("PATCH", "/api/v1/conferences/bd-2022",
                                     R"({"venue":"Thủ Dầu Một","start_date":null})", "application/json");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()->getValue<std::string>("venue"), "Thủ Dầu Một");
  EXPECT_TRUE(edited.json()->isNull("start_date"));
  HttpResult one = client.get("/api/v1/conferences/bd-2022");
  EXPECT_EQ(one.json()->getArray("my_roles")->getElement<std::string>(0), "chair");
  HttpResult audit = client.get("/api/v1/conferences/bd-2022/audit");
  ASSERT_EQ(audit.status, 200);
  std::vector<std::string> actions;
  auto entries = audit.json()->getArray("entries");
  for (unsigned i = 0; i < entries->size(); ++i)
    actions.push_back(entries->getObject(i)->getValue<std::string>("action"));
  EXPECT_EQ(actions, (std::vector<std::string>{"conference.update", "role.grant", "conference.create"}));

  // Sign out ends the session.
  EXPECT_EQ(client.request("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(client.get("/api/v1/session").status, 401);
}

TEST_F(ApiTest, BadInputGetsClearFourHundredsNeverFiveHundreds) {
  struct Case {
    std::string name, method, path, body, type;
    int status;
    std::string code, field;
  };
  const std::string valid = R"("password":"long enough pw","family_name":"Lê","given_name":"Văn Tám")";
  const std::vector<Case> cases = {
      {"malformed JSON", "POST", "/api/v1/accounts", R"({"email": )", "application/json", 400, "invalid_json",
       ""},
      {"not an object", "POST", "/api/v1/accounts", R"(["a"])", "application/json", 400, "invalid_json", ""},
      {"invalid UTF-8", "POST", "/api/v1/accounts", "{\"email\":\"a\xC3\"}", "application/json", 400,
       "invalid_utf8", ""},
      {"wrong content type", "POST", "/api/v1/accounts", "email=a", "text/plain", 415,
       "unsupported_media_type", ""},
      {"unknown field", "POST", "/api/v1/accounts",
       R"({"email":"a@x.example",)" + valid + R"(,"nickname":"x"})", "application/json", 422, "unknown_field",
       "nickname"},
      {"missing field", "POST", "/api/v1/accounts", R"({"password":"long enough pw"})", "application/json",
       422, "required", "email"},
      {"wrong type", "POST", "/api/v1/accounts", R"({"email":5})", "application/json", 422, "invalid_type",
       "email"},
      {"bad e-mail", "POST", "/api/v1/accounts", R"({"email":"not-an-email",)" + valid + "}",
       "application/json", 422, "invalid_email", "email"},
      {"bad ORCID", "POST", "/api/v1/accounts", R"({"email":"o@x.example","orcid":"1234",)" + valid + "}",
       "application/json", 422, "invalid_orcid", "orcid"},
      {"short password", "POST", "/api/v1/accounts",
       R"({"email":"p@x.example","password":"short","family_name":"Lê","given_name":"Tám"})",
       "application/json", 422, "password_too_short", "password"},
      {"not signed in", "POST", "/api/v1/conferences", R"({"slug":"x"})", "application/json", 401,
       "unauthenticated", ""},
      {"unknown conference", "GET", "/api/v1/conferences/nope", "", "", 404, "not_found", ""},
      {"unknown route", "GET", "/api/v1/nothing-here", "", "", 404, "not_found", ""},
      {"wrong method", "PUT", "/api/v1/health", "{}", "application/json", 405, "method_not_allowed", ""},
      {"wrong password", "POST", "/api/v1/session",
       R"({"email":"nobody@x.example","password":"whatever it is"})", "application/json", 401,
       "invalid_credentials", ""},
  };
  for (const Case& c : cases) {
    HttpResult r = client.request(c.method, c.path, c.body, c.type);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.body;
    EXPECT_EQ(r.errorCode(), c.code) << c.name;
    EXPECT_EQ(r.errorField(), c.field) << c.name;
  }
  // A duplicate e-mail is a conflict naming the field.
  const std::string body = R"({"email":"dup@x.example",)" + valid + "}";
  ASSERT_EQ(client.postJson("/api/v1/accounts", body).status, 201);
  HttpResult dup = client.postJson("/api/v1/accounts", body);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.errorCode(), "email_taken");
  EXPECT_EQ(dup.errorField(), "email");
}

TEST_F(ApiTest, OversizedBodiesAreRefusedFromContentLengthBeforeTheBodyIsSent) {
  // Only the headers go out: the answer must come from Content-Length alone.
  Poco::Net::StreamSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server.port())));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  const std::string head =
      "POST /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n";
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  Poco::Net::SocketStream stream(socket);
  std::string statusLine;
  std::getline(stream, statusLine);
  EXPECT_EQ(statusLine.rfind("HTTP/1.1 413", 0), 0u) << statusLine;
  std::string rest;
  Poco::StreamCopier::copyToString(stream, rest);
  EXPECT_NE(rest.find("payload_too_large"), std::string::npos) << rest;
  EXPECT_NE(Poco::toLower(rest).find("connection: close"), std::string::npos)
      << "the unread body must not be parsed as a request";
  EXPECT_EQ(client.get("/api/v1/health").status, 200);  // the server is fine afterwards
}

TEST_F(ApiTest, FailedSignInsAreRateLimited) {
  server.createAccount("target@x.example");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(client
                  .postJson("/api/v1/session", R"({"email":"target@x.example","password":"guess number )" +
                                                   std::to_string(i) + R"("})")
                  .status,
              401);
  HttpResult limited = client.postJson("/api/v1/session",
                                       R"({"email":"target@x.example","password":"correct horse battery"})");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.errorCode(), "rate_limited");
  EXPECT_GT(std::stoi(limited.headers["retry-after"]), 0);
  Poco::Data::Session s = server.runtime().db.session();
  int denied = 0;
  for (const auto& record : store::recentAudit(s, std::nullopt, 50))
    denied += record.entry.action == "session.denied";
  EXPECT_EQ(denied, 5);
}

TEST_F(ApiTest, PasswordResetGoesThroughTheOutboxAndTheTokenWorksOnce) {
  server.createAccount("reset@x.example");
  HttpResult asked = client.postJson("/api/v1/password-reset", R"({"email":"reset@x.example"})");
  EXPECT_EQ(asked.status, 202);
  EXPECT_EQ(client.postJson("/api/v1/password-reset", R"({"email":"ghost@x.example"})").status,
            202);  // no leak
  Poco::Data::Session s = server.runtime().db.session();
  auto mails = store::mailTo(s, "reset@x.example");
  ASSERT_EQ(mails.size(), 1u);
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/password/reset?token=";
  const size_t at = mails[0].bodyText.find(url);
  ASSERT_NE(at, std::string::npos) << mails[0].bodyText;
  const std::string token = mails[0].bodyText.substr(at + url.size(), 43);
  const std::string confirm = R"({"token":")" + token + R"(","password":"new password 2026"})";
  EXPECT_EQ(client.postJson("/api/v1/password-reset/confirm", confirm).status, 204);
  HttpResult again = client.postJson("/api/v1/password-reset/confirm", confirm);
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.errorCode(), "invalid_token");
  EXPECT_NO_THROW(client.signIn("reset@x.example", "new password 2026"));
}
