#include "support/TestServer.h"

#include "support/Forms.h"
#include "support/TestRuntime.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <regex>
#include <sstream>

namespace cptest {
using namespace confpress;

Poco::JSON::Object::Ptr HttpResult::json() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string HttpResult::errorCode() const {
  try {
    return json()->getObject("error")->getValue<std::string>("code");
  } catch (...) {
    return "(no JSON error in: " + body.substr(0, 200) + ")";
  }
}

std::string HttpResult::errorField() const {
  try {
    auto e = json()->getObject("error");
    return e->has("field") ? e->getValue<std::string>("field") : "";
  } catch (...) {
    return "";
  }
}

TestServer::TestServer() {
  app::Config config = testConfig(dir);
  config.server.port = 0;
  config.server.threads = 8;
  config.server.accessLog = false;
  runtime_ = std::make_unique<app::Runtime>(config);
  runtime_->migrate();
  services_ = std::make_unique<web::Services>(runtime_->webServices("http://127.0.0.1"));
  server_ = std::make_unique<web::HttpServer>(*services_, config.server);
  server_->bind();
  services_->publicUrl = runtime_->setServerUrl(server_->url());
  runtime_->jobs.start();
  server_->start();
}

TestServer::~TestServer() {
  server_->stop();
}

std::string TestServer::createAccount(const std::string& email, bool admin, const std::string& password) {
  auth::NewAccount account;
  account.email = email;
  account.password = password;
  account.familyName = "Nguyễn";
  account.givenName = "Văn Thử";
  account.affiliation = "Trường Đại học Thủ Dầu Một";
  runtime_->accounts.registerAccount(account, auth::Origin{"127.0.0.1", "test", {}}, admin);
  return email;
}

HttpResult Client::request(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& contentType,
                           const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!contentType.empty()) req.setContentType(contentType);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
    req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  if (!cookies.empty()) {
    Poco::Net::NameValueCollection c;
    for (const auto& [k, v] : cookies) c.add(k, v);
    req.setCookies(c);
  }
  if (!bearer.empty()) req.set("Authorization", "Bearer " + bearer);
  for (const auto& [k, v] : headers) req.set(k, v);
  session.sendRequest(req) << body;
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  HttpResult result;
  result.status = static_cast<int>(res.getStatus());
  Poco::StreamCopier::copyToString(in, result.body);
  for (const auto& [name, value] : res) {
    result.headers[Poco::toLower(name)] = value;
    if (Poco::icompare(name, "Set-Cookie") == 0) {
      result.setCookies.push_back(value);
      const std::string pair = value.substr(0, value.find(';'));
      const size_t eq = pair.find('=');
      const std::string cookieName = pair.substr(0, eq), cookieValue = pair.substr(eq + 1);
      const bool expired = value.find("Max-Age=0") != std::string::npos || cookieValue.empty();
      if (expired)
        cookies.erase(cookieName);
      else
        cookies[cookieName] = cookieValue;
    }
  }
  return result;
}

HttpResult Client::postForm(const std::string& path, const std::map<std::string, std::string>& fields) {
  return request("POST", path, urlEncoded(Fields(fields.begin(), fields.end())),
                 "application/x-www-form-urlencoded");
}

void Client::signIn(const std::string& email, const std::string& password) {
  HttpResult r =
      postJson("/api/v1/session", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  if (r.status != 201) throw std::runtime_error("sign-in failed: " + std::to_string(r.status) + " " + r.body);
  bearer = r.json()->getValue<std::string>("token");
}

std::string inputValue(const std::string& html, const std::string& name) {
  std::regex pattern("<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, pattern) ? m[1].str() : "";
}

}  // namespace cptest
