// PRAGMA user_version as a damaged header may hold it: negative, zero on a file
// that has tables, or far beyond this daemon. None may index the migration
// table out of range; a damaged file is moved aside with its bytes intact.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace storage_testing;

class VersionTest : public storage_testing::HistoryFileTest {
 protected:
  // A file with the tables of version 1 and the given user_version.
  void WriteTablesWithVersion(long long version) {
    ASSERT_TRUE(ExecSql(path_, std::string(schema::kVersion1Sql) +
                                   "PRAGMA user_version = " + std::to_string(version) + ";"));
  }
  std::size_t MovedAside() const {
    std::size_t found = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      if (entry.path().filename().string().find(".corrupt-") != std::string::npos) ++found;
    }
    return found;
  }
  void ExpectMovedAsideAndStartedAgain() {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->notice());
    EXPECT_EQ((*store)->notice()->code, "history_corrupt");
    EXPECT_NE((*store)->notice()->message.find("schema version"), std::string::npos)
        << (*store)->notice()->message;
    EXPECT_EQ(MovedAside(), 1u);
    EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
  }
  WallTime t0_ = storage_testing::Local(2026, 11, 20, 9, 0);
};

TEST_F(VersionTest, NegativeVersionIsDamage) {
  WriteTablesWithVersion(-1);
  ExpectMovedAsideAndStartedAgain();
}

TEST_F(VersionTest, MostNegativeVersionIsDamage) {
  WriteTablesWithVersion(-2147483648LL);
  ExpectMovedAsideAndStartedAgain();
}

TEST_F(VersionTest, ZeroOnAFileWithTablesIsDamage) {
  WriteTablesWithVersion(0);
  ExpectMovedAsideAndStartedAgain();
}

TEST_F(VersionTest, HugeVersionIsNewerAndLeftAlone) {
  WriteTablesWithVersion(2147483647LL);
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, "history_newer");
  EXPECT_EQ(MovedAside(), 0u);
}

TEST_F(VersionTest, ReaderRefusesANegativeVersion) {
  WriteTablesWithVersion(-5);
  auto days = ReadHistoryDays(path_, At(t0_), 1);
  ASSERT_FALSE(days.ok());
  EXPECT_EQ(days.error().code, "history_corrupt");
}

}  // namespace
}  // namespace unsit
