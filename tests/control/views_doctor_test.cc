#include "control/views.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

// A reason with a detail travels in English and, beside it, in the daemon's
// language; a fixed one (looked up by the CLI) carries no reason_text.
TEST(DoctorJson, ReasonTextOnlyWhereTheDaemonMadeOne) {
  DoctorReport report;
  report.busy_candidates = {{"gsettings", true, "watching show-banners", "beobachtet show-banners"},
                            {"camera", false, "not built into this binary"}};
  report.indicator = "not shown: why";
  report.indicator_text = "nicht angezeigt: warum";
  const protocol::Json json = DoctorJson(report);
  const protocol::Json& busy = json["busy_sources"];
  ASSERT_EQ(busy.size(), 2u);
  EXPECT_EQ(busy[0]["reason"], "watching show-banners");
  EXPECT_EQ(busy[0]["reason_text"], "beobachtet show-banners");
  EXPECT_FALSE(busy[1].contains("reason_text"));
  EXPECT_EQ(json["indicator"], "not shown: why");
  EXPECT_EQ(json["indicator_text"], "nicht angezeigt: warum");
}

}  // namespace
}  // namespace unsit
