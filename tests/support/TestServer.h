#pragma once
// The real ConfPress server on 127.0.0.1 (a free port) over a fresh SQLite database, and a small HTTP
// client that keeps cookies like a browser. For integration tests.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <memory>
#include <string>

#include "app/Runtime.h"
#include "support/TempDir.h"
#include "web/HttpServer.h"

namespace cptest {
using namespace confpress;

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; the last value of each
  std::vector<std::string> setCookies;

  Poco::JSON::Object::Ptr json() const;
  std::string errorCode() const;   // error.code of a JSON error body
  std::string errorField() const;  // error.field
};

class TestServer {
 public:
  TestServer();
  ~TestServer();

  app::Runtime& runtime() { return *runtime_; }
  int port() const { return server_->port(); }

  /// Creates an account directly (not over HTTP) and returns its e-mail.
  std::string createAccount(const std::string& email, bool admin = false,
                            const std::string& password = "correct horse battery");

  TempDir dir;

 private:
  std::unique_ptr<app::Runtime> runtime_;
  std::unique_ptr<web::Services> services_;
  std::unique_ptr<web::HttpServer> server_;
};

/// An HTTP client for one TestServer that stores cookies it is given and sends them back.
class Client {
 public:
  explicit Client(int port) : port_(port) {}

  HttpResult request(const std::string& method, const std::string& path, const std::string& body = "",
                     const std::string& contentType = "",
                     const std::map<std::string, std::string>& headers = {});
  HttpResult get(const std::string& path) { return request("GET", path); }
  HttpResult postJson(const std::string& path, const std::string& json) {
    return request("POST", path, json, "application/json");
  }
  /// Posts an url-encoded form; fields are encoded here.
  HttpResult postForm(const std::string& path, const std::map<std::string, std::string>& fields);

  /// Signs in over the API and keeps the bearer token for later requests.
  void signIn(const std::string& email, const std::string& password = "correct horse battery");

  std::map<std::string, std::string> cookies;
  std::string bearer;

 private:
  int port_;
};

/// The value of `name="…"` in the first <input name=NAME … value="…"> of an HTML page.
std::string inputValue(const std::string& html, const std::string& name);

}  // namespace cptest
