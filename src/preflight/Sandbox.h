#pragma once
// Runs preflight on an untrusted upload in a child process bounded in time and memory, so that a PDF
// that crashes, hangs or exhausts poppler or qpdf costs one worker process and never the server. Both
// sides of the protocol live here: runIsolated() in the caller, runWorker() in
// `confpress preflight --worker`.
#include <string>

#include "preflight/Report.h"
#include "preflight/Rules.h"

namespace confpress::preflight {

/// How a worker is started and bounded.
struct SandboxOptions {
  /// A confpress binary; it is run as `BINARY preflight --worker --max-seconds N --max-mb N FILE`.
  /// The default is the running executable, which is right for the `confpress` binary itself (tests and
  /// other executables must name the confpress binary).
  std::string workerBinary = "/proc/self/exe";
  /// Wall-clock limit for the whole run, start-up included. The worker also gets an RLIMIT_CPU of this
  /// plus one second, so that it ends even if its parent dies.
  int timeLimitSeconds = 10;
  /// Resident memory the worker may use (checked by the parent in /proc/PID/status), and address space
  /// it may add to what it had at start-up (RLIMIT_AS, set by the worker itself; not under
  /// AddressSanitizer, whose shadow memory needs terabytes of address space).
  int memoryLimitMb = 512;
};

/// Throws std::invalid_argument naming the limit when `options` are out of range (time 1–3600 s, memory
/// 16 MB–1 TB).
void checkSandboxOptions(const SandboxOptions& options);

/// Checks the PDF at `pdfPath` against `rules` in a worker process and returns its report. A file that
/// makes the worker exceed the time limit gets one error problem "time_limit", the memory limit
/// "memory_limit"; a file that crashes the worker (signal, abnormal exit, unreadable output) gets
/// "damaged". Bad files never make this throw. Throws std::invalid_argument for options out of range,
/// std::runtime_error when `pdfPath` cannot be read, and std::system_error when the worker cannot be
/// started. Never leaves the child running or unreaped, even when it throws.
///
/// Thread-safe: any number of threads may call it at once (each call has its own child, pipes and
/// deadline; descriptors are close-on-exec, so concurrent calls never leak pipes into each other's
/// workers). The caller bounds how many run at once: each worker uses one CPU while it runs.
Report runIsolated(const std::string& pdfPath, const Rules& rules, const SandboxOptions& options);

class ForkServer;

/// The same check by a worker forked from `forkServer` (see ForkServer.h), which saves the start-up of
/// a new process; same limits, same answers, same guarantees.
Report runIsolated(const std::string& pdfPath, const Rules& rules, const SandboxOptions& options,
                   ForkServer& forkServer);

/// The worker side: applies `limits` to this process, reads the rules as JSON from standard input,
/// checks `pdfPath`, and writes the report as JSON to standard output (nothing else is ever written
/// there). Returns the process exit code: 0 with a report, kWorkerOutOfMemory when an allocation failed,
/// kWorkerCannotRead when the file cannot be read, 2 for malformed rules. Call it only in a process of its
/// own: it changes resource limits and file descriptors.
int runWorker(const std::string& pdfPath, const SandboxOptions& limits);

inline constexpr int kWorkerOutOfMemory = 3;
inline constexpr int kWorkerCannotRead = 4;

}  // namespace confpress::preflight
