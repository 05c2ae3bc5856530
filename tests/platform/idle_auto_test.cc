#include "platform/idle_auto.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

// "name" for a candidate, "-name" for a listed non-candidate.
std::vector<std::string> Summary(const IdleEnvironment& environment) {
  std::vector<std::string> out;
  for (const AutoCandidate& c : AutoIdleOrder(environment)) {
    EXPECT_FALSE(c.reason.empty()) << c.name;
    out.push_back((c.candidate ? "" : "-") + c.name);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(IdleAutoTest, GnomeWayland) {
  IdleEnvironment env{"wayland", "ubuntu:GNOME", true, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11"}));
  EXPECT_NE(AutoIdleOrder(env)[3].reason.find("XWayland"), std::string::npos);
  EXPECT_NE(AutoIdleOrder(env)[0].reason.find("GNOME"), std::string::npos);
}

TEST(IdleAutoTest, GnomeX11) {
  IdleEnvironment env{"x11", "GNOME", false, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "x11"}));
}

TEST(IdleAutoTest, KdeWaylandNeverUsesTheScreenSaverIdleTime) {
  IdleEnvironment env{"wayland", "KDE", true, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11"}));
  for (const AutoCandidate& c : AutoIdleOrder(env)) {
    EXPECT_EQ(c.name.find("screensaver"), std::string::npos);
  }
}

TEST(IdleAutoTest, Sway) {
  IdleEnvironment env{"wayland", "sway", true, false};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11"}));
  EXPECT_EQ(AutoIdleOrder(env)[3].reason, "DISPLAY is not set");
}

TEST(IdleAutoTest, WaylandDisplayWithoutSessionTypeStillSkipsXWayland) {
  IdleEnvironment env{"", "", true, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11"}));
}

TEST(IdleAutoTest, X11WindowManager) {
  IdleEnvironment env{"x11", "i3", false, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "x11"}));
  EXPECT_EQ(AutoIdleOrder(env)[1].reason, "WAYLAND_DISPLAY is not set");
}

TEST(IdleAutoTest, NothingLeavesOnlyTheSessionBusProbe) {
  IdleEnvironment env;
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "-x11"}));
}

TEST(IdleAutoTest, DesktopIsMatchesAnyPartIgnoringCase) {
  IdleEnvironment env{"", "ubuntu:GNOME", false, false};
  EXPECT_TRUE(DesktopIs(env, "gnome"));
  EXPECT_TRUE(DesktopIs(env, "Ubuntu"));
  EXPECT_FALSE(DesktopIs(env, "gnom"));
}

}  // namespace
}  // namespace unsit
