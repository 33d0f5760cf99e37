// Preflight speed on a generated 20-page text paper (Vietnamese prose, embedded subset Noto Serif):
// inspectPdf() in this process (target: median < 100 ms) and runIsolated() with the real worker process
// (start-up included), plus the worker's fixed cost on a 1-page file. Wall-clock times depend on what
// else runs on the machine; CPU times (this thread plus the worker processes) hardly do.
//
// usage: confpress_bench_preflight [RUNS] [WORKER_BINARY]   (defaults: 21 runs, the confpress binary)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "preflight/ForkServer.h"
#include "preflight/Inspector.h"
#include "preflight/Sandbox.h"
#include "preflight/TestPdf.h"
#include "support/TempDir.h"

namespace {

using namespace confpress::preflight;
using Clock = std::chrono::steady_clock;

struct Timing {
  double median, min, max;  // wall clock, milliseconds
  double cpuMedian;         // CPU of this thread and of the processes it waited for, milliseconds
};

/// CPU time used so far by this thread and by its reaped child processes, in milliseconds.
double cpuMs() {
  timespec thread{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread);
  rusage children{};
  getrusage(RUSAGE_CHILDREN, &children);
  const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return thread.tv_sec * 1e3 + thread.tv_nsec / 1e6 + ms(children.ru_utime) + ms(children.ru_stime);
}

Timing measure(int runs, const std::function<void()>& work) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpuStart = cpuMs();
    work();
    cpu.push_back(cpuMs() - cpuStart);
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], wall.front(), wall.back(), cpu[cpu.size() / 2]};
}

void print(const std::string& what, const Timing& t) {
  std::cout << std::left << std::setw(50) << what << std::right << std::fixed << std::setprecision(1)
            << "median " << std::setw(6) << t.median << " ms  min " << std::setw(6) << t.min << " ms  max "
            << std::setw(6) << t.max << " ms  CPU median " << std::setw(6) << t.cpuMedian << " ms\n";
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
  SandboxOptions sandbox;
  sandbox.workerBinary = argc > 2 ? argv[2] : CONFPRESS_BINARY;

  cptest::TempDir dir;
  const std::string paper = cptest::makePdf(cptest::textPages(20));
  const std::string paperPath = dir.file("paper.pdf"), onePagePath = dir.file("one-page.pdf");
  cptest::writeFile(paperPath, paper);
  cptest::writeFile(onePagePath, cptest::makePdf(cptest::textPages(1)));
  const Rules rules;  // defaults: 1-30 pages, A4 or Letter
  const Report check = inspectPdf(paper, rules);
  if (check.status != "ok" || check.pages != 20) {
    std::cerr << "unexpected report on the benchmark paper: " << check.toJson() << '\n';
    return 1;
  }
  Rules doubleBlind = rules;
  doubleBlind.doubleBlind = true;
  doubleBlind.authors = {{"Nguyễn", "Văn Hùng", "hung.nv@tdmu.edu.vn", "Trường Đại học Thủ Dầu Một"},
                         {"Trần", "Thị Thu Hà", "ha.ttt@napa.vn", "Học viện Hành chính Quốc gia"}};

  std::cout << "preflight of a 20-page text PDF (" << paper.size() / 1024 << " KB), " << runs
            << " runs each\n";
  const Timing inProcess = measure(runs, [&] { inspectPdf(paper, rules); });
  print("inspectPdf, in process", inProcess);
  print("inspectPdf, in process, double-blind (2 authors)",
        measure(runs, [&] { inspectPdf(paper, doubleBlind); }));
  print("runIsolated (worker process)", measure(runs, [&] { runIsolated(paperPath, rules, sandbox); }));
  print("runIsolated, 1-page PDF (worker start-up)",
        measure(runs, [&] { runIsolated(onePagePath, rules, sandbox); }));
  {
    // What the server does for an upload. The workers are the fork server's children, not ours, so the
    // CPU column shows only this process's share.
    ForkServer server(sandbox.workerBinary);
    print("runIsolated via the fork server (uploads)",
          measure(runs, [&] { runIsolated(paperPath, rules, sandbox, server); }));
    print("runIsolated via the fork server, 1-page PDF",
          measure(runs, [&] { runIsolated(onePagePath, rules, sandbox, server); }));
  }
  std::ifstream loadavg("/proc/loadavg");
  std::string load;
  loadavg >> load;
  const bool met = inProcess.median < 100;
  std::cout << "target: in-process median < 100 ms for 20 pages: " << (met ? "met" : "MISSED")
            << " (load average " << load << " on " << std::thread::hardware_concurrency() << " CPUs)\n";
  return met ? 0 : 1;
}
