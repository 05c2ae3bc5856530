#include "control/instance_lock.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace unsit {
namespace {

class InstanceLockTest : public ::testing::Test {
 protected:
  InstanceLockTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "unsit-lock-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~InstanceLockTest() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(InstanceLockTest, FirstWinsAndWritesItsPid) {
  auto lock = AcquireInstanceLock(dir_);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(lock->socket_path(), dir_ + "/control.sock");
  std::ifstream file(lock->lock_path());
  std::string pid;
  file >> pid;
  EXPECT_EQ(pid, std::to_string(getpid()));
}

TEST_F(InstanceLockTest, SecondIsRefusedAndNamesTheFirst) {
  auto first = AcquireInstanceLock(dir_);
  ASSERT_TRUE(first.ok());
  std::ofstream(dir_ + "/control.sock") << "the first one's socket";
  auto second = AcquireInstanceLock(dir_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "running");
  EXPECT_NE(second.error().message.find("pid " + std::to_string(getpid())), std::string::npos);
  EXPECT_NE(second.error().message.find(dir_ + "/control.sock"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/control.sock"));  // untouched
}

TEST_F(InstanceLockTest, ReleasedWhenDestroyed) {
  {
    auto first = AcquireInstanceLock(dir_);
    ASSERT_TRUE(first.ok());
  }
  auto again = AcquireInstanceLock(dir_);
  EXPECT_TRUE(again.ok());
}

TEST_F(InstanceLockTest, MovedLockStaysHeld) {
  auto first = AcquireInstanceLock(dir_);
  ASSERT_TRUE(first.ok());
  InstanceLock moved = std::move(first).value();
  EXPECT_FALSE(AcquireInstanceLock(dir_).ok());
}

TEST_F(InstanceLockTest, MissingDirectoryIsAnError) {
  auto lock = AcquireInstanceLock(dir_ + "/absent");
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.error().code, "io");
}

}  // namespace
}  // namespace unsit
