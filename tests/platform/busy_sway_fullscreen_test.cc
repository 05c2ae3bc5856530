// What sway's GET_TREE reply says about fullscreen: the focused node, or a
// container holding it, with a fullscreen_mode other than 0. The trees are
// cut down from real replies of a headless sway.
#include "platform/busy_sway_fullscreen.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "core/error_codes.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

// A root, an output, a workspace (sway says fullscreen_mode 1 of each) and two
// windows; `mode` is the first window's
// fullscreen_mode, and `focus_first` says which window has the focus.
std::string Tree(int mode, bool focus_first) {
  const std::string first = R"({"id":5,"type":"con","focused":)" +
                            std::string(focus_first ? "true" : "false") + R"(,"fullscreen_mode":)" +
                            std::to_string(mode) + R"(,"nodes":[]})";
  const std::string second = R"({"id":6,"type":"con","focused":)" +
                             std::string(focus_first ? "false" : "true") +
                             R"(,"fullscreen_mode":0,"nodes":[]})";
  return R"({"id":1,"type":"root","focused":false,"nodes":[{"id":3,"type":"output",)"
         R"("nodes":[{"id":4,"type":"workspace","fullscreen_mode":1,"nodes":[)" +
         first + "," + second + R"(],"floating_nodes":[]}]}]})";
}

TEST(SwayFocusedFullscreen, FocusedWindowInWorkspaceFullscreen) {
  EXPECT_EQ(SwayFocusedFullscreen(Tree(1, true)), true);
}

TEST(SwayFocusedFullscreen, GlobalFullscreenCounts) {
  EXPECT_EQ(SwayFocusedFullscreen(Tree(2, true)), true);
}

TEST(SwayFocusedFullscreen, FocusOnAnotherWindowIsNotFullscreen) {
  EXPECT_EQ(SwayFocusedFullscreen(Tree(1, false)), false);
}

TEST(SwayFocusedFullscreen, NoFullscreenWindow) {
  EXPECT_EQ(SwayFocusedFullscreen(Tree(0, true)), false);
}

// A fullscreen container whose child holds the focus is fullscreen.
TEST(SwayFocusedFullscreen, FullscreenContainerAboveTheFocus) {
  EXPECT_EQ(
      SwayFocusedFullscreen(R"({"focused":false,"nodes":[{"type":"con","fullscreen_mode":1,)"
                            R"("nodes":[{"type":"con","focused":true,"fullscreen_mode":0}]}]})"),
      true);
}

TEST(SwayFocusedFullscreen, FocusedFloatingWindow) {
  EXPECT_EQ(
      SwayFocusedFullscreen(R"({"nodes":[],"floating_nodes":[)"
                            R"({"type":"floating_con","focused":true,"fullscreen_mode":1}]})"),
      true);
}

TEST(SwayFocusedFullscreen, FocusedEmptyWorkspaceIsNotFullscreen) {
  EXPECT_EQ(SwayFocusedFullscreen(R"({"nodes":[{"type":"workspace","focused":true,)"
                                  R"("fullscreen_mode":1,"nodes":[]}]})"),
            false);
}

TEST(SwayFocusedFullscreen, NothingFocused) {
  EXPECT_EQ(SwayFocusedFullscreen(R"({"focused":false,"nodes":[]})"), false);
}

TEST(SwayFocusedFullscreen, NotATree) {
  EXPECT_EQ(SwayFocusedFullscreen("not json"), std::nullopt);
  EXPECT_EQ(SwayFocusedFullscreen("[1,2]"), std::nullopt);
}

TEST(SwayEventMayChangeFullscreen, FocusAndFullscreenChangesCount) {
  for (const char* change : {"focus", "fullscreen_mode", "close", "new", "move", "floating"}) {
    EXPECT_TRUE(SwayEventMayChangeFullscreen(std::string(R"({"change":")") + change +
                                             R"(","container":{"id":5}})"))
        << change;
  }
}

TEST(SwayEventMayChangeFullscreen, RetitlingDoesNotCount) {
  for (const char* change : {"title", "mark", "urgent", "rename"}) {
    EXPECT_FALSE(SwayEventMayChangeFullscreen(std::string(R"({"change":")") + change + R"("})"))
        << change;
  }
}

TEST(SwayEventMayChangeFullscreen, UnreadableEventCounts) {
  EXPECT_TRUE(SwayEventMayChangeFullscreen("{"));
}

// Outside sway the source is skipped, with the reason doctor shows.
TEST(SwayFullscreenMaker, SwaysockUnset) {
  test_support::ScopedEnv env;
  env.Unset("SWAYSOCK");
  boost::asio::io_context io;
  Config config;
  auto made = MakeSwayFullscreenBusySource(PlatformContext{io, nullptr, config, {}});
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().code, errc::kUnavailable);
  EXPECT_EQ(made.error().message, "SWAYSOCK is not set: not a sway session");
}

TEST(SwayFullscreenMaker, NoSocketThere) {
  test_support::ScopedEnv env;
  test_support::TempDir dir;
  env.Set("SWAYSOCK", dir.path() + "/sway-ipc.sock");
  boost::asio::io_context io;
  Config config;
  auto made = MakeSwayFullscreenBusySource(PlatformContext{io, nullptr, config, {}});
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().code, errc::kUnavailable);
  EXPECT_NE(made.error().message.find("sway's IPC at "), std::string::npos);
}

}  // namespace
}  // namespace unsit
