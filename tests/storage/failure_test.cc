// Damaged, newer, unreadable and full: the store says what happened and never
// loses what was already recorded.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "storage/history_store_sqlite.h"
#include "storage/schema.h"
#include "storage_test_util.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using namespace storage_testing;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> CorruptFiles(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".corrupt-") != std::string::npos) found.push_back(entry.path().string());
  }
  return found;
}

class FailureTest : public storage_testing::HistoryFileTest {
 protected:
  // Writes `bouts` one-minute bouts through a store and closes it.
  void Fill(int bouts) {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < bouts; ++i) {
      WallTime w = t0_ + std::chrono::minutes(2 * i);
      BootTime b = At(w).boot;
      ASSERT_TRUE(
          (*store)
              ->Record(At(w + 1min), out::BoutClosed{b, b + 1min, w, w + 1min, BoutEnd::kBreak})
              .ok());
    }
  }
  void ExpectMovedAsideAndStartedAgain(const std::string& old_bytes) {
    auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
    ASSERT_TRUE(store.ok()) << store.error().message;
    const std::optional<Error>& notice = (*store)->notice();
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->code, "history_corrupt");
    std::vector<std::string> moved = CorruptFiles(dir_.path());
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_NE(notice->message.find(moved[0]), std::string::npos) << notice->message;
    EXPECT_EQ(ReadAll(moved[0]), old_bytes) << "the damaged file is kept as it was";
    EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 0);
    EXPECT_EQ(QueryInt(path_, "PRAGMA user_version"), schema::kSchemaVersion);
    EXPECT_TRUE(storage_testing::IntegrityOk(path_));
  }

  storage_testing::ScopedTz tz_{"UTC"};
  WallTime t0_ = storage_testing::Local(2026, 11, 20, 9, 0);
};

TEST_F(FailureTest, NotADatabaseIsMovedAside) {
  std::string garbage(8192, 'x');
  std::ofstream(path_, std::ios::binary) << garbage;
  ExpectMovedAsideAndStartedAgain(garbage);
}

TEST_F(FailureTest, DamagedPagesAreMovedAside) {
  Fill(300);
  std::string bytes = ReadAll(path_);
  ASSERT_GT(bytes.size(), 3 * 4096u);
  for (size_t i = 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(0xA5);
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  ExpectMovedAsideAndStartedAgain(bytes);
}

TEST_F(FailureTest, NewerVersionIsRefusedAndLeftUntouched) {
  Fill(3);
  ASSERT_TRUE(storage_testing::ExecSql(path_, "PRAGMA user_version = 7"));
  std::string before = ReadAll(path_);
  auto store = SqliteHistoryStore::Open(path_, Config::History{}, "boot-a");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, "history_newer");
  EXPECT_NE(store.error().message.find("newer"), std::string::npos);
  EXPECT_EQ(ReadAll(path_), before);
  EXPECT_TRUE(CorruptFiles(dir_.path()).empty());
}

// Opens the store as a user who may not read the file; exit code 0 when the
// store refused with history_unreadable.
int OpenAsStranger(const std::string& path) {
  pid_t child = fork();
  if (child == 0) {
    if (geteuid() == 0 && setuid(65534) != 0) _exit(3);
    auto store = SqliteHistoryStore::Open(path, Config::History{}, "boot-a");
    _exit(!store.ok() && store.error().code == "history_unreadable" ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

TEST_F(FailureTest, UnreadableFileIsRefusedAndLeftUntouched) {
  Fill(3);
  chmod(dir_.path().c_str(), 0755);
  chmod(path_.c_str(), geteuid() == 0 ? 0600 : 0000);
  std::string before = ReadAll(path_);
  EXPECT_EQ(OpenAsStranger(path_), 0);
  chmod(path_.c_str(), 0600);
  EXPECT_EQ(ReadAll(path_), before);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), 3);
  EXPECT_TRUE(CorruptFiles(dir_.path()).empty());
}

// In a child (the file size limit is per process): records bouts until the
// disk is "full", checks that Record says so and keeps them, then lifts the
// limit and checks that everything is written. Exit code 0 on success;
// the number of bouts it recorded goes to `count_file`.
int DiskFullChild(const std::string& path, WallTime t0, const std::string& count_file) {
  signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead
  auto store = SqliteHistoryStore::Open(path, Config::History{}, "boot-a");
  if (!store.ok()) return 10;
  auto record = [&](int i) {
    WallTime w = t0 + std::chrono::minutes(2 * i);
    BootTime b = At(w).boot;
    return (*store)->Record(At(w + 1min),
                            out::BoutClosed{b, b + 1min, w, w + 1min, BoutEnd::kBreak});
  };
  int i = 0;
  for (; i < 20; ++i) {
    if (!record(i).ok()) return 11;
  }
  rlimit limit{};
  getrlimit(RLIMIT_FSIZE, &limit);
  rlim_t hard = limit.rlim_max;
  struct stat st {};
  stat((path + "-wal").c_str(), &st);
  limit.rlim_cur = static_cast<rlim_t>(st.st_size) + 16 * 1024;
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return 12;
  bool failed = false;
  for (; i < 5000 && !failed; ++i) {
    Status s = record(i);
    failed = !s.ok();
    if (failed && s.error().code != "history_full" && s.error().code != "history_io") return 13;
  }
  if (!failed || (*store)->Unwritten() != 1) return 14;
  Status again = record(i++);  // still full: both wait
  if (again.ok() || (*store)->Unwritten() != 2) return 15;
  limit.rlim_cur = hard;
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return 16;
  if (!record(i++).ok() || (*store)->Unwritten() != 0) return 17;
  std::ofstream(count_file) << i;
  return 0;
}

TEST_F(FailureTest, DiskFullKeepsWhatWasRecordedAndResumes) {
  std::string count_file = dir_.File("count");
  pid_t child = fork();
  if (child == 0) _exit(DiskFullChild(path_, t0_, count_file));
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  int recorded = std::stoi(ReadAll(count_file));
  EXPECT_GT(recorded, 22);
  EXPECT_EQ(QueryInt(path_, "SELECT count(*) FROM bouts"), recorded);
  EXPECT_EQ(QueryInt(path_, "SELECT count(DISTINCT start_wall) FROM bouts"), recorded);
  EXPECT_TRUE(storage_testing::IntegrityOk(path_));
}

}  // namespace
}  // namespace unsit
