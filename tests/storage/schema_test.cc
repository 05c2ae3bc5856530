// Schema versions: a new file, migrations from every older version, and the
// read-only reader on an old file.
#include <gtest/gtest.h>

#include <fstream>

#include "storage/history_reader.h"
#include "storage/history_store_sqlite.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

class SchemaTest : public storage_testing::HistoryFileTest {
 protected:
  // A version-1 file written by hand, with one row in every table.
  void WriteVersion1() {
    std::string start = std::to_string(t0_.time_since_epoch().count());
    std::string sql = std::string(schema::kVersion1Sql) + "INSERT INTO bouts VALUES (1, " + start +
                      ", " + start + " + 1800000, " +
                      "1800000, 'break', NULL);"
                      "INSERT INTO breaks VALUES (1, " +
                      start +
                      " + 1800000, NULL, NULL, "
                      "'lock', 0);"
                      "INSERT INTO reminders VALUES (1, " +
                      start + ", 3, 'done', " + start +
                      ", 3600000);"
                      "INSERT INTO open_bout VALUES (1, 'boot-a', 1000, 61000, " +
                      start + " + 3600000, " + start +
                      " + 3660000);"
                      "PRAGMA user_version = 1;";
    ASSERT_TRUE(ExecSql(path_, sql));
  }

  storage_testing::ScopedTz tz_{"UTC"};
  WallTime t0_ = Local(2026, 11, 20, 9, 0);
};

TEST_F(SchemaTest, NewFileHasTheCurrentVersionAndIndexes) {
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
  EXPECT_EQ(QueryInt(path_,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                     "name IN ('bouts_start', 'breaks_start', 'reminders_shown')"),
            3);
}

TEST_F(SchemaTest, EmptyFileIsVersionZeroAndGetsEveryMigration) {
  std::ofstream(path_).close();
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_FALSE((*store)->notice());
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
}

TEST_F(SchemaTest, Version1MigratesToVersion2KeepingEveryRow) {
  WriteVersion1();
  {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto state = (*store)->Load(At(t0_ + 2h));
    ASSERT_TRUE(state.ok()) << state.error().message;
    EXPECT_EQ(state->today.sitting, 30min);
    EXPECT_EQ(state->today.breaks, 1);
    EXPECT_EQ(state->today.reminders, 1);
    EXPECT_EQ(state->today.done, 1);
    ASSERT_TRUE(state->open);
    EXPECT_EQ(state->open->boot_id, "boot-a");
    EXPECT_EQ(state->open->last_seen_boot - state->open->start_boot, 60s);
  }
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'bouts_start'"), 1);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts") +
                QueryInt(path_, "SELECT count(*) FROM breaks") +
                QueryInt(path_, "SELECT count(*) FROM reminders") +
                QueryInt(path_, "SELECT count(*) FROM open_bout"),
            4);
  EXPECT_TRUE(storage_testing::IntegrityOk(path_));
}

// A version-2 file: a reminder withdrawn while its break went on (the user got
// up on their own), one withdrawn at shutdown, one answered with done.
TEST_F(SchemaTest, Version2MigratesToVersion3KeepingEveryRowAndNamingWhoGotUp) {
  const auto ms = [this](Duration after) {
    return std::to_string((t0_ + after).time_since_epoch().count());
  };
  const std::string sql = std::string(schema::kVersion1Sql) +
                          "CREATE INDEX bouts_start ON bouts (start_wall);"
                          "CREATE INDEX breaks_start ON breaks (start_wall);"
                          "CREATE INDEX reminders_shown ON reminders (shown_wall);"
                          "INSERT INTO bouts VALUES (1, " +
                          ms(0min) + ", " + ms(62min) + ", 3720000, 'break', " + ms(60min) +
                          ");"
                          "INSERT INTO breaks VALUES (1, " +
                          ms(62min) + ", " + ms(70min) +
                          ", 480000, 'idle', 1);"
                          "INSERT INTO reminders VALUES (1, " +
                          ms(60min) + ", 1, 'withdrawn', " + ms(67min) +
                          ", 3720000);"
                          "INSERT INTO reminders VALUES (2, " +
                          ms(130min) + ", 2, 'withdrawn', " + ms(140min) +
                          ", 3600000);"
                          "INSERT INTO reminders VALUES (3, " +
                          ms(200min) + ", 1, 'done', " + ms(201min) +
                          ", 3600000);"
                          "PRAGMA user_version = 2;";
  ASSERT_TRUE(ExecSql(path_, sql));
  {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto state = (*store)->Load(At(t0_ + 4h));
    ASSERT_TRUE(state.ok()) << state.error().message;
    EXPECT_EQ(state->today.reminders, 3);
    EXPECT_EQ(state->today.up_on_own, 1);
    EXPECT_EQ(state->today.done, 1);
    EXPECT_EQ(state->today.breaks, 1);
    EXPECT_EQ(state->today.sitting, 62min);
    auto rotation = (*store)->LoadRotation();
    ASSERT_TRUE(rotation.ok()) << rotation.error().message;
    EXPECT_EQ(*rotation, RotationState{});
  }
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM reminders WHERE id = 1 AND outcome = 'up'"), 1);
  EXPECT_EQ(
      QueryInt(path_, "SELECT count(*) FROM reminders WHERE id = 2 AND outcome = 'withdrawn'"), 1);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM reminders WHERE id = 3 AND outcome = 'done'"), 1);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts") +
                QueryInt(path_, "SELECT count(*) FROM breaks") +
                QueryInt(path_, "SELECT count(*) FROM reminders"),
            5);
  EXPECT_TRUE(storage_testing::IntegrityOk(path_));
}

TEST_F(SchemaTest, RotationIsKeptAcrossReopening) {
  const RotationState saved{{"standing-lunge", "warrior-one"}, "warrior-one"};
  {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->SaveRotation(RotationState{{"a"}, "a"}).ok());
    ASSERT_TRUE((*store)->SaveRotation(saved).ok());
  }
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-b");
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto loaded = (*store)->LoadRotation();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*loaded, saved);
}

TEST_F(SchemaTest, ReaderReadsAVersion1FileWithoutChangingIt) {
  WriteVersion1();
  auto days = ReadHistoryDays(path_, At(t0_ + 2h), 2);
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ(days->back().totals.sitting, 30min + 1min) << "closed bout + checkpointed part";
  EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), 1);
}

TEST_F(SchemaTest, ReaderRefusesANewerVersion) {
  ASSERT_TRUE(ExecSql(path_, std::string(schema::kVersion1Sql) + "PRAGMA user_version = 9;"));
  auto days = ReadHistoryDays(path_, At(t0_), 1);
  ASSERT_FALSE(days.ok());
  EXPECT_EQ(days.error().code, "history_newer");
}

}  // namespace
}  // namespace unsit
