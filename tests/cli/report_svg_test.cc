// The picture of `unsit report`: where each mark lands on the time axis, its
// colour, one row per day, and the text alternative.
#include "report_svg.h"

#include <gtest/gtest.h>

#include <regex>

#include "support/scoped_tz.h"

namespace unsit::cli {
namespace {

using namespace std::chrono_literals;

WallTime Utc(int day, int hour, int minute = 0) {
  return WallTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / day) +
                  std::chrono::hours(hour) + std::chrono::minutes(minute));
}

DayTimeline Day(int day) {
  DayTimeline t;
  t.day.day_start = Utc(day, 0);
  t.day.date = "2026-11-" + std::to_string(day);
  t.end = Utc(day + 1, 0);
  return t;
}

// The attributes of the element whose <title> is `title`.
std::string ElementWithTitle(const std::string& svg, const std::string& title) {
  std::smatch m;
  std::regex element("<(rect|circle) ([^>]*)><title>" + title + "</title>");
  return std::regex_search(svg, m, element) ? m[2].str() : "";
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ReportSvgTest : public ::testing::Test {
 protected:
  test_support::ScopedTz tz_{"UTC"};
};

TEST_F(ReportSvgTest, BoutsLandOnTheTimeOfDayAxis) {
  // Data from 09:00 to 17:00: the axis runs 09:00-17:00 over x 130..770, 80 px an hour.
  DayTimeline day = Day(20);
  day.bouts.push_back({{Utc(20, 9), Utc(20, 10)}, std::nullopt});
  day.bouts.push_back({{Utc(20, 16), Utc(20, 17)}, std::nullopt});
  std::string svg = RenderReportSvg({day});
  EXPECT_EQ(ElementWithTitle(svg, "Sitting 09:00–10:00 \\(1 h 00 min\\)"),
            "x=\"130.0\" y=\"111.0\" width=\"80.0\" height=\"14.0\" fill=\"#4a78b5\"");
  EXPECT_NE(ElementWithTitle(svg, "Sitting 16:00–17:00 \\(1 h 00 min\\)").find("x=\"690.0\""),
            std::string::npos);
  EXPECT_NE(svg.find(">09:00</text>"), std::string::npos);
  EXPECT_NE(svg.find(">17:00</text>"), std::string::npos);
}

TEST_F(ReportSvgTest, PartPastTheSitLimitHasItsOwnColour) {
  DayTimeline day = Day(20);
  day.bouts.push_back({{Utc(20, 9), Utc(20, 11)}, Utc(20, 10)});
  day.breaks.push_back({Utc(20, 11), Utc(20, 11, 30)});
  day.bouts.push_back({{Utc(20, 11, 30), Utc(20, 13)}, std::nullopt});
  std::string svg = RenderReportSvg({day});
  std::string past =
      ElementWithTitle(svg, "Sitting 09:00–11:00 \\(2 h 00 min\\), past the sit limit from 10:00");
  EXPECT_NE(past.find("fill=\"#e07b39\""), std::string::npos) << past;
  EXPECT_NE(past.find("width=\"160.0\""), std::string::npos) << "10:00-11:00 of a 4 h axis";
  std::string pause = ElementWithTitle(svg, "Break 11:00–11:30 \\(30 min\\)");
  EXPECT_NE(pause.find("fill=\"#62a86b\""), std::string::npos) << pause;
}

TEST_F(ReportSvgTest, RemindersAreDotsColouredByOutcome) {
  DayTimeline day = Day(20);
  day.bouts.push_back({{Utc(20, 9), Utc(20, 11)}, Utc(20, 10)});
  day.reminders.push_back({Utc(20, 10), 3, "snoozed"});
  day.reminders.push_back({Utc(20, 10, 30), 1, "done"});
  day.reminders.push_back({Utc(20, 10, 40), 1, "shown"});
  std::string svg = RenderReportSvg({day});
  EXPECT_NE(ElementWithTitle(svg, "Reminder at 10:00: snoozed, shown 3 times").find("#d99a06"),
            std::string::npos);
  EXPECT_NE(ElementWithTitle(svg, "Reminder at 10:30: I'm up").find("#1f7a3a"), std::string::npos);
  EXPECT_NE(ElementWithTitle(svg, "Reminder at 10:40: open or withdrawn").find("#7b5ea7"),
            std::string::npos);
}

TEST_F(ReportSvgTest, OneRowPerDayWithTotalsAndWords) {
  std::vector<DayTimeline> days{Day(18), Day(19), Day(20)};
  days[2].bouts.push_back({{Utc(20, 9), Utc(20, 10, 30)}, std::nullopt});
  days[2].day.totals.sitting = 90min;
  days[2].day.totals.longest_bout = 90min;
  days[2].day.totals.bouts = 1;
  days[2].day.totals.breaks = 2;
  days[2].day.totals.reminders = 1;
  days[2].day.totals.snoozed = 1;
  std::string svg = RenderReportSvg(days);
  EXPECT_EQ(Count(svg, "class=\"day\""), 3);
  EXPECT_NE(svg.find("<title id=\"unsit-title\">Sitting, 2026-11-18 to 2026-11-20</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("Friday 20 November: sat 1 h 30 min in 1 bout, longest 1 h 30 min; 2 breaks; "
                     "1 reminder (1 snoozed)."),
            std::string::npos);
  EXPECT_NE(svg.find("Wednesday 18 November: no sitting recorded."), std::string::npos);
  EXPECT_NE(svg.find(">1 h 30 min</text>"), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"unsit-title unsit-desc\""), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos) << "nothing from outside";
}

TEST_F(ReportSvgTest, HtmlEmbedsTheSvg) {
  std::string svg = RenderReportSvg({Day(20)});
  std::string html = RenderReportHtml(svg, "Sitting, 2026-11-20");
  EXPECT_NE(html.find(svg), std::string::npos);
  EXPECT_NE(html.find("<title>Sitting, 2026-11-20</title>"), std::string::npos);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
}

}  // namespace
}  // namespace unsit::cli
