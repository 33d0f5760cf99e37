#include "store/Database.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <mutex>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

// Every new SQLite connection gets the same settings: WAL for concurrent readers, enforced foreign
// keys, and a busy timeout so that concurrent writers queue instead of failing.
class SqlitePool : public Poco::Data::SessionPool {
 public:
  SqlitePool(const std::string& path, const DatabaseOptions& options)
      : SessionPool("SQLite", path, 1, static_cast<int>(options.maxConnections), 60),
        busyTimeoutMs_(options.busyTimeoutMs) {}

 protected:
  void customizeSession(Poco::Data::Session& session) override {
    session << "PRAGMA busy_timeout = " + std::to_string(busyTimeoutMs_), now;
    session << "PRAGMA journal_mode = WAL", now;
    session << "PRAGMA synchronous = NORMAL", now;
    session << "PRAGMA foreign_keys = ON", now;
  }

 private:
  int busyTimeoutMs_;
};

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

}  // namespace

Database::Database(const std::string& url, DatabaseOptions options) : url_(url) {
  registerConnectors();
  const std::string prefix = "sqlite:";
  if (url.rfind(prefix, 0) != 0)
    throw std::invalid_argument("unsupported database URL '" + url + "' (expected sqlite:PATH)");
  std::string path = url.substr(prefix.size());
  if (path.empty()) throw std::invalid_argument("database URL '" + url + "' names no file");
  if (path != ":memory:") {
    Poco::Path parent = Poco::Path(path).parent();
    if (!parent.toString().empty()) Poco::File(parent).createDirectories();
  } else {
    options.maxConnections = 1;  // every connection to :memory: would be a different database
  }
  pool_ = Poco::makeAuto<SqlitePool>(path, options);
}

Database::~Database() {
  if (pool_) pool_->shutdown();
}

Poco::Data::Session Database::session() {
  return pool_->get();
}

void Database::begin(Poco::Data::Session& s) {
  s << "BEGIN IMMEDIATE", now;
}

void Database::commit(Poco::Data::Session& s) {
  s << "COMMIT", now;
}

void Database::rollback(Poco::Data::Session& s) noexcept {
  try {
    s << "ROLLBACK", now;
  } catch (...) {
    // The transaction is already gone (SQLite rolls back on some errors by itself).
  }
}

}  // namespace confpress::store
