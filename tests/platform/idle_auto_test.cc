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
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11", "logind"}));
  EXPECT_NE(AutoIdleOrder(env)[3].reason.find("XWayland"), std::string::npos);
  EXPECT_NE(AutoIdleOrder(env)[0].reason.find("GNOME"), std::string::npos);
}

TEST(IdleAutoTest, GnomeX11) {
  IdleEnvironment env{"x11", "GNOME", false, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "x11", "logind"}));
}

TEST(IdleAutoTest, KdeWaylandNeverUsesTheScreenSaverIdleTime) {
  IdleEnvironment env{"wayland", "KDE", true, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11", "logind"}));
  for (const AutoCandidate& c : AutoIdleOrder(env)) {
    EXPECT_EQ(c.name.find("screensaver"), std::string::npos);
  }
}

TEST(IdleAutoTest, Sway) {
  IdleEnvironment env{"wayland", "sway", true, false};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11", "logind"}));
  EXPECT_EQ(AutoIdleOrder(env)[3].reason, "DISPLAY is not set");
}

TEST(IdleAutoTest, WaylandDisplayWithoutSessionTypeStillSkipsXWayland) {
  IdleEnvironment env{"", "", true, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "ext-idle-notify", "kde-idle", "-x11", "logind"}));
}

TEST(IdleAutoTest, X11WindowManager) {
  IdleEnvironment env{"x11", "i3", false, true};
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "x11", "logind"}));
  EXPECT_EQ(AutoIdleOrder(env)[1].reason, "WAYLAND_DISPLAY is not set");
}

TEST(IdleAutoTest, NothingLeavesOnlyTheBusProbes) {
  IdleEnvironment env;
  EXPECT_EQ(Summary(env), (V{"mutter", "-ext-idle-notify", "-kde-idle", "-x11", "logind"}));
}

// logind's IdleHint is tried last, everywhere, and said to be coarse.
TEST(IdleAutoTest, LogindIsAlwaysTheLastResort) {
  for (const IdleEnvironment& env :
       {IdleEnvironment{}, IdleEnvironment{"x11", "GNOME", false, true},
        IdleEnvironment{"wayland", "sway", true, false}}) {
    const std::vector<AutoCandidate> order = AutoIdleOrder(env);
    ASSERT_EQ(order.size(), 5u);
    EXPECT_EQ(order.back().name, "logind");
    EXPECT_TRUE(order.back().candidate);
    EXPECT_NE(order.back().reason.find("coarse"), std::string::npos) << order.back().reason;
  }
}

TEST(IdleAutoTest, DesktopIsMatchesAnyPartIgnoringCase) {
  IdleEnvironment env{"", "ubuntu:GNOME", false, false};
  EXPECT_TRUE(DesktopIs(env, "gnome"));
  EXPECT_TRUE(DesktopIs(env, "Ubuntu"));
  EXPECT_FALSE(DesktopIs(env, "gnom"));
}

}  // namespace
}  // namespace unsit
