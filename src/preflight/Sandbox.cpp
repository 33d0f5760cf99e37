// Preflight in a worker process: the supervising side (spawn, feed, read with a deadline, memory guard,
// reap, classify the ending) and the worker side (resource limits, protocol on stdin/stdout). How the
// worker process is started: preflight/Spawn.h.
#include "preflight/Sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <new>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "core/Fd.h"
#include "preflight/ForkServer.h"
#include "preflight/Inspector.h"
#include "preflight/Spawn.h"

namespace confpress::preflight {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

using Clock = std::chrono::steady_clock;

constexpr int kWorkerBadInput = 2;
constexpr size_t kMaxReportBytes = 4 << 20;            // a report is a few KB; more means a confused worker
constexpr size_t kMaxLogBytes = 16 << 10;              // of the worker's stderr, kept for the server log
constexpr auto kTick = std::chrono::milliseconds(25);  // how often the memory guard looks

std::system_error systemError(const std::string& what) {
  return std::system_error(errno, std::generic_category(), what);
}

/// The two ends of one of the worker's standard streams.
struct Channel {
  Fd parent;
  Fd child;
};

/// `fd` moved above 2 if needed, so that the dup2 onto 0, 1 or 2 in the child really copies it.
Fd aboveStandardStreams(Fd fd) {
  if (fd.get() > 2) return fd;
  Fd moved(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3));
  if (!moved) throw systemError("preflight: fcntl");
  return moved;
}

/// A close-on-exec pipe for the worker's stdout or stderr.
Channel outputChannel() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw systemError("preflight: pipe");
  Fd readEnd(fds[0]), writeEnd(fds[1]);
  return {std::move(readEnd), aboveStandardStreams(std::move(writeEnd))};
}

/// The worker's stdin: a socket pair rather than a pipe, so that writing to a worker that has died can
/// use MSG_NOSIGNAL instead of raising SIGPIPE in the (multi-threaded) caller.
Channel inputChannel() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    throw systemError("preflight: socketpair");
  Fd parentEnd(fds[0]), childEnd(fds[1]);
  return {std::move(parentEnd), aboveStandardStreams(std::move(childEnd))};
}

/// A field of /proc/PID/status in kB ("VmRSS", "VmSize"); 0 when the process or the field is gone.
long statusKb(const std::string& procDir, const char* field) {
  std::ifstream in(procDir + "/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.compare(0, prefix.size(), prefix) == 0) return std::atol(line.c_str() + prefix.size());
  return 0;
}

/// A worker: spawned (ours to wait for) or forked by the fork server (which reports its status). Killed
/// and reaped when destroyed unless already reaped, so that no path through runIsolated (exceptions
/// included) leaves a zombie or a running worker behind.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  explicit Child(ForkedWorker worker) : pid_(worker.pid()), forked_(std::move(worker)) {}
  ~Child() {
    if (pid_ > 0) {
      kill();
      waitForever();
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  void kill() const {
    if (forked_)
      forked_->kill();
    else
      ::kill(pid_, SIGKILL);
  }

  /// Reaps the child, waiting at most until `deadline`. Returns its wait status; nullopt if it is still
  /// running, or if its status is lost (SIGCHLD ignored by this process, or the fork server gone).
  std::optional<int> waitUntil(Clock::time_point deadline) {
    while (true) {
      if (forked_) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (auto status = forked_->waitFor(static_cast<int>(std::max<long>(0, left)))) return ended(status);
        if (forked_->done()) return ended(std::nullopt);
        if (Clock::now() >= deadline) return std::nullopt;
        continue;
      }
      if (auto status = wait(WNOHANG)) return status;
      if (pid_ <= 0 || Clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  /// Reaps the child, however long it takes (after kill(): at once).
  std::optional<int> waitForever() { return forked_ ? ended(forked_->waitFor(-1)) : wait(0); }

 private:
  std::optional<int> ended(std::optional<int> status) {
    pid_ = -1;
    return status;
  }
  std::optional<int> wait(int flags) {
    if (pid_ <= 0) return std::nullopt;
    int status = 0;
    pid_t r;
    do r = ::waitpid(pid_, &status, flags);
    while (r < 0 && errno == EINTR);
    if (r == 0) return std::nullopt;  // WNOHANG: still running
    pid_ = -1;                        // reaped, or not ours to reap (ECHILD)
    if (r < 0) return std::nullopt;
    return status;
  }

  pid_t pid_;
  std::optional<ForkedWorker> forked_;
};

/// How a worker run ended, and what it wrote.
struct WorkerRun {
  enum class End { Finished, TimeLimit, MemoryLimit, OutputLimit };
  End end = End::Finished;
  std::optional<int> status;  // wait status when Finished
  std::string out;
  std::string log;  // the beginning of its stderr
};

Child spawnWorker(const std::string& pdfPath, const SandboxOptions& options, Channel& in, Channel& out,
                  Channel& err) {
  const int streams[3] = {in.child.get(), out.child.get(), err.child.get()};
  return Child(spawnHelper(
      options.workerBinary,
      {"confpress", "preflight", "--worker", "--max-seconds", std::to_string(options.timeLimitSeconds),
       "--max-mb", std::to_string(options.memoryLimitMb), pdfPath},
      streams, "preflight: the worker"));
}

/// Appends what is readable on `fd` to `into` (at most `cap` bytes kept); resets `fd` at end of file.
/// Returns false when more than `cap` bytes arrived.
bool drain(Fd& fd, std::string& into, size_t cap) {
  char buffer[65536];
  const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
  if (n > 0) {
    const size_t keep = std::min(static_cast<size_t>(n), cap - std::min(cap, into.size()));
    into.append(buffer, keep);
    return keep == static_cast<size_t>(n);
  }
  if (n == 0 || (errno != EINTR && errno != EAGAIN)) fd.reset();
  return true;
}

/// Feeds `input` to the worker, collects its output and watches its memory until it closes its output
/// and exits, or until a limit is hit (then the worker is killed). The worker is reaped in every case.
WorkerRun supervise(Child& child, Fd in, Fd out, Fd err, const std::string& input,
                    const SandboxOptions& options) {
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(options.timeLimitSeconds);
  const long memoryLimitKb = static_cast<long>(options.memoryLimitMb) * 1024;
  const std::string procDir = "/proc/" + std::to_string(child.pid());
  WorkerRun run;
  size_t written = 0;
  while (out || err) {
    const Clock::time_point now = Clock::now();
    if (now >= deadline) {
      run.end = WorkerRun::End::TimeLimit;
      break;
    }
    if (statusKb(procDir, "VmRSS") > memoryLimitKb) {
      run.end = WorkerRun::End::MemoryLimit;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    if (in) fds[n++] = {in.get(), POLLOUT, 0};
    if (out) fds[n++] = {out.get(), POLLIN, 0};
    if (err) fds[n++] = {err.get(), POLLIN, 0};
    const auto wait = std::min<Clock::duration>(kTick, deadline - now);
    const int timeout = static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wait).count());
    if (::poll(fds, n, timeout) < 0) {
      if (errno == EINTR) continue;
      throw systemError("preflight: poll");
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (in && fds[i].fd == in.get()) {
        const ssize_t sent =
            ::send(in.get(), input.data() + written, input.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) written += static_cast<size_t>(sent);
        // Done, or the worker stopped reading: its exit status will say why.
        if (written == input.size() || (sent < 0 && errno != EAGAIN && errno != EINTR)) in.reset();
      } else if (out && fds[i].fd == out.get()) {
        if (!drain(out, run.out, kMaxReportBytes)) run.end = WorkerRun::End::OutputLimit;
      } else if (err && fds[i].fd == err.get()) {
        drain(err, run.log, kMaxLogBytes);
      }
    }
    if (run.end != WorkerRun::End::Finished) break;
  }
  if (run.end == WorkerRun::End::Finished) {
    // Both pipes are closed: the worker is exiting (or pretends to; the deadline still holds).
    run.status = child.waitUntil(deadline);
    if (!run.status && Clock::now() >= deadline) run.end = WorkerRun::End::TimeLimit;
  }
  if (run.end != WorkerRun::End::Finished) {
    child.kill();
    child.waitForever();
  }
  return run;
}

Report singleProblem(const Rules& rules, const std::string& code, const std::string& message) {
  Report report;
  report.add({code, rules.severityOf(code), 0, message});
  // Turned off by the rules: still an error, as no report stands behind the file.
  if (report.problems.empty()) report.add({code, "error", 0, message});
  return report;
}

std::string firstLine(const std::string& text) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no message" : line;
}

void logCrash(const std::string& pdfPath, const std::string& what, const std::string& log) {
  std::ostringstream line;
  line << "preflight: the worker for " << pdfPath << " " << what << "; its stderr began: " << firstLine(log)
       << '\n';
  std::cerr << line.str() << std::flush;
}

Report crashReport(const Rules& rules, const std::string& cause) {
  return singleProblem(rules, "damaged",
                       "the PDF crashed the checker (" + cause +
                           "); it is probably damaged. Export or print it to PDF again and upload the new "
                           "file");
}

Report classify(const WorkerRun& run, const std::string& pdfPath, const Rules& rules,
                const SandboxOptions& options) {
  const std::string timeMessage = "preflight took longer than " + std::to_string(options.timeLimitSeconds) +
                                  " s; the file is too complex or broken";
  const std::string memoryMessage = "preflight needed more than " + std::to_string(options.memoryLimitMb) +
                                    " MB of memory; the file is too complex or broken";
  switch (run.end) {
    case WorkerRun::End::TimeLimit:
      return singleProblem(rules, "time_limit", timeMessage);
    case WorkerRun::End::MemoryLimit:
      return singleProblem(rules, "memory_limit", memoryMessage);
    case WorkerRun::End::OutputLimit:
      logCrash(pdfPath, "wrote more than " + std::to_string(kMaxReportBytes) + " bytes", run.log);
      return crashReport(rules, "its answer was too long");
    case WorkerRun::End::Finished:
      break;
  }
  // SIGCHLD ignored by this process: no status, but a complete report says enough.
  const int status = run.status.value_or(0);
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU) return singleProblem(rules, "time_limit", timeMessage);
    // poppler's allocator prints this and aborts when malloc fails under RLIMIT_AS.
    if (sig == SIGABRT && run.log.find("Out of memory") != std::string::npos)
      return singleProblem(rules, "memory_limit", memoryMessage);
    const char* name = sigdescr_np(sig);  // thread-safe, unlike strsignal()
    const std::string cause = "signal " + std::to_string(sig) + (name ? std::string(", ") + name : "");
    logCrash(pdfPath, "was killed by " + cause, run.log);
    return crashReport(rules, cause);
  }
  const int code = WEXITSTATUS(status);
  if (code == kWorkerOutOfMemory) return singleProblem(rules, "memory_limit", memoryMessage);
  if (code == kWorkerCannotRead) throw std::runtime_error("preflight: " + firstLine(run.log));
  if (code == kWorkerBadInput)
    throw std::runtime_error("preflight: the worker " + options.workerBinary +
                             " refused its input: " + firstLine(run.log));
  if (code != 0) {
    logCrash(pdfPath, "exited with status " + std::to_string(code), run.log);
    return crashReport(rules, "exit status " + std::to_string(code));
  }
  try {
    return Report::fromJson(run.out);
  } catch (const std::exception& e) {
    logCrash(pdfPath, std::string("answered with no report (") + e.what() + ")", run.log);
    return crashReport(rules, "it gave no readable answer");
  }
}

// ---- worker side ----

void applyLimits(const SandboxOptions& limits) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // the supervising thread waits for us; if it is gone, so are we
  const rlimit noCore{0, 0};
  ::setrlimit(RLIMIT_CORE, &noCore);
  const auto cpu = static_cast<rlim_t>(limits.timeLimitSeconds) + 1;
  const rlimit cpuLimit{cpu, cpu + 1};  // SIGXCPU first, SIGKILL a second later
  ::setrlimit(RLIMIT_CPU, &cpuLimit);
  if (!kUnderAddressSanitizer) {
    const auto bytes = (static_cast<rlim_t>(statusKb("/proc/self", "VmSize")) +
                        static_cast<rlim_t>(limits.memoryLimitMb) * 1024) *
                       1024;
    const rlimit addressSpace{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &addressSpace);
  }
}

/// A regular file mapped read-only and populated in one system call: uploads are megabytes, and on a
/// virtual machine a page fault per 4 KB of a copy costs more than checking the file.
class MappedFile {
 public:
  /// Maps `path`; error() says what went wrong, if anything.
  explicit MappedFile(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat info {};
    if (!fd || ::fstat(fd.get(), &info) != 0) {
      error_ = std::generic_category().message(errno);
      return;
    }
    if (!S_ISREG(info.st_mode)) {
      error_ = "not a regular file";
      return;
    }
    size_ = static_cast<size_t>(info.st_size);
    if (size_ == 0) return;
    void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.get(), 0);
    if (data == MAP_FAILED) {
      error_ = std::generic_category().message(errno);
      size_ = 0;
      return;
    }
    data_ = static_cast<const char*>(data);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::string& error() const { return error_; }
  std::string_view bytes() const { return {data_ ? data_ : "", size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  std::string error_;
};

bool writeAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

void checkSandboxOptions(const SandboxOptions& options) {
  if (options.timeLimitSeconds < 1 || options.timeLimitSeconds > 3600)
    throw std::invalid_argument("the preflight time limit must be 1 to 3600 seconds");
  if (options.memoryLimitMb < 16 || options.memoryLimitMb > 1 << 20)
    throw std::invalid_argument("the preflight memory limit must be 16 MB to 1 TB");
}

namespace {

/// Checks the file with the worker `startWorker(in, out, err)` starts (a Child with those streams).
template <class StartWorker>
Report runWorkerFor(const std::string& pdfPath, const Rules& rules, const SandboxOptions& options,
                    StartWorker startWorker) {
  checkSandboxOptions(options);
  if (::access(pdfPath.c_str(), R_OK) != 0)
    throw std::runtime_error("preflight: cannot read " + pdfPath + ": " +
                             std::generic_category().message(errno));
  Channel in = inputChannel(), out = outputChannel(), err = outputChannel();
  Child child = startWorker(in, out, err);
  in.child.reset();  // the worker has its own copies
  out.child.reset();
  err.child.reset();
  const WorkerRun run = supervise(child, std::move(in.parent), std::move(out.parent), std::move(err.parent),
                                  rules.toJson(), options);
  return classify(run, pdfPath, rules, options);
}

}  // namespace

Report runIsolated(const std::string& pdfPath, const Rules& rules, const SandboxOptions& options) {
  return runWorkerFor(pdfPath, rules, options, [&](Channel& in, Channel& out, Channel& err) {
    return spawnWorker(pdfPath, options, in, out, err);
  });
}

Report runIsolated(const std::string& pdfPath, const Rules& rules, const SandboxOptions& options,
                   ForkServer& forkServer) {
  return runWorkerFor(pdfPath, rules, options, [&](Channel& in, Channel& out, Channel& err) {
    return Child(forkServer.fork(pdfPath, options, in.child.get(), out.child.get(), err.child.get()));
  });
}

int runWorker(const std::string& pdfPath, const SandboxOptions& limits) {
  // The report goes to the real stdout; whatever a library might print there goes to stderr instead.
  Fd reportOut(::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3));
  if (!reportOut || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::cerr << "confpress preflight --worker: cannot set up standard output\n";
    return 1;
  }
  applyLimits(limits);
  try {
    Rules rules;
    try {
      rules = Rules::fromJson(std::string(std::istreambuf_iterator<char>(std::cin), {}));
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      std::cerr << "malformed rules on standard input: " << e.what() << '\n';
      return kWorkerBadInput;
    }
    const MappedFile file(pdfPath);
    if (!file.error().empty()) {
      std::cerr << "cannot read " << pdfPath << ": " << file.error() << '\n';
      return kWorkerCannotRead;
    }
    return writeAll(reportOut.get(), inspectPdf(file.bytes(), rules).toJson() + "\n") ? 0 : 1;
  } catch (const std::bad_alloc&) {
    return kWorkerOutOfMemory;
  }
}

}  // namespace confpress::preflight
