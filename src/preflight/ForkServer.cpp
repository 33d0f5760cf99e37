#include "preflight/ForkServer.h"

#include <poll.h>
#include <poppler/cpp/poppler-document.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <system_error>
#include <vector>

#include "preflight/Inspector.h"
#include "preflight/Spawn.h"

namespace confpress::preflight {

namespace {

constexpr int kReplyTimeoutMs = 10000;  // for "ready" and for a worker's pid: the server only forks
constexpr size_t kMaxRequestBytes = 8192;

/// What the server says on a job socket.
struct Reply {
  char kind = 0;  // 'P' pid, 'S' wait status, 'E' errno of a failed fork
  int value = 0;
};
constexpr char kKill = 'K';  // what the caller says

std::system_error systemError(const std::string& what) {
  return std::system_error(errno, std::generic_category(), "preflight fork server: " + what);
}

bool sendReply(int fd, char kind, int value) {
  const Reply reply{kind, value};
  return ::send(fd, &reply, sizeof reply, MSG_NOSIGNAL | MSG_DONTWAIT) == static_cast<ssize_t>(sizeof reply);
}

/// Waits up to `timeoutMs` for a reply on `fd`; nullopt on timeout, end of file or error.
std::optional<Reply> readReply(int fd, int timeoutMs) {
  pollfd p{fd, POLLIN, 0};
  int ready;
  do ready = ::poll(&p, 1, timeoutMs);
  while (ready < 0 && errno == EINTR);
  if (ready <= 0) return std::nullopt;
  Reply reply;
  ssize_t n;
  do n = ::recv(fd, &reply, sizeof reply, 0);
  while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof reply)) return std::nullopt;
  return reply;
}

std::pair<Fd, Fd> seqpacketPair() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) throw systemError("socketpair");
  return {Fd(fds[0]), Fd(fds[1])};
}

// ---- server side ----

/// A one-page PDF with text in a font it does not embed: checking it once loads what every check needs
/// (poppler's and qpdf's tables, fontconfig's configuration), so that forked workers find it loaded.
std::string warmUpPdf() {
  const std::string content = "BT /F1 12 Tf 72 720 Td (warm up) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  std::ostringstream pdf;
  pdf << "%PDF-1.4\n";
  std::vector<std::streamoff> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.tellp());
    pdf << i + 1 << " 0 obj\n" << objects[i] << "\nendobj\n";
  }
  const std::streamoff xref = pdf.tellp();
  pdf << "xref\n0 " << objects.size() + 1 << "\n0000000000 65535 f \n";
  for (std::streamoff offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010lld 00000 n \n", static_cast<long long>(offset));
    pdf << line;
  }
  pdf << "trailer\n<< /Size " << objects.size() + 1 << " /Root 1 0 R >>\nstartxref\n" << xref << "\n%%EOF\n";
  return pdf.str();
}

/// One request from the control socket: limits, path and the four descriptors.
struct Request {
  SandboxOptions limits;
  std::string pdfPath;
  std::vector<Fd> fds;  // in, out, err, job
};

/// Receives one request; nullopt at end of file; a request with fewer than four descriptors is malformed
/// (its descriptors are closed) and is returned with `fds` empty.
std::optional<Request> receiveRequest(int control) {
  char text[kMaxRequestBytes];
  alignas(cmsghdr) char ancillary[CMSG_SPACE(4 * sizeof(int))];
  iovec io{text, sizeof text - 1};
  msghdr message{};
  message.msg_iov = &io;
  message.msg_iovlen = 1;
  message.msg_control = ancillary;
  message.msg_controllen = sizeof ancillary;
  ssize_t n;
  do n = ::recvmsg(control, &message, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n <= 0) return std::nullopt;
  Request request;
  for (cmsghdr* c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd;
      std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
      request.fds.emplace_back(fd);
    }
  }
  std::istringstream in(std::string(text, static_cast<size_t>(n)));
  in >> request.limits.timeLimitSeconds >> request.limits.memoryLimitMb;
  in.ignore(1);
  std::getline(in, request.pdfPath);
  if (!in || request.fds.size() != 4 || (message.msg_flags & (MSG_TRUNC | MSG_CTRUNC))) request.fds.clear();
  return request;
}

/// In the forked child: becomes the worker and never returns.
[[noreturn]] void becomeWorker(Request& request) {
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int target = 0; target < 3; ++target)
    if (::dup2(request.fds[static_cast<size_t>(target)].get(), target) < 0) ::_exit(1);
  ::closefrom(3);  // the control socket, the signalfd, other jobs' sockets
  const int code = runWorker(request.pdfPath, request.limits);
  std::cerr.flush();
  ::_exit(code);
}

/// A running worker, as the server tracks it.
struct Job {
  Fd socket;           // the server's end of the caller's job socket
  bool listen = true;  // false once the caller's end has closed (the worker has been killed)
};

/// Reaps every ended child and reports its status to its caller.
void reapChildren(std::map<pid_t, Job>& jobs) {
  int status = 0;
  pid_t pid;
  while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
    auto it = jobs.find(pid);
    if (it == jobs.end()) continue;
    sendReply(it->second.socket.get(), 'S', status);
    jobs.erase(it);
  }
}

void startWorker(Request request, std::map<pid_t, Job>& jobs) {
  if (request.fds.empty()) return;  // malformed: nobody to answer
  Fd job = std::move(request.fds[3]);
  const pid_t pid = ::fork();
  if (pid == 0) becomeWorker(request);
  if (pid < 0) {
    sendReply(job.get(), 'E', errno);
    return;
  }
  sendReply(job.get(), 'P', pid);
  jobs[pid] = Job{std::move(job), true};
}

}  // namespace

// ---- caller side ----

void ForkedWorker::kill() const {
  if (!job_) return;
  ::send(job_.get(), &kKill, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
}

std::optional<int> ForkedWorker::waitFor(int timeoutMs) {
  if (!job_) return std::nullopt;
  pollfd p{job_.get(), POLLIN, 0};
  int ready;
  do ready = ::poll(&p, 1, timeoutMs);
  while (ready < 0 && errno == EINTR);
  if (ready == 0) return std::nullopt;
  const std::optional<Reply> reply = readReply(job_.get(), 0);
  job_.reset();
  if (reply && reply->kind == 'S') return reply->value;
  return std::nullopt;  // the server is gone: the status is lost
}

ForkServer::ForkServer(std::string binary) : binary_(std::move(binary)) {
  std::lock_guard lock(mutex_);
  start();
}

ForkServer::~ForkServer() {
  std::lock_guard lock(mutex_);
  stop();
}

pid_t ForkServer::serverPid() const {
  std::lock_guard lock(mutex_);
  return pid_;
}

void ForkServer::start() {
  auto [ours, theirs] = seqpacketPair();
  const int streams[3] = {theirs.get(), -1, -1};  // its stdout and stderr are ours
  const pid_t pid =
      spawnHelper(binary_, {"confpress", "preflight", "--fork-server"}, streams, "preflight fork server");
  theirs.reset();  // so that a server that exits at once is seen at once
  pid_ = pid;
  control_ = std::move(ours);
  const std::optional<Reply> ready = readReply(control_.get(), kReplyTimeoutMs);
  if (!ready || ready->kind != 'R') {
    stop();
    throw std::system_error(ECHILD, std::generic_category(),
                            "preflight fork server: " + binary_ + " did not start serving");
  }
}

void ForkServer::stop() {
  control_.reset();  // the server sees end of file, kills its workers and exits
  if (pid_ > 0) {
    int status;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
}

std::optional<ForkedWorker> ForkServer::tryFork(const std::string& pdfPath, const SandboxOptions& limits,
                                                int in, int out, int err) {
  auto [job, serverEnd] = seqpacketPair();
  const std::string text =
      std::to_string(limits.timeLimitSeconds) + " " + std::to_string(limits.memoryLimitMb) + "\n" + pdfPath;
  if (text.size() >= kMaxRequestBytes) throw std::invalid_argument("preflight: path too long: " + pdfPath);
  const int fds[4] = {in, out, err, serverEnd.get()};
  alignas(cmsghdr) char ancillary[CMSG_SPACE(sizeof fds)] = {};
  iovec io{const_cast<char*>(text.data()), text.size()};
  msghdr message{};
  message.msg_iov = &io;
  message.msg_iovlen = 1;
  message.msg_control = ancillary;
  message.msg_controllen = sizeof ancillary;
  cmsghdr* c = CMSG_FIRSTHDR(&message);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof fds);
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  ssize_t sent;
  do sent = ::sendmsg(control_.get(), &message, MSG_NOSIGNAL);
  while (sent < 0 && errno == EINTR);
  if (sent < 0) return std::nullopt;  // the server has died
  serverEnd.reset();
  const std::optional<Reply> reply = readReply(job.get(), kReplyTimeoutMs);
  if (!reply) return std::nullopt;
  if (reply->kind == 'E')
    throw std::system_error(reply->value, std::generic_category(), "preflight fork server: fork");
  if (reply->kind != 'P') return std::nullopt;
  return ForkedWorker(reply->value, std::move(job));
}

ForkedWorker ForkServer::fork(const std::string& pdfPath, const SandboxOptions& limits, int in, int out,
                              int err) {
  std::lock_guard lock(mutex_);
  if (control_)
    if (auto worker = tryFork(pdfPath, limits, in, out, err)) return std::move(*worker);
  stop();  // dead or confused: a fresh one
  start();
  if (auto worker = tryFork(pdfPath, limits, in, out, err)) return std::move(*worker);
  throw std::system_error(ECHILD, std::generic_category(), "preflight fork server: no worker started");
}

int runForkServer() {
  const int control = STDIN_FILENO;
  sigset_t childSignals;
  sigemptyset(&childSignals);
  sigaddset(&childSignals, SIGCHLD);
  ::sigprocmask(SIG_BLOCK, &childSignals, nullptr);
  Fd children(::signalfd(-1, &childSignals, SFD_CLOEXEC | SFD_NONBLOCK));
  if (!children) {
    std::cerr << "confpress preflight --fork-server: signalfd: " << std::strerror(errno) << '\n';
    return 1;
  }
  // poppler-cpp frees its global tables (and reads them again) whenever no document is open: one stays
  // open for the server's lifetime, so that every worker inherits them loaded.
  const std::string warmUp = warmUpPdf();
  std::unique_ptr<poppler::document> keepPopplerLoaded(
      poppler::document::load_from_raw_data(warmUp.data(), static_cast<int>(warmUp.size())));
  try {
    inspectPdf(warmUp, Rules{});
  } catch (const std::exception& e) {
    std::cerr << "confpress preflight --fork-server: warm-up failed: " << e.what() << '\n';
  }
  if (!sendReply(control, 'R', 0)) return 1;

  std::map<pid_t, Job> jobs;
  while (true) {
    std::vector<pollfd> fds = {{control, POLLIN, 0}, {children.get(), POLLIN, 0}};
    std::vector<pid_t> polled;
    for (const auto& [pid, job] : jobs)
      if (job.listen) {
        fds.push_back({job.socket.get(), POLLIN, 0});
        polled.push_back(pid);
      }
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      std::cerr << "confpress preflight --fork-server: poll: " << std::strerror(errno) << '\n';
      break;
    }
    if (fds[1].revents) {
      signalfd_siginfo info;
      while (::read(children.get(), &info, sizeof info) > 0) {
      }
      reapChildren(jobs);
    }
    for (size_t i = 0; i < polled.size(); ++i) {
      if (!fds[i + 2].revents) continue;
      auto it = jobs.find(polled[i]);
      if (it == jobs.end()) continue;  // reaped just now
      char request = 0;
      const ssize_t n = ::recv(it->second.socket.get(), &request, 1, MSG_DONTWAIT);
      if (n == 1 && request != kKill) continue;
      ::kill(it->first, SIGKILL);  // asked to, or the caller gave up the job
      if (n <= 0) it->second.listen = false;
    }
    if (fds[0].revents) {
      std::optional<Request> request = receiveRequest(control);
      if (!request) break;  // the caller has gone
      startWorker(std::move(*request), jobs);
    }
  }
  for (const auto& entry : jobs) ::kill(entry.first, SIGKILL);
  while (::waitpid(-1, nullptr, 0) > 0 || errno == EINTR) {
  }
  return 0;
}

}  // namespace confpress::preflight
