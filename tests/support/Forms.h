#pragma once
// Building HTML form bodies for page tests: url-encoded fields that may repeat (checkboxes), and
// multipart/form-data with files; and reading a page's CSRF token.
#include <Poco/URI.h>

#include <string>
#include <utility>
#include <vector>

#include "support/TestServer.h"

namespace cptest {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// "a=1&topic=2&topic=3", each name and value percent-encoded.
inline std::string urlEncoded(const Fields& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    std::string ek, ev;
    Poco::URI::encode(k, "&=+;/?:@", ek);
    Poco::URI::encode(v, "&=+;/?:@", ev);
    body += (body.empty() ? "" : "&") + ek + "=" + ev;
  }
  return body;
}

/// Posts `fields` as a browser posts a form (fields may repeat).
inline HttpResult postFields(Client& client, const std::string& path, const Fields& fields,
                             const std::map<std::string, std::string>& headers = {}) {
  return client.request("POST", path, urlEncoded(fields), "application/x-www-form-urlencoded", headers);
}

/// A file field of a multipart form.
struct FilePart {
  std::string field;
  std::string fileName;
  std::string contentType;
  std::string bytes;
};

/// Posts a multipart/form-data body with `fields` and `files`.
inline HttpResult postMultipart(Client& client, const std::string& path, const Fields& fields,
                                const std::vector<FilePart>& files) {
  const std::string boundary = "----confpress-test-boundary-7d1f";
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
            "\r\n";
  for (const auto& f : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" +
            f.fileName + "\"\r\nContent-Type: " + f.contentType + "\r\n\r\n" + f.bytes + "\r\n";
  body += "--" + boundary + "--\r\n";
  return client.request("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

/// Opens `page` and returns the CSRF token its forms carry (the cookie is kept by the client).
inline std::string csrfFrom(Client& client, const std::string& page) {
  return inputValue(client.get(page).body, "csrf");
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace cptest
