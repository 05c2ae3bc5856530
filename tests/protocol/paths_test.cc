#include "protocol/paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace unsit::protocol {
namespace {

using test_support::TempDir;

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(lstat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST(RuntimeDirFor, UsesXdgRuntimeDir) {
  RuntimeDir dir = RuntimeDirFor(std::string("/run/user/1000"), 1000);
  EXPECT_EQ(dir.dir, "/run/user/1000/unsit");
  EXPECT_TRUE(dir.warning.empty());
  EXPECT_EQ(SocketPathIn(dir.dir), "/run/user/1000/unsit/control.sock");
}

TEST(RuntimeDirFor, FallsBackWithAWarning) {
  for (const auto& xdg : {std::optional<std::string>(), std::optional<std::string>(""),
                          std::optional<std::string>("relative/dir")}) {
    RuntimeDir dir = RuntimeDirFor(xdg, 1234);
    EXPECT_EQ(dir.dir, "/tmp/unsit-1234");
    EXPECT_NE(dir.warning.find("XDG_RUNTIME_DIR"), std::string::npos);
  }
}

TEST(EnsurePrivateDir, CreatesWithMode0700) {
  TempDir temp;
  std::string dir = temp.path() + "/unsit";
  ASSERT_TRUE(EnsurePrivateDir(dir, geteuid()).ok());
  EXPECT_EQ(ModeOf(dir), 0700u);
  ASSERT_TRUE(EnsurePrivateDir(dir, geteuid()).ok());  // idempotent
}

TEST(EnsurePrivateDir, TightensALooseDirectoryOfOurs) {
  TempDir temp;
  std::string dir = temp.path() + "/unsit";
  ASSERT_EQ(mkdir(dir.c_str(), 0755), 0);
  ASSERT_TRUE(EnsurePrivateDir(dir, geteuid()).ok());
  EXPECT_EQ(ModeOf(dir), 0700u);
}

TEST(EnsurePrivateDir, RefusesSomeoneElsesDirectory) {
  TempDir temp;
  std::string dir = temp.path() + "/unsit";
  ASSERT_EQ(mkdir(dir.c_str(), 0755), 0);
  Status status = EnsurePrivateDir(dir, geteuid() + 1);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("belongs to"), std::string::npos);
  EXPECT_EQ(ModeOf(dir), 0755u);  // never changed
}

TEST(EnsurePrivateDir, RefusesASymlink) {
  TempDir temp;
  std::string dir = temp.path() + "/unsit";
  ASSERT_EQ(symlink(temp.path().c_str(), dir.c_str()), 0);
  EXPECT_FALSE(EnsurePrivateDir(dir, geteuid()).ok());
}

TEST(CheckSocketPathLength, RejectsOverlongPaths) {
  EXPECT_TRUE(CheckSocketPathLength("/run/user/1/unsit/control.sock").ok());
  EXPECT_FALSE(CheckSocketPathLength("/" + std::string(200, 'x')).ok());
}

}  // namespace
}  // namespace unsit::protocol
