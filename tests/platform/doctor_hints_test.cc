#include "platform/doctor_hints.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

bool Mentions(const std::vector<DoctorHint>& hints, const std::string& text) {
  for (const DoctorHint& hint : hints) {
    if (hint.problem.find(text) != std::string::npos || hint.fix.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(DoctorHintsTest, AllWellSaysNothing) {
  DoctorFacts facts;
  facts.environment = {"wayland", "sway", true, false};
  facts.chosen_backend = "kde-idle";
  EXPECT_TRUE(DoctorHints(facts).empty());
}

TEST(DoctorHintsTest, WaylandDisplayMissingInTheUserManager) {
  DoctorFacts facts;
  facts.environment = {"wayland", "sway", false, false};
  facts.under_systemd = true;
  auto hints = DoctorHints(facts);
  ASSERT_FALSE(hints.empty());
  EXPECT_NE(hints[0].problem.find("WAYLAND_DISPLAY is not set"), std::string::npos);
  EXPECT_NE(hints[0].fix.find("systemctl --user import-environment WAYLAND_DISPLAY"),
            std::string::npos);
  EXPECT_TRUE(Mentions(hints, "fixed schedule"));
}

TEST(DoctorHintsTest, NoDisplayOutsideSystemdSaysWhereToStart) {
  DoctorFacts facts;
  auto hints = DoctorHints(facts);
  ASSERT_GE(hints.size(), 2u);
  EXPECT_NE(hints[0].fix.find("inside the graphical session"), std::string::npos);
  EXPECT_TRUE(Mentions(hints, "fixed schedule"));
}

TEST(DoctorHintsTest, X11DisplayMissing) {
  DoctorFacts facts;
  facts.environment = {"x11", "i3", false, false};
  facts.under_systemd = true;
  EXPECT_TRUE(Mentions(DoctorHints(facts), "import-environment DISPLAY"));
}

TEST(DoctorHintsTest, GnomeWithoutMutterPointsAtTheSessionBus) {
  DoctorFacts facts;
  facts.environment = {"wayland", "GNOME", true, true};
  facts.session_bus = true;
  EXPECT_TRUE(Mentions(DoctorHints(facts), "org.gnome.Mutter.IdleMonitor"));
  facts.session_bus = false;
  EXPECT_TRUE(Mentions(DoctorHints(facts), "DBUS_SESSION_BUS_ADDRESS"));
}

TEST(DoctorHintsTest, CompositorWithoutIdleProtocols) {
  DoctorFacts facts;
  facts.environment = {"wayland", "weston", true, false};
  facts.candidates = {
      {"mutter", false, "org.gnome.Mutter.IdleMonitor is not on the session bus"},
      {"ext-idle-notify", false, "the Wayland compositor does not offer ext_idle_notifier_v1."},
      {"kde-idle", false, "the Wayland compositor does not offer org_kde_kwin_idle."}};
  EXPECT_TRUE(Mentions(DoctorHints(facts), "ext-idle-notify-v1"));
}

TEST(DoctorHintsTest, BackendNoneIsAChoiceNotABug) {
  DoctorFacts facts;
  facts.wanted_backend = "none";
  auto hints = DoctorHints(facts);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_NE(hints[0].fix.find("idle.backend: auto"), std::string::npos);
}

TEST(DoctorHintsTest, InputOnlyWithKdeIdle) {
  DoctorFacts facts;
  facts.environment = {"wayland", "sway", true, false};
  facts.chosen_backend = "kde-idle";
  facts.respect_inhibitors = false;
  EXPECT_TRUE(Mentions(DoctorHints(facts), "inhibitors"));
}

TEST(DoctorHintsTest, LogindIsCoarse) {
  DoctorFacts facts;
  facts.environment = {"wayland", "sway", true, false};
  facts.wanted_backend = "logind";
  facts.chosen_backend = "logind";
  auto hints = DoctorHints(facts);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_NE(hints[0].problem.find("logind's IdleHint, which is coarse"), std::string::npos);
  EXPECT_NE(hints[0].problem.find("the desktop decides"), std::string::npos);
  EXPECT_NE(hints[0].fix.find("`exec swayidle idlehint 60`"), std::string::npos);
  EXPECT_NE(hints[0].fix.find("idle protocol"), std::string::npos);
}

// `auto` fell back to logind: why the precise sources failed comes first, and
// there is no fixed schedule to speak of.
TEST(DoctorHintsTest, LogindByAutoSaysWhyThePreciseSourcesFailed) {
  DoctorFacts facts;
  facts.environment = {"wayland", "sway", false, false};
  facts.under_systemd = true;
  facts.chosen_backend = "logind";
  auto hints = DoctorHints(facts);
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_NE(hints[0].fix.find("systemctl --user import-environment WAYLAND_DISPLAY"),
            std::string::npos);
  EXPECT_NE(hints[1].problem.find("coarse"), std::string::npos);
  EXPECT_FALSE(Mentions(hints, "fixed schedule"));
}

TEST(DoctorHintsTest, NoSystemBus) {
  DoctorFacts facts;
  facts.environment = {"x11", "i3", false, true};
  facts.chosen_backend = "x11";
  facts.session_watch_error = "no system bus";
  auto hints = DoctorHints(facts);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_NE(hints[0].fix.find("clock check"), std::string::npos);
}

}  // namespace
}  // namespace unsit
