// quiet_hours and working_hours: spans by weekday, and every refusal with its
// FILE:LINE:COLUMN.
#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using Spans = std::vector<QuietWindow>;

std::string ErrorOf(const std::string& yaml) {
  Result<Config> config = ParseConfig(yaml, "u.yaml");
  if (config.ok()) return "(parsed without error)";
  EXPECT_EQ(config.error().code, "config");
  return config.error().message;
}

constexpr Weekdays kMonFri = 0x1f;
constexpr Weekdays kWeekend = 0x60;

TEST(ConfigScheduleTest, ReadsEveryForm) {
  Result<Config> config = ParseConfig(R"(quiet_hours:
  - "22:00-07:00"
  - {days: [sat, sun]}
  - {days: mon, to: "09:00"}
  - days: fri
    from: "18:00"
  - {days: "mon-fri", from: "12:00", to: "13:00"}
working_hours:
  - {days: mon-fri, from: "08:30", to: "17:30"}
)",
                                      "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->quiet_hours, (Spans{{1320min, 420min},
                                        {0min, 0min, kWeekend},
                                        {0min, 540min, 0x01},
                                        {1080min, 0min, 0x10},
                                        {720min, 780min, kMonFri}}));
  EXPECT_EQ(config->working_hours, (Spans{{510min, 1050min, kMonFri}}));
}

TEST(ConfigScheduleTest, PlainStringsKeepTheirMeaning) {
  Result<Config> config = ParseConfig("quiet_hours: [\"12:00-13:00\", 22:00-7:00]\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->quiet_hours,
            (Spans{{720min, 780min, kEveryDay}, {1320min, 420min, kEveryDay}}));
  EXPECT_TRUE(config->working_hours.empty());
}

TEST(ConfigScheduleTest, RefusesUnknownDays) {
  EXPECT_EQ(ErrorOf("quiet_hours:\n  - {days: mon-fry}\n"),
            "u.yaml:2:12: quiet_hours[0].days: \"mon-fry\" is not a list of days, expected day "
            "names (mon, tue, wed, thu, fri, sat, sun) and ranges like mon-fri, each day once");
  EXPECT_EQ(ErrorOf("working_hours:\n  - days: [mon, Tuesday]\n    from: \"09:00\"\n"),
            "u.yaml:2:11: working_hours[0].days: \"mon,Tuesday\" is not a list of days, expected "
            "day names (mon, tue, wed, thu, fri, sat, sun) and ranges like mon-fri, each day once");
}

TEST(ConfigScheduleTest, RefusesADayTwice) {
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: \"mon-fri,wed\"}]\n"),
            "u.yaml:1:22: quiet_hours[0].days: \"mon-fri,wed\" is not a list of days, expected "
            "day names (mon, tue, wed, thu, fri, sat, sun) and ranges like mon-fri, each day once");
}

TEST(ConfigScheduleTest, SaysWhenACommaSplitsTheDays) {
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: sat,sun}]\n"),
            "u.yaml:1:26: quiet_hours[0]: the day \"sun\" is read as a key (in {...} a comma "
            "separates keys), expected days: [sat, sun] or days: \"sat,sun\"");
}

TEST(ConfigScheduleTest, RefusesMappingsWithoutDaysOrWithBadTimes) {
  EXPECT_EQ(ErrorOf("quiet_hours: [{from: \"12:00\", to: \"13:00\"}]\n"),
            "u.yaml:1:15: quiet_hours[0] has no days, expected days like mon-fri or sat,sun (a "
            "span for every day is written \"22:00-07:00\")");
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: mon, to: \"9\"}]\n"),
            "u.yaml:1:31: quiet_hours[0].to: \"9\" is not a time of day, expected a time of day "
            "HH:MM from 00:00 to 23:59");
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: mon, from: \"09:00\", to: \"09:00\"}]\n"),
            "u.yaml:1:15: quiet_hours[0]: the span begins and ends at the same time, expected "
            "different times (leave out from and to for whole days)");
  EXPECT_EQ(
      ErrorOf("quiet_hours: [{days: mon, until: \"09:00\"}]\n"),
      "u.yaml:1:27: unknown key \"until\" in quiet_hours[0], expected one of: days, from, to");
}

TEST(ConfigScheduleTest, SuggestsTheMappingForBareDays) {
  EXPECT_EQ(ErrorOf("quiet_hours: [sat]\n"),
            "u.yaml:1:15: quiet_hours[0]: \"sat\" is not a span of time (whole days are written "
            "{days: \"sat\"}), expected a list of local times like [\"12:00-13:00\", "
            "\"22:00-07:00\"] (start and end differ)");
}

TEST(ConfigScheduleTest, RefusesAWeekWithNoTimeForReminders) {
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: mon-fri}, {days: [sat, sun]}]\n"),
            "u.yaml:1:14: quiet_hours cover the whole week: no reminder could ever be shown, "
            "expected some time of the week outside them");
  // Whole days are fine while the week keeps some time.
  EXPECT_EQ(ErrorOf("quiet_hours: [{days: mon-fri}, {days: sat}]\n"), "(parsed without error)");
}

TEST(ConfigScheduleTest, RefusesFormsThatContradict) {
  EXPECT_EQ(ErrorOf("working_hours: [{days: sat, from: \"10:00\", to: \"12:00\"}]\n"
                    "quiet_hours: [{days: [sat, sun]}]\n"),
            "u.yaml:1:16: quiet_hours and working_hours together leave no time for reminders, "
            "expected some working time outside the quiet hours");
  EXPECT_EQ(ErrorOf("working_hours: []\n"),
            "u.yaml:1:16: working_hours is an empty list: reminders could never be shown, "
            "expected at least one span, or no working_hours for reminders at any time");
}

}  // namespace
}  // namespace unsit
