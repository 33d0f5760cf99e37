#pragma once
// Brings a database's schema up to date from `migrations/NNNN_name.sql`: each file in order, each in its
// own transaction, recorded in `schema_migrations` with its checksum. A failing file leaves the
// database at the version before it and the error names the file, the statement and the database's
// message.
#include <string>
#include <vector>

#include "store/Database.h"

namespace confpress::store {

struct Migration {
  int version = 0;   // NNNN from the file name
  std::string name;  // the rest of the file name, without ".sql"
  std::string path;
  std::string sql;
  std::string sha256;  // of the file's bytes, to notice an applied file that was edited later
};

class Migrator {
 public:
  Migrator(Database& db, std::string directory);

  /// Every migration file in the directory, sorted by version. Throws std::runtime_error on a badly
  /// named file or a duplicate version.
  std::vector<Migration> available() const;

  /// The highest applied version, 0 for an empty database.
  int currentVersion() const;

  /// Applies every pending migration and returns what it applied. Throws std::runtime_error naming the
  /// file, the statement and the error when one fails, or when an applied file's checksum changed.
  std::vector<Migration> migrate();

  /// Splits a script into statements (comments and strings respected, triggers kept whole).
  static std::vector<std::string> splitStatements(const std::string& sql);

 private:
  void ensureVersionTable() const;

  Database& db_;
  std::string directory_;
};

/// The highest applied migration version (0 when none or no version table).
int schemaVersion(Database& db);

}  // namespace confpress::store
