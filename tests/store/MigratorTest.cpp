#include <gtest/gtest.h>

#include <Poco/Data/Session.h>

#include <fstream>

#include "store/Database.h"
#include "store/Migrator.h"
#include "support/TempDir.h"

using namespace confpress;
using namespace Poco::Data::Keywords;

namespace {

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

int tableCount(store::Database& db, const std::string& name) {
  Poco::Data::Session s = db.session();
  int n = 0;
  s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", bind(name), into(n), now;
  return n;
}

}  // namespace

TEST(Migrator, AppliesTheProjectMigrationsOnceAndRecordsThem) {
  cptest::TempDir dir;
  store::Database db("sqlite:" + dir.file("db.sqlite"));
  store::Migrator migrator(db, CONFPRESS_SOURCE_DIR "/migrations");
  const auto applied = migrator.migrate();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(migrator.currentVersion(), applied.back().version);
  EXPECT_TRUE(migrator.migrate().empty());
  for (const char* table : {"people",
                            "accounts",
                            "sessions",
                            "conferences",
                            "topics",
                            "conference_roles",
                            "submissions",
                            "submission_authors",
                            "submission_versions",
                            "stored_files",
                            "conflicts",
                            "bids",
                            "assignments",
                            "reviews",
                            "comments",
                            "decisions",
                            "volumes",
                            "jobs",
                            "mail_outbox",
                            "audit_log"})
    EXPECT_EQ(tableCount(db, table), 1) << table;
  Poco::Data::Session s = db.session();
  std::string journal;
  int foreignKeys = 0;
  s << "PRAGMA journal_mode", into(journal), now;
  s << "PRAGMA foreign_keys", into(foreignKeys), now;
  EXPECT_EQ(journal, "wal");
  EXPECT_EQ(foreignKeys, 1);
}

TEST(Migrator, AFailingMigrationLeavesThePreviousVersionAndNamesFileAndStatement) {
  cptest::TempDir dir;
  writeFile(dir.file("0001_first.sql"), "CREATE TABLE a (x INTEGER);\n");
  writeFile(dir.file("0002_broken.sql"),
            "CREATE TABLE b (y INTEGER);\n-- a comment; with a semicolon\nINSERT INTO b VALUES (1);\n"
            "CREATE TABEL c (z INTEGER);\n");
  store::Database db("sqlite:" + dir.file("db.sqlite"));
  store::Migrator migrator(db, dir.path());
  try {
    migrator.migrate();
    FAIL() << "the broken migration was applied";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0002_broken.sql:4"), std::string::npos) << message;
    EXPECT_NE(message.find("statement 3"), std::string::npos) << message;
    EXPECT_NE(message.find("CREATE TABEL"), std::string::npos) << message;
    EXPECT_NE(message.find("syntax error"), std::string::npos) << message;
  }
  EXPECT_EQ(migrator.currentVersion(), 1);
  EXPECT_EQ(tableCount(db, "a"), 1);
  EXPECT_EQ(tableCount(db, "b"), 0);  // rolled back with the rest of 0002
}

TEST(Migrator, RefusesAnAppliedMigrationThatWasEdited) {
  cptest::TempDir dir;
  writeFile(dir.file("0001_first.sql"), "CREATE TABLE a (x INTEGER);\n");
  store::Database db("sqlite:" + dir.file("db.sqlite"));
  store::Migrator migrator(db, dir.path());
  migrator.migrate();
  writeFile(dir.file("0001_first.sql"), "CREATE TABLE a (x INTEGER, y INTEGER);\n");
  EXPECT_THROW(migrator.migrate(), std::runtime_error);
  writeFile(dir.file("01_bad_name.sql"), "SELECT 1;");
  EXPECT_THROW(migrator.available(), std::runtime_error);
}

TEST(Migrator, SplitsStatementsRespectingStringsCommentsAndTriggers) {
  const auto statements = store::Migrator::splitStatements(
      "CREATE TABLE t (s TEXT DEFAULT 'a;b');\n"
      "/* block; comment */ INSERT INTO t VALUES ('x;y');\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET s = 'z'; DELETE FROM t WHERE 0; END;\n"
      "-- trailing comment\n");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0], "CREATE TABLE t (s TEXT DEFAULT 'a;b');");
  EXPECT_NE(statements[2].find("END;"), std::string::npos);
}

TEST(Database, RejectsUnknownUrlSchemes) {
  EXPECT_THROW(store::Database("mysql://localhost/x"), std::invalid_argument);
  EXPECT_THROW(store::Database("sqlite:"), std::invalid_argument);
}

TEST(Database, RollsBackATransactionThatThrows) {
  cptest::TempDir dir;
  store::Database db("sqlite:" + dir.file("db.sqlite"));
  db.transaction([](Poco::Data::Session& s) { s << "CREATE TABLE t (x INTEGER)", now; });
  EXPECT_THROW(db.transaction([](Poco::Data::Session& s) {
    s << "INSERT INTO t VALUES (1)", now;
    throw std::runtime_error("half-way");
  }),
               std::runtime_error);
  Poco::Data::Session s = db.session();
  int rows = -1;
  s << "SELECT COUNT(*) FROM t", into(rows), now;
  EXPECT_EQ(rows, 0);
}
