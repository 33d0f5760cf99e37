#include "preflight/IsolatedPreflight.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "preflight/ForkServer.h"

namespace confpress::preflight {

void IsolatedPreflight::FifoSlots::acquire() {
  std::unique_lock lock(mutex_);
  const uint64_t ticket = nextTicket_++;
  changed_.wait(lock, [&] { return ticket == serving_ && free_ > 0; });
  ++serving_;
  --free_;
  changed_.notify_all();  // the next ticket may take another free slot
}

void IsolatedPreflight::FifoSlots::release() {
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  changed_.notify_all();
}

IsolatedPreflight::Shared::Shared(int count) : slots(count) {}
IsolatedPreflight::Shared::~Shared() = default;

IsolatedPreflight::IsolatedPreflight(SandboxOptions options, int maxWorkers)
    : options_(std::move(options)),
      maxWorkers_(maxWorkers > 0 ? maxWorkers
                                 : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) {
  if (maxWorkers < 0 || maxWorkers > 1024)
    throw std::invalid_argument("the number of preflight workers must be 0 (one per CPU) to 1024");
  checkSandboxOptions(options_);
  shared_ = std::make_shared<Shared>(maxWorkers_);
}

ForkServer* IsolatedPreflight::forkServer() const {
  std::lock_guard lock(shared_->mutex);
  if (!shared_->forkServer && !shared_->forkServerFailed) {
    try {
      shared_->forkServer = std::make_unique<ForkServer>(options_.workerBinary);
    } catch (const std::exception& e) {
      std::cerr << "preflight: " << e.what() << "; starting a new worker process for each upload instead\n";
      shared_->forkServerFailed = true;
    }
  }
  return shared_->forkServer.get();
}

Report IsolatedPreflight::operator()(const std::string& pdfPath, const Rules& rules) const {
  shared_->slots.acquire();
  struct Release {
    FifoSlots& slots;
    ~Release() { slots.release(); }
  } release{shared_->slots};
  if (ForkServer* server = forkServer()) {
    try {
      return runIsolated(pdfPath, rules, options_, *server);
    } catch (const std::system_error& e) {
      std::cerr << "preflight: " << e.what() << "; starting a new worker process for this upload\n";
    }
  }
  return runIsolated(pdfPath, rules, options_);
}

}  // namespace confpress::preflight
