#pragma once
// Preflight for a server: each upload is checked by a worker forked from a fork server (started at the
// first upload, restarted if it dies; a freshly spawned worker when it cannot be started), with at most N
// workers at once, so that a burst of uploads queues for the CPUs instead of starting one process (and up
// to its memory limit) per request.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "preflight/Report.h"
#include "preflight/Rules.h"
#include "preflight/Sandbox.h"

namespace confpress::preflight {

class ForkServer;

class IsolatedPreflight {
 public:
  /// `maxWorkers` 0 means one per CPU. Throws std::invalid_argument for limits out of range.
  IsolatedPreflight(SandboxOptions options, int maxWorkers);

  /// Waits for a free worker slot (the time limit starts when the worker does), then checks the file.
  Report operator()(const std::string& pdfPath, const Rules& rules) const;

  int maxWorkers() const { return maxWorkers_; }

 private:
  /// The running fork server, started on first use; null when it cannot be started.
  ForkServer* forkServer() const;

  /// Worker slots handed out first come, first served (a semaphore is not fair: under a burst of uploads
  /// some waited many times longer than the rest).
  class FifoSlots {
   public:
    explicit FifoSlots(int count) : free_(count) {}
    void acquire();
    void release();

   private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int free_;
    uint64_t nextTicket_ = 0, serving_ = 0;
  };

  /// Shared by copies of this object (it is stored in a std::function): slots and the fork server.
  struct Shared {
    explicit Shared(int slots);
    ~Shared();  // where ForkServer is complete
    FifoSlots slots;
    std::mutex mutex;
    std::unique_ptr<ForkServer> forkServer;
    bool forkServerFailed = false;
  };

  SandboxOptions options_;
  int maxWorkers_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace confpress::preflight
