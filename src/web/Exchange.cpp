#include "web/Exchange.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <sodium.h>

#include <fstream>
#include <sstream>

#include "core/Errors.h"
#include "text/Unicode.h"

namespace confpress::web {

Exchange::Exchange(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res, Services& svc)
    : request(req), response(res), services(svc) {
  const std::string& uri = request.getURI();
  const size_t q = uri.find('?');
  Poco::URI::decode(uri.substr(0, q), path_);
  if (q != std::string::npos) rawQuery_ = uri.substr(q + 1);
  clientIp_ = request.clientAddress().host().toString();
}

std::string Exchange::query(const std::string& name) const {
  Poco::URI uri("/?" + rawQuery_);
  for (const auto& [key, value] : uri.getQueryParameters())
    if (key == name) return value;
  return {};
}

std::string Exchange::cookie(const std::string& name) const {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(name, "");
}

std::string Exchange::sessionToken() const {
  const std::string authorization = request.get("Authorization", "");
  if (Poco::icompare(authorization.substr(0, 7), "Bearer ") == 0) return Poco::trim(authorization.substr(7));
  return cookie("cp_session");
}

const std::optional<auth::Principal>& Exchange::principal() {
  if (!principal_) {
    const std::string token = sessionToken();
    principal_ = token.empty() ? std::nullopt : services.sessions.resolve(token);
  }
  return *principal_;
}

const auth::Principal& Exchange::requireSignedIn() {
  const auto& who = principal();
  if (!who) throw Unauthenticated("sign in first (session cookie or Authorization: Bearer token)");
  return *who;
}

auth::Origin Exchange::origin() {
  const auto& who = principal();
  return auth::Origin{clientIp_, request.get("User-Agent", ""),
                      who ? std::optional<int64_t>(who->personId) : std::nullopt};
}

const std::string& Exchange::lang() {
  if (!lang_.empty()) return lang_;
  const auto& who = principal();
  const std::string cookieLang = cookie("cp_lang");
  if (who && (who->locale == "vi" || who->locale == "en")) {
    lang_ = who->locale;
  } else if (cookieLang == "vi" || cookieLang == "en") {
    lang_ = cookieLang;
  } else {
    // The first of vi/en that Accept-Language names, in the client's order.
    const std::string accept = Poco::toLower(request.get("Accept-Language", ""));
    const size_t vi = accept.find("vi"), en = accept.find("en");
    lang_ = (en != std::string::npos && (vi == std::string::npos || en < vi)) ? "en" : "vi";
  }
  return lang_;
}

bool Exchange::hasBody() const {
  return (request.hasContentLength() && request.getContentLength64() > 0) ||
         request.getChunkedTransferEncoding();
}

const std::string& Exchange::body(size_t limit) {
  if (bodyRead_) return body_;
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit))
    throw PayloadTooLarge("the request body is larger than " + std::to_string(limit) + " bytes");
  std::istream& in = request.stream();
  std::string data;
  // One allocation for the whole body when its length is announced (uploads are megabytes).
  if (request.hasContentLength() && request.getContentLength64() > 0)
    data.reserve(static_cast<size_t>(request.getContentLength64()));
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    data.append(buffer, static_cast<size_t>(in.gcount()));
    if (data.size() > limit)
      throw PayloadTooLarge("the request body is larger than " + std::to_string(limit) + " bytes");
  }
  body_ = std::move(data);
  bodyRead_ = true;
  return body_;
}

Poco::JSON::Object::Ptr Exchange::jsonObject() {
  const std::string type = Poco::toLower(request.getContentType());
  if (type.rfind("application/json", 0) != 0)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the body as application/json");
  const std::string& bytes = body(services.limits.maxJsonBytes);
  if (!text::isValidUtf8(bytes)) throw BadRequest("the body is not valid UTF-8", "invalid_utf8");
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(bytes);
  } catch (const Poco::Exception& e) {
    throw BadRequest("the body is not valid JSON: " + e.message(), "invalid_json");
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
    throw BadRequest("the body must be a JSON object", "invalid_json");
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

namespace {

// Keeps the files of a multipart form in memory (the body was already read within its limit).
class CollectFiles : public Poco::Net::PartHandler {
 public:
  explicit CollectFiles(std::vector<UploadedFile>& files) : files_(files) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    UploadedFile file;
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    file.fieldName = params.get("name", "");
    file.fileName = params.get("filename", "");
    file.contentType = header.get("Content-Type", "application/octet-stream");
    Poco::StreamCopier::copyToString(stream, file.bytes);
    files_.push_back(std::move(file));
  }

 private:
  std::vector<UploadedFile>& files_;
};

}  // namespace

const Poco::Net::HTMLForm& Exchange::form(size_t maxMultipartBytes) {
  if (form_) return *form_;
  const std::string type = Poco::toLower(request.getContentType());
  const bool multipart = maxMultipartBytes > 0 && type.rfind("multipart/form-data", 0) == 0;
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0 && !multipart)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the form as application/x-www-form-urlencoded");
  const std::string& bytes = body(multipart ? maxMultipartBytes : services.limits.maxFormBytes);
  form_.emplace();
  form_->setFieldLimit(200);
  if (multipart) {
    std::istringstream in(bytes);
    CollectFiles collect(files_);
    try {
      form_->load(request, in, collect);
    } catch (const Poco::Exception& e) {
      throw BadRequest("the form cannot be read: " + e.message(), "invalid_form");
    }
  } else {
    form_->read(bytes);
  }
  for (const auto& [name, value] : *form_)
    if (!text::isValidUtf8(name) || !text::isValidUtf8(value))
      throw BadRequest("the form is not valid UTF-8", "invalid_utf8");
  return *form_;
}

void Exchange::send(int status, const std::string& body, const std::string& contentType) {
  status_ = status;
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.set("X-Content-Type-Options", "nosniff");
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  if (!bodyFullyRead()) response.setKeepAlive(false);  // the unread body would poison the connection
  if (request.getMethod() == "HEAD") {
    response.send();
    return;
  }
  response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
  bytesSent_ = body.size();
}

void Exchange::sendFile(const std::string& path, const std::string& contentType,
                        const std::string& downloadName) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFound("the stored file is missing");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0);
  status_ = 200;
  response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
  response.setContentType(contentType);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Cache-Control", "private, no-store");
  response.set("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
  response.setContentLength64(static_cast<Poco::Int64>(size));
  if (!bodyFullyRead()) response.setKeepAlive(false);
  std::ostream& out = response.send();
  if (request.getMethod() == "HEAD") return;
  Poco::StreamCopier::copyStream64(in, out);
  bytesSent_ = static_cast<size_t>(size);
}

void Exchange::sendJson(int status, const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(value, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  response.set("Cache-Control", "no-store");
  send(status, out.str(), "application/json; charset=utf-8");
}

const std::string& Exchange::cspNonce() {
  if (cspNonce_.empty()) {
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    cspNonce_ = hex;
  }
  return cspNonce_;
}

void Exchange::sendHtml(int status, const std::string& html) {
  response.set("Cache-Control", "no-store");
  response.set("X-Frame-Options", "DENY");
  const std::string scripts = cspNonce_.empty() ? "" : "; script-src 'self' 'nonce-" + cspNonce_ + "'";
  response.set("Content-Security-Policy",
               "default-src 'self'" + scripts + "; form-action 'self'; frame-ancestors 'none'");
  response.set("Referrer-Policy", "same-origin");
  send(status, html, "text/html; charset=utf-8");
}

void Exchange::sendText(int status, const std::string& text, const std::string& contentType) {
  send(status, text, contentType);
}

void Exchange::redirect(const std::string& location) {
  response.set("Location", location);
  send(303, "", "text/plain; charset=utf-8");
}

void Exchange::sendNoContent() {
  status_ = 204;
  response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
  if (!bodyFullyRead()) response.setKeepAlive(false);
  response.setContentLength(0);
  response.send();
}

void Exchange::setCookie(const std::string& name, const std::string& value, int maxAgeSeconds) {
  Poco::Net::HTTPCookie c(name, value);
  c.setPath("/");
  c.setHttpOnly(true);
  c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  c.setMaxAge(maxAgeSeconds);
  response.addCookie(c);
}

}  // namespace confpress::web
