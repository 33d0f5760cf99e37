#include "jobs/JobRunner.h"

#include <chrono>
#include <ostream>
#include <vector>

#include "core/Errors.h"
#include "core/Time.h"

namespace confpress::jobs {

namespace {

constexpr auto kPoll = std::chrono::seconds(30);  // a job queued by another process is seen this late

}  // namespace

void JobProgress::report(int done, int total, const std::string& message) {
  db_.transaction([&](Poco::Data::Session& s) {
    store::JobRepository(s).progress(jobId_, done, total, message, nowUtc());
  });
}

JobRunner::JobRunner(store::Database& db, std::ostream* log, int staleSeconds)
    : db_(db), log_(log), staleSeconds_(staleSeconds) {}

JobRunner::~JobRunner() {
  stop();
}

void JobRunner::handle(const std::string& kind, Handler handler) {
  std::lock_guard lock(mutex_);
  handlers_[kind] = std::move(handler);
}

void JobRunner::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  woken_ = true;
  thread_ = std::thread([this] { loop(); });
}

void JobRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeUp_.notify_all();
}

void JobRunner::reapAbandoned() {
  const int reaped = db_.transaction([&](Poco::Data::Session& s) {
    return store::JobRepository(s).failAbandoned(utcFromNow(-staleSeconds_), nowUtc());
  });
  if (reaped && log_) *log_ << "jobs: " << reaped << " abandoned job(s) marked failed" << std::endl;
}

bool JobRunner::runNext() {
  std::vector<std::string> kinds;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [kind, handler] : handlers_) kinds.push_back(kind);
  }
  const auto job = db_.transaction(
      [&](Poco::Data::Session& s) { return store::JobRepository(s).claimNext(kinds, nowUtc()); });
  if (!job) return false;
  Handler handler;
  {
    std::lock_guard lock(mutex_);
    handler = handlers_.at(job->kind);
  }
  JobProgress progress(db_, job->id);
  std::string result, failure;
  try {
    result = handler(*job, progress);
  } catch (const Error& e) {
    failure = e.what();
  } catch (const std::exception& e) {
    if (log_) *log_ << "jobs: job " << job->id << " (" << job->kind << ") failed: " << e.what() << std::endl;
    failure = "internal error (logged on the server)";
  }
  db_.transaction([&](Poco::Data::Session& s) {
    store::JobRepository jobs(s);
    if (failure.empty())
      jobs.finish(job->id, result, "done", nowUtc());
    else
      jobs.fail(job->id, failure, nowUtc());
  });
  if (log_)
    *log_ << "jobs: job " << job->id << " (" << job->kind << ") " << (failure.empty() ? "done" : "failed")
          << std::endl;
  return true;
}

void JobRunner::loop() {
  auto nextReap = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wakeUp_.wait_for(lock, kPoll, [this] { return woken_ || stopping_; });
      if (stopping_) return;
      woken_ = false;
    }
    try {
      if (std::chrono::steady_clock::now() >= nextReap) {
        reapAbandoned();
        nextReap = std::chrono::steady_clock::now() + std::chrono::seconds(staleSeconds_ / 2 + 1);
      }
      while (runNext()) {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
    } catch (const std::exception& e) {
      // The database is unavailable: try again at the next poll.
      if (log_) *log_ << "jobs: " << e.what() << std::endl;
    }
  }
}

}  // namespace confpress::jobs
