#include "store/JobRepository.h"

#include <Poco/Nullable.h>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, kind, conference_id, state, progress, total, message, input_json, result_json, created_by,"
    " created_at, started_at, finished_at, heartbeat_at FROM jobs";

JobRecord jobFrom(Poco::Data::RecordSet& rs) {
  JobRecord j;
  j.id = integer(rs, "id");
  j.kind = text(rs, "kind");
  if (!rs["conference_id"].isEmpty()) j.conferenceId = integer(rs, "conference_id");
  j.state = text(rs, "state");
  j.progress = static_cast<int>(integer(rs, "progress"));
  j.total = static_cast<int>(integer(rs, "total"));
  j.message = text(rs, "message");
  j.inputJson = text(rs, "input_json");
  j.resultJson = text(rs, "result_json");
  if (!rs["created_by"].isEmpty()) j.createdBy = integer(rs, "created_by");
  j.createdAt = text(rs, "created_at");
  j.startedAt = text(rs, "started_at");
  j.finishedAt = text(rs, "finished_at");
  j.heartbeatAt = text(rs, "heartbeat_at");
  return j;
}

Poco::Nullable<Poco::Int64> nullableId(std::optional<int64_t> id) {
  return id ? Poco::Nullable<Poco::Int64>(*id) : Poco::Nullable<Poco::Int64>();
}

}  // namespace

int64_t JobRepository::create(const std::string& kind, std::optional<int64_t> conferenceId,
                              const std::string& inputJson, std::optional<int64_t> createdBy) {
  const std::string at = nowUtc();
  s_ << "INSERT INTO jobs(kind, conference_id, state, input_json, created_by, created_at)"
        " VALUES(?, ?, 'queued', ?, ?, ?)",
      bind(kind), bind(nullableId(conferenceId)), bind(inputJson), bind(nullableId(createdBy)), bind(at), now;
  Poco::Int64 id = 0;
  s_ << "SELECT last_insert_rowid()", into(id), now;
  return id;
}

std::optional<JobRecord> JobRepository::find(int64_t id) {
  Poco::Data::Statement q(s_);
  q << kColumns << " WHERE id = ?", bind(static_cast<Poco::Int64>(id)), now;
  Poco::Data::RecordSet rs(q);
  if (!rs.moveFirst()) return std::nullopt;
  return jobFrom(rs);
}

std::vector<JobRecord> JobRepository::recent(int64_t conferenceId, const std::string& kind, int limit) {
  Poco::Data::Statement q(s_);
  q << kColumns << " WHERE conference_id = ? AND kind = ? ORDER BY id DESC LIMIT ?",
      bind(static_cast<Poco::Int64>(conferenceId)), bind(kind), bind(limit), now;
  Poco::Data::RecordSet rs(q);
  std::vector<JobRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(jobFrom(rs));
  return out;
}

std::optional<JobRecord> JobRepository::claimNext(const std::vector<std::string>& kinds,
                                                  const std::string& at) {
  if (kinds.empty()) return std::nullopt;
  Poco::Data::Statement q(s_);
  q << kColumns << " WHERE state = 'queued' AND kind IN (";
  for (size_t i = 0; i < kinds.size(); ++i) q << (i ? ", ?" : "?"), bind(kinds[i]);
  q << ") ORDER BY id LIMIT 1", now;
  Poco::Data::RecordSet rs(q);
  if (!rs.moveFirst()) return std::nullopt;
  JobRecord job = jobFrom(rs);
  s_ << "UPDATE jobs SET state = 'running', started_at = ?, heartbeat_at = ? WHERE id = ?", bind(at),
      bind(at), bind(static_cast<Poco::Int64>(job.id)), now;
  job.state = "running";
  job.startedAt = job.heartbeatAt = at;
  return job;
}

void JobRepository::progress(int64_t id, int done, int total, const std::string& message,
                             const std::string& at) {
  s_ << "UPDATE jobs SET progress = ?, total = ?, message = ?, heartbeat_at = ? WHERE id = ? AND state = "
        "'running'",
      bind(done), bind(total), bind(message), bind(at), bind(static_cast<Poco::Int64>(id)), now;
}

void JobRepository::finish(int64_t id, const std::string& resultJson, const std::string& message,
                           const std::string& at) {
  s_ << "UPDATE jobs SET state = 'done', progress = total, result_json = ?, message = ?, finished_at = ?,"
        " heartbeat_at = ? WHERE id = ?",
      bind(resultJson), bind(message), bind(at), bind(at), bind(static_cast<Poco::Int64>(id)), now;
}

void JobRepository::fail(int64_t id, const std::string& message, const std::string& at) {
  s_ << "UPDATE jobs SET state = 'failed', message = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
      bind(message), bind(at), bind(at), bind(static_cast<Poco::Int64>(id)), now;
}

void JobRepository::updateResult(int64_t id, const std::string& resultJson) {
  s_ << "UPDATE jobs SET result_json = ? WHERE id = ?", bind(resultJson), bind(static_cast<Poco::Int64>(id)),
      now;
}

int JobRepository::failAbandoned(const std::string& staleBefore, const std::string& at) {
  Poco::Data::Statement update(s_);
  update << "UPDATE jobs SET state = 'failed', finished_at = ?,"
            " message = 'interrupted: the server stopped while it ran; please start it again'"
            " WHERE state = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
      bind(at), bind(staleBefore);
  return static_cast<int>(update.execute());
}

}  // namespace confpress::store
