// What doctor says about the desktop: the program behind a real listening
// Unix socket named by WAYLAND_DISPLAY, and where servers hide the buttons.
#include "platform/desktop_info.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "support/scoped_env.h"

namespace unsit {
namespace {

using test_support::ScopedEnv;

TEST(DesktopInfoTest, ReadsTheVersionLineOfKWinSupportInformation) {
  // The head of KWin 5.27's supportInformation, as Debian 12's kwin_wayland sends it.
  EXPECT_EQ(KWinVersion("KWin Support Information:\n"
                        "The following information should be used when requesting support\n"
                        "==========================\n\n"
                        "Version\n=======\nKWin version: 5.27.5\nQt Version: 5.15.8\n"),
            "5.27.5");
  EXPECT_EQ(KWinVersion("KWin version: 6.0.1"), "6.0.1");
  EXPECT_EQ(KWinVersion("Qt Version: 5.15.8\n"), "");
  EXPECT_EQ(KWinVersion(""), "");
}

TEST(DesktopInfoTest, NamesTheProgramListeningOnTheWaylandSocket) {
  std::string dir = std::filesystem::temp_directory_path() / "unsit-desktop-XXXXXX";
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  std::string path = dir + "/wayland-test";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  {
    ScopedEnv runtime("XDG_RUNTIME_DIR", dir);
    ScopedEnv display("WAYLAND_DISPLAY", "wayland-test");
    auto compositor = WaylandCompositor();
    ASSERT_TRUE(compositor.has_value());
    // This process listens: its name as /proc shows it, and its pid.
    EXPECT_EQ(compositor->name, "unsit_tests");
    EXPECT_EQ(compositor->pid, getpid());
    ScopedEnv absolute("WAYLAND_DISPLAY", path);
    EXPECT_EQ(WaylandCompositor(), compositor);
    ScopedEnv missing("WAYLAND_DISPLAY", dir + "/none");
    EXPECT_FALSE(WaylandCompositor().has_value());
  }
  close(fd);
  std::filesystem::remove_all(dir);
}

TEST(DesktopInfoTest, SaysWhereDunstAndMakoKeepTheButtons) {
  EXPECT_NE(HiddenActionsHint("dunst").find("dunstctl context"), std::string::npos);
  EXPECT_NE(HiddenActionsHint("mako").find("makoctl menu"), std::string::npos);
  EXPECT_EQ(HiddenActionsHint("gnome-shell"), "");
  EXPECT_EQ(HiddenActionsHint(""), "");
}

}  // namespace
}  // namespace unsit
