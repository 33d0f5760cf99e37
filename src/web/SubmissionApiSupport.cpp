#include "web/SubmissionApiSupport.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "auth/Identity.h"
#include "core/Errors.h"
#include "web/ErrorResponse.h"
#include "web/JsonOutput.h"
#include "web/SubmissionJson.h"

namespace confpress::web {

namespace {

// RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
std::string csvField(const std::string& raw) {
  const std::string value =
      !raw.empty() && std::string("=+-@\t").find(raw[0]) != std::string::npos ? "'" + raw : raw;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

}  // namespace

int64_t submissionNumber(Exchange& ex) {
  Poco::Int64 n = 0;
  const std::string& raw = ex.params["id"];
  if (raw.empty() || raw.size() > 12 || !Poco::NumberParser::tryParse64(raw, n) || n <= 0)
    throw NotFound("no submission '" + raw + "'");
  return n;
}

store::SubmissionFilter filterFrom(Exchange& ex, const std::string& slug) {
  store::SubmissionFilter filter;
  const std::string status = ex.query("status");
  if (!status.empty()) {
    if (status != "draft" && status != "submitted" && status != "withdrawn" && status != "accepted" &&
        status != "rejected")
      throw ValidationError("status", "invalid_value",
                            "status must be draft, submitted, withdrawn, accepted or rejected");
    filter.status = status;
  }
  const std::string topic = ex.query("topic");
  if (!topic.empty()) {
    for (const auto& t : ex.services.conferences.get(slug).topics)
      if (std::to_string(t.id) == topic || t.name == topic || t.nameEn == topic) filter.topicId = t.id;
    if (!filter.topicId)
      throw ValidationError("topic", "unknown_topic", "'" + topic + "' is not a topic of this conference");
  }
  return filter;
}

std::vector<std::string> topicNames(const Poco::Dynamic::Var& value, const std::string& field) {
  if (value.type() != typeid(Poco::JSON::Array::Ptr))
    throw ValidationError(field, "invalid_type", field + " must be an array of topic names or ids");
  std::vector<std::string> out;
  auto array = value.extract<Poco::JSON::Array::Ptr>();
  for (unsigned i = 0; i < array->size(); ++i) {
    Poco::Dynamic::Var item = array->get(i);
    if (item.isString() || item.isInteger()) {
      out.push_back(item.convert<std::string>());
    } else if (item.type() == typeid(Poco::JSON::Object::Ptr) &&
               item.extract<Poco::JSON::Object::Ptr>()->get("id").isInteger()) {
      out.push_back(
          item.extract<Poco::JSON::Object::Ptr>()->get("id").convert<std::string>());  // as GET gives it
    } else {
      throw ValidationError(field + "[" + std::to_string(i) + "]", "invalid_type",
                            "must be a topic name or id");
    }
  }
  return out;
}

const std::string& readPdfBody(Exchange& ex, const std::string& slug) {
  const size_t limit = ex.services.submissions.maxPdfBytes(slug);
  if (ex.request.hasContentLength() && ex.request.getContentLength64() > static_cast<Poco::Int64>(limit))
    throw Error(ErrorKind::PayloadTooLarge, "too_large",
                "the PDF is larger than this conference's limit of " + std::to_string(limit >> 20) + " MB",
                "pdf");
  return ex.body(limit);
}

void sendUploadOutcome(Exchange& ex, const std::function<submission::UploadOutcome()>& upload) {
  try {
    submission::UploadOutcome outcome = upload();
    auto body = newObject();
    body->set("version", toJson(outcome.version));
    body->set("preflight", reportJson(outcome.report.toJson()));
    ex.sendJson(201, body);
  } catch (const submission::PreflightRefused& refused) {
    auto error = newObject();
    error->set("code", refused.code());
    error->set("message", std::string(refused.what()));
    error->set("field", refused.field());
    auto body = newObject();
    body->set("error", error);
    body->set("preflight", reportJson(refused.report().toJson()));
    ex.sendJson(422, body);
  }
}

void sendPdf(Exchange& ex, const submission::PdfFile& file) {
  ex.sendFile(file.path, "application/pdf", file.downloadName);
}

std::string submissionsCsv(const std::vector<submission::SubmissionView>& views) {
  std::string out = "\xEF\xBB\xBF";
  out +=
      "id,title,status,authors,emails,affiliations,topics,keywords,pages,paper_size,preflight,submitted_at,"
      "updated_at\r\n";
  for (const auto& v : views) {
    const auto& s = v.submission;
    std::vector<std::string> names, emails, affiliations, topics;
    for (const auto& a : s.authors) {
      names.push_back(auth::displayName(a.familyName, a.givenName, a.nameOrder));
      emails.push_back(a.email);
      affiliations.push_back(a.affiliation);
    }
    for (int64_t id : s.topicIds)
      for (const auto& t : v.conference.topics)
        if (t.id == id) topics.push_back(t.name);
    const std::vector<std::string> row = {std::to_string(s.number),
                                          s.title,
                                          s.status,
                                          joined(names, "; "),
                                          joined(emails, "; "),
                                          joined(affiliations, "; "),
                                          joined(topics, "; "),
                                          joined(s.keywords, "; "),
                                          s.current ? std::to_string(s.current->pages) : "",
                                          s.current ? s.current->paperSize : "",
                                          s.current ? s.current->preflightStatus : "",
                                          s.submittedAt.value_or(""),
                                          s.updatedAt};
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csvField(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace confpress::web
