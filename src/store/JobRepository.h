#pragma once
// Background jobs as rows: queued by a service in the same transaction as its audit entry, claimed and
// run by jobs::JobRunner, which records progress (with a heartbeat), the result (JSON) or the failure.
// Works inside the caller's session; call the state changes inside Database::transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct JobRecord {
  int64_t id = 0;
  std::string kind;  // "assignment", …
  std::optional<int64_t> conferenceId;
  std::string state;  // queued, running, done, failed
  int progress = 0;   // steps done out of `total`
  int total = 0;
  std::string message;  // what it is doing now; the reason when failed
  std::string inputJson = "{}";
  std::string resultJson = "{}";
  std::optional<int64_t> createdBy;
  std::string createdAt, startedAt, finishedAt, heartbeatAt;  // empty until they happen
};

class JobRepository {
 public:
  explicit JobRepository(Poco::Data::Session& session) : s_(session) {}

  /// Queues a job; returns its id.
  int64_t create(const std::string& kind, std::optional<int64_t> conferenceId, const std::string& inputJson,
                 std::optional<int64_t> createdBy);
  std::optional<JobRecord> find(int64_t id);
  /// The newest jobs of one kind in a conference, newest first.
  std::vector<JobRecord> recent(int64_t conferenceId, const std::string& kind, int limit);

  /// The oldest queued job of one of `kinds`, now marked running (started and heartbeat at `now`).
  std::optional<JobRecord> claimNext(const std::vector<std::string>& kinds, const std::string& now);
  /// Records progress on a running job and refreshes its heartbeat.
  void progress(int64_t id, int done, int total, const std::string& message, const std::string& now);
  void finish(int64_t id, const std::string& resultJson, const std::string& message, const std::string& now);
  void fail(int64_t id, const std::string& message, const std::string& now);
  /// Replaces the result of a finished job (e.g. to record that its proposal was committed).
  void updateResult(int64_t id, const std::string& resultJson);
  /// Marks failed every running job whose heartbeat is older than `staleBefore` (its process died);
  /// returns how many.
  int failAbandoned(const std::string& staleBefore, const std::string& now);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
