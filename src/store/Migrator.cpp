#include "store/Migrator.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "core/Time.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string sha256Hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

int lineOf(const std::string& sql, size_t offset) {
  return 1 + static_cast<int>(std::count(sql.begin(), sql.begin() + static_cast<long>(offset), '\n'));
}

std::string firstLine(const std::string& statement) {
  std::string s = statement.substr(0, statement.find('\n'));
  return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

}  // namespace

Migrator::Migrator(Database& db, std::string directory) : db_(db), directory_(std::move(directory)) {}

std::vector<Migration> Migrator::available() const {
  static const std::regex pattern(R"((\d{4})_([A-Za-z0-9_]+)\.sql)");
  std::map<int, Migration> byVersion;
  for (Poco::DirectoryIterator it(directory_), end; it != end; ++it) {
    const std::string name = it.name();
    if (Poco::Path(name).getExtension() != "sql") continue;
    std::smatch m;
    if (!std::regex_match(name, m, pattern))
      throw std::runtime_error(directory_ + "/" + name + ": migration files are named NNNN_name.sql");
    Migration mig;
    mig.version = std::stoi(m[1]);
    mig.name = m[2];
    mig.path = it.path().toString();
    mig.sql = readFile(mig.path);
    mig.sha256 = sha256Hex(mig.sql);
    if (byVersion.count(mig.version))
      throw std::runtime_error(mig.path + ": version " + m[1].str() + " is used twice");
    byVersion.emplace(mig.version, std::move(mig));
  }
  std::vector<Migration> out;
  for (auto& [v, mig] : byVersion) out.push_back(std::move(mig));
  return out;
}

void Migrator::ensureVersionTable() const {
  Poco::Data::Session s = db_.session();
  s << "CREATE TABLE IF NOT EXISTS schema_migrations ("
       " version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)",
      now;
}

int Migrator::currentVersion() const {
  ensureVersionTable();
  Poco::Data::Session s = db_.session();
  int version = 0;
  s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
  return version;
}

std::vector<Migration> Migrator::migrate() {
  ensureVersionTable();
  std::map<int, std::string> applied;
  {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT version, sha256 FROM schema_migrations", now;
    Poco::Data::RecordSet rs(select);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      applied[rs["version"].convert<int>()] = rs["sha256"].convert<std::string>();
  }
  std::vector<Migration> done;
  for (Migration& mig : available()) {
    auto it = applied.find(mig.version);
    if (it != applied.end()) {
      if (it->second != mig.sha256)
        throw std::runtime_error(mig.path +
                                 ": was changed after it was applied; add a new migration instead");
      continue;
    }
    const std::vector<std::string> statements = splitStatements(mig.sql);
    db_.transaction([&](Poco::Data::Session& s) {
      size_t searchFrom = 0;
      for (size_t i = 0; i < statements.size(); ++i) {
        const size_t at = mig.sql.find(statements[i], searchFrom);
        searchFrom = at == std::string::npos ? searchFrom : at;
        try {
          s << statements[i], now;
        } catch (const Poco::Exception& e) {
          throw std::runtime_error(mig.path + ":" + std::to_string(lineOf(mig.sql, searchFrom)) +
                                   ": statement " + std::to_string(i + 1) +
                                   " failed: " + firstLine(statements[i]) + "\n  " + e.displayText());
        }
      }
      std::string at = nowUtc();
      s << "INSERT INTO schema_migrations(version, name, sha256, applied_at) VALUES(?, ?, ?, ?)",
          bind(mig.version), bind(mig.name), bind(mig.sha256), bind(at), now;
    });
    done.push_back(mig);
  }
  return done;
}

int schemaVersion(Database& db) {
  Poco::Data::Session s = db.session();
  int tables = 0;
  s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", into(tables),
      now;
  if (tables == 0) return 0;
  int version = 0;
  s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
  return version;
}

std::vector<std::string> Migrator::splitStatements(const std::string& sql) {
  // sqlite3_complete() knows SQLite's grammar for comments, quoted strings and CREATE TRIGGER … END;
  // so a ';' inside any of them does not end a statement. No library splits SQL scripts otherwise.
  std::vector<std::string> out;
  std::string current;
  for (char c : sql) {
    current += c;
    if (c == ';' && sqlite3_complete(current.c_str())) {
      const size_t first = current.find_first_not_of(" \t\r\n");
      out.push_back(current.substr(first));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) {
    // A trailing statement without ';' (or only a comment): keep it if it holds SQL.
    if (sqlite3_complete((current + ";").c_str())) {
      std::string trimmed = current.substr(current.find_first_not_of(" \t\r\n"));
      if (trimmed.rfind("--", 0) != 0) out.push_back(trimmed);
    }
  }
  return out;
}

}  // namespace confpress::store
