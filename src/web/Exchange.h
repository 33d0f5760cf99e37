#pragma once
// One HTTP request and its response, as the handlers see them: route parameters, the signed-in person,
// the language, the body read within limits (JSON or form), and helpers to answer. Belongs to the one
// thread serving the request.
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.h"
#include "web/Services.h"

namespace confpress::web {

/// A file sent in a multipart/form-data body.
struct UploadedFile {
  std::string fieldName;
  std::string fileName;
  std::string contentType;
  std::string bytes;
};

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
           Services& services);

  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  Services& services;
  std::map<std::string, std::string> params;  // route placeholders
  std::string csrfToken;                      // this response's CSRF token, once web/Page made one

  /// A random nonce for this response's inline scripts (<script nonce="…">), allowed by its CSP.
  const std::string& cspNonce();

  const std::string& path() const { return path_; }
  /// A query-string parameter, "" when absent.
  std::string query(const std::string& name) const;
  std::string cookie(const std::string& name) const;
  const std::string& clientIp() const { return clientIp_; }
  bool isApi() const { return path_.rfind("/api/", 0) == 0; }

  /// The signed-in person (bearer token first, then the session cookie); resolved once.
  const std::optional<auth::Principal>& principal();
  /// Throws Unauthenticated when nobody is signed in.
  const auth::Principal& requireSignedIn();
  /// The session token the request carried ("" when none).
  std::string sessionToken() const;
  auth::Origin origin();

  /// Interface language: the account's, else the cp_lang cookie, else Accept-Language, else "vi".
  const std::string& lang();

  /// The request body, read once, at most `limit` bytes (PayloadTooLarge beyond, judged from
  /// Content-Length before reading when it is given).
  const std::string& body(size_t limit);
  /// The body as a JSON object: UnsupportedMediaType unless application/json, BadRequest for bytes that
  /// are not UTF-8 or not JSON or not an object.
  Poco::JSON::Object::Ptr jsonObject();
  /// An application/x-www-form-urlencoded body (HTML forms), UTF-8 checked; with `maxMultipartBytes`
  /// above zero, a multipart/form-data body of at most that size is accepted too (forms with files).
  const Poco::Net::HTMLForm& form(size_t maxMultipartBytes = 0);
  /// The files of a multipart form (after form()).
  const std::vector<UploadedFile>& uploadedFiles() const { return files_; }
  bool bodyFullyRead() const { return bodyRead_ || !hasBody(); }

  void sendJson(int status, const Poco::Dynamic::Var& value);
  void sendHtml(int status, const std::string& html);
  void sendText(int status, const std::string& text, const std::string& contentType);
  void redirect(const std::string& location);  // 303 See Other
  void sendNoContent();
  /// Streams a stored file as an attachment named `downloadName`.
  void sendFile(const std::string& path, const std::string& contentType, const std::string& downloadName);
  /// Sets a cookie: HttpOnly, SameSite=Lax, Path=/; maxAgeSeconds 0 deletes it, -1 makes a session cookie.
  void setCookie(const std::string& name, const std::string& value, int maxAgeSeconds);

  int status() const { return status_; }
  size_t bytesSent() const { return bytesSent_; }
  bool sent() const { return status_ != 0; }

 private:
  bool hasBody() const;
  void send(int status, const std::string& body, const std::string& contentType);

  std::string path_;
  std::string rawQuery_;
  std::string clientIp_;
  std::optional<std::optional<auth::Principal>> principal_;
  std::string lang_;
  std::string body_;
  bool bodyRead_ = false;
  std::optional<Poco::Net::HTMLForm> form_;
  std::vector<UploadedFile> files_;
  std::string cspNonce_;
  int status_ = 0;
  size_t bytesSent_ = 0;
};

}  // namespace confpress::web
