// The camera source against real inotify on real files: a directory of plain
// files named like video4linux nodes stands in for /dev, and a child process
// of this user holding one open stands in for a video call.
#include "platform/busy_camera.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <string>

#include "support/child.h"
#include "support/run_until.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using test_support::Child;
using test_support::RunUntil;
using test_support::TempDir;

constexpr HoldReasons kCall{HoldReason::kCall};

// A child that holds `path` open until it is stopped.
Child HoldOpen(const std::string& path) {
  return Child({"sh", "-c", "exec 3<\"$0\"; exec sleep 60", path});
}

class BusyCameraTest : public ::testing::Test {
 protected:
  void MakeNode(const std::string& name) { std::ofstream(dir_.path() + "/" + name) << ""; }
  // Starts the source on `dir_`; reports land in `reported_`.
  void Start() {
    auto made = MakeCameraBusySource(io_, dir_.path());
    ASSERT_TRUE(made.ok()) << made.error().message;
    source_ = std::move(*made);
    source_->Start([this](HoldReasons reasons) { reported_ = reasons; });
  }
  bool Reports(HoldReasons want) {
    return RunUntil(
        io_, [&] { return reported_ == want; }, 5s);
  }

  boost::asio::io_context io_;
  TempDir dir_;
  std::unique_ptr<BusySource> source_;
  std::optional<HoldReasons> reported_;
};

TEST_F(BusyCameraTest, NoVideoNodeIsASkippedSource) {
  MakeNode("audio0");
  auto made = MakeCameraBusySource(io_, dir_.path());
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("no camera"), std::string::npos) << made.error().message;
}

TEST_F(BusyCameraTest, OpenedByAnotherProcessIsACallUntilClosed) {
  MakeNode("video0");
  Start();
  ASSERT_TRUE(Reports({})) << "the first report says free";
  Child holder = HoldOpen(dir_.path() + "/video0");
  ASSERT_TRUE(holder.started());
  EXPECT_TRUE(Reports(kCall)) << "IN_OPEN did not lead to a call";
  holder.Stop();
  EXPECT_TRUE(Reports({})) << "IN_CLOSE did not free it";
}

TEST_F(BusyCameraTest, AlreadyOpenAtStartIsACall) {
  MakeNode("video0");
  Child holder = HoldOpen(dir_.path() + "/video0");
  ASSERT_TRUE(holder.started());
  // Until the shell has opened it: before its exec, fd 3 of the child may be
  // another file (the spawner's own pipe).
  const std::string fd = "/proc/" + std::to_string(holder.pid()) + "/fd/3";
  const std::string node = dir_.path() + "/video0";
  auto holds_node = [&] {
    char target[4096];
    const ssize_t n = readlink(fd.c_str(), target, sizeof target);
    return n > 0 && std::string(target, static_cast<std::size_t>(n)) == node;
  };
  ASSERT_TRUE(RunUntil(io_, holds_node, 5s));
  Start();
  ASSERT_TRUE(RunUntil(
      io_, [&] { return reported_.has_value(); }, 5s));
  EXPECT_EQ(reported_, kCall);
}

TEST_F(BusyCameraTest, ANodeAddedLaterIsWatched) {
  MakeNode("video0");
  Start();
  ASSERT_TRUE(Reports({}));
  MakeNode("video2");
  Child holder = HoldOpen(dir_.path() + "/video2");
  ASSERT_TRUE(holder.started());
  EXPECT_TRUE(Reports(kCall)) << "a node created after Start was not watched";
}

TEST_F(BusyCameraTest, OwnOpensAreNotACall) {
  MakeNode("video0");
  Start();
  ASSERT_TRUE(Reports({}));
  reported_.reset();
  {
    std::ifstream self(dir_.path() + "/video0");
    RunUntil(
        io_, [&] { return reported_.has_value(); }, 500ms);
  }
  EXPECT_NE(reported_, kCall) << "this process's own open counted as a call";
}

}  // namespace
}  // namespace unsit
