#pragma once
// A fork server for preflight workers: one small process (`confpress preflight --fork-server`), started
// once, that has already loaded and initialised poppler, qpdf and fontconfig, and forks a worker for each
// upload. Starting the confpress binary afresh costs ~60 ms of dynamic linking and page faults per upload,
// ten times the checking of a typical paper; a fork of this single-threaded process costs about a
// millisecond. The worker is the same code (runWorker) with the same limits as a spawned one.
//
// Protocol. The control socket (SOCK_SEQPACKET, the server's stdin) carries one message per worker: the
// limits and the PDF's path, with four descriptors: the worker's stdin, stdout and stderr, and the server's
// end of a job socket. On the job socket the server answers the worker's pid, later its wait status, and
// kills the worker when asked ("kill", or the caller's end closed). Only the server reaps its children, so
// a kill never reaches a recycled pid. The server exits when the control socket closes.
#include <sys/types.h>

#include <mutex>
#include <optional>
#include <string>

#include "core/Fd.h"
#include "preflight/Sandbox.h"

namespace confpress::preflight {

/// One worker forked by the server, seen from the caller.
class ForkedWorker {
 public:
  ForkedWorker(pid_t pid, Fd job) : pid_(pid), job_(std::move(job)) {}
  pid_t pid() const { return pid_; }
  /// Asks the fork server to kill the worker (no effect once it has ended).
  void kill() const;
  /// The worker's wait status once the server reports it, waiting at most `timeoutMs` (-1: forever).
  /// nullopt when it has not ended yet, or when the server is gone (the status is then lost).
  std::optional<int> waitFor(int timeoutMs);
  /// Whether the status was received or can no longer be.
  bool done() const { return !job_; }

 private:
  pid_t pid_;
  Fd job_;  // closing it makes the server kill the worker if it still runs
};

class ForkServer {
 public:
  /// Starts `binary preflight --fork-server`. Throws std::system_error when it cannot.
  explicit ForkServer(std::string binary);
  ~ForkServer();
  ForkServer(const ForkServer&) = delete;
  ForkServer& operator=(const ForkServer&) = delete;

  /// Forks a worker that checks `pdfPath` under `limits`, with `in`, `out` and `err` as its standard
  /// streams (the caller closes its copies afterwards). Restarts the server once if it has died. Throws
  /// std::system_error when no worker can be started.
  ForkedWorker fork(const std::string& pdfPath, const SandboxOptions& limits, int in, int out, int err);

  /// The server process's pid (for tests).
  pid_t serverPid() const;

 private:
  void start();
  void stop();
  std::optional<ForkedWorker> tryFork(const std::string& pdfPath, const SandboxOptions& limits, int in,
                                      int out, int err);

  const std::string binary_;
  mutable std::mutex mutex_;
  Fd control_;
  pid_t pid_ = -1;
};

/// The server side, in `confpress preflight --fork-server`: serves the control socket on stdin until it
/// closes. Returns the process exit code.
int runForkServer();

}  // namespace confpress::preflight
