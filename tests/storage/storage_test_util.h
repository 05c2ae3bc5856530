#pragma once

// Helpers for the history tests: clock readings in a chosen time zone and
// direct looks into the database.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "clock/local_time.h"
#include "core/time.h"
#include "support/scoped_tz.h"
#include "support/temp_dir.h"

namespace unsit::storage_testing {

using namespace std::chrono_literals;
using test_support::ScopedTz;

using test_support::TempDir;

// The UTC instant of a local time in the current TZ (DST resolved by mktime).
inline WallTime Local(int year, int month, int day, int hour, int minute = 0) {
  tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  t.tm_isdst = -1;
  return WallTime(std::chrono::seconds(mktime(&t)));
}

// Clock readings where the boot clock and the wall clock move together.
inline Now At(WallTime wall, std::chrono::minutes day_starts = 0min) {
  BootTime boot(wall.time_since_epoch() - std::chrono::hours(24 * 365 * 50));
  return MakeNow(boot, wall, day_starts);
}

inline std::int64_t QueryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close_v2(db);
  return value;
}

inline std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string value = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    value = text != nullptr ? reinterpret_cast<const char*>(text) : "<null>";
  }
  sqlite3_finalize(stmt);
  sqlite3_close_v2(db);
  return value;
}

inline bool IntegrityOk(const std::string& path) {
  return QueryText(path, "PRAGMA integrity_check") == "ok";
}

// Runs SQL statements on a file (creating it), for building old schemas by hand.
inline bool ExecSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close_v2(db);
  return ok;
}

// A test on one history file in a fresh directory. Whatever the test did, the
// file (if there is one) must still pass PRAGMA integrity_check afterwards.
class HistoryFileTest : public ::testing::Test {
 protected:
  explicit HistoryFileTest(const std::string& name = "history.db") : path_(dir_.File(name)) {}
  void TearDown() override {
    if (std::filesystem::exists(path_)) {
      EXPECT_TRUE(IntegrityOk(path_));
    }
  }

  TempDir dir_;
  std::string path_;
};

}  // namespace unsit::storage_testing
