#pragma once
// A database addressed by URL ("sqlite:var/confpress.db"): a pool of connections, each set up with the
// same pragmas, and write transactions that cannot deadlock on lock upgrades. Safe to share between
// threads; every Session it hands out belongs to one thread at a time.
#include <Poco/AutoPtr.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <mutex>
#include <string>

namespace confpress::store {

struct DatabaseOptions {
  size_t maxConnections = 32;  // upper bound of pooled connections (one per busy server thread)
  int busyTimeoutMs = 10000;   // how long a writer waits for another writer before failing
};

class Database {
 public:
  /// Opens the database at `url`. Supported: "sqlite:PATH" (PATH relative to the working directory;
  /// its folder is created) and "sqlite::memory:" for tests. Throws std::invalid_argument naming the
  /// URL when the scheme is unknown.
  explicit Database(const std::string& url, DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// A pooled connection; it goes back to the pool when the Session is destroyed.
  Poco::Data::Session session();

  /// Runs `work(session)` inside one write transaction (BEGIN IMMEDIATE … COMMIT); rolls back and
  /// rethrows if `work` throws, so nothing is half-written. Writers of this process queue on a mutex
  /// (first come, first served) rather than on SQLite's busy handler, which sleeps up to 100 ms between
  /// retries and wastes most of that time under load; the busy timeout still covers other processes.
  /// Transactions do not nest.
  template <class Work>
  decltype(auto) transaction(Work&& work) {
    Poco::Data::Session s = session();
    std::lock_guard<std::mutex> writer(writeMutex_);
    begin(s);
    try {
      if constexpr (std::is_void_v<decltype(work(s))>) {
        work(s);
        commit(s);
      } else {
        auto result = work(s);
        commit(s);
        return result;
      }
    } catch (...) {
      rollback(s);
      throw;
    }
  }

  const std::string& url() const { return url_; }

 private:
  static void begin(Poco::Data::Session& s);
  static void commit(Poco::Data::Session& s);
  static void rollback(Poco::Data::Session& s) noexcept;

  std::string url_;
  Poco::AutoPtr<Poco::Data::SessionPool> pool_;
  std::mutex writeMutex_;
};

}  // namespace confpress::store
