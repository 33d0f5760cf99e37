#pragma once
// Runs background jobs (store/JobRepository.h) on one thread of the server: long work such as a reviewer
// assignment or a volume build is queued by a service, and the request that queued it returns at once
// with the job's id; the browser then follows the job's progress. Each kind of job has a handler
// registered before start(); a handler reports progress through JobProgress and returns its result as
// JSON text, or throws: a confpress::Error's message is shown to the person as the reason, anything else
// is logged and shown as an internal error. Jobs run one at a time, oldest first (they are CPU-bound).
//
// A job whose process died stays "running" in the database; at start() and then every few minutes the
// runner marks failed the running jobs whose heartbeat (refreshed by every progress report) is older
// than `staleSeconds`.
//
// Thread-safe: handle() before start(); start(), stop(), wake() and runNext() from any thread.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "store/Database.h"
#include "store/JobRepository.h"

namespace confpress::jobs {

/// A handler's view of its job's progress; each report is written at once (and refreshes the heartbeat).
class JobProgress {
 public:
  JobProgress(store::Database& db, int64_t jobId) : db_(db), jobId_(jobId) {}
  /// `done` steps of `total`, doing `message` now.
  void report(int done, int total, const std::string& message);

 private:
  store::Database& db_;
  int64_t jobId_;
};

class JobRunner {
 public:
  /// Returns the job's result as JSON text.
  using Handler = std::function<std::string(const store::JobRecord& job, JobProgress& progress)>;

  explicit JobRunner(store::Database& db, std::ostream* log = nullptr, int staleSeconds = 600);
  /// Calls stop().
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Registers the handler of one kind of job. Call before start().
  void handle(const std::string& kind, Handler handler);

  /// Starts the background thread, which first fails abandoned jobs. Does nothing if running.
  void start();
  /// Lets the job in hand finish, then ends the thread. Harmless when not running.
  void stop();
  /// Makes the thread look for queued jobs now (services call it after queueing one).
  void wake();

  /// Claims and runs the oldest queued job on the calling thread; false when none was queued.
  bool runNext();

 private:
  void loop();
  void reapAbandoned();

  store::Database& db_;
  std::ostream* log_;
  const int staleSeconds_;
  std::map<std::string, Handler> handlers_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace confpress::jobs
