#include "core/quiet_hours.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(QuietHoursTest, ParsesAndFormatsWindows) {
  EXPECT_EQ(ParseTimeOfDay("7:05"), 425min);
  EXPECT_EQ(ParseTimeOfDay("23:59"), 1439min);
  for (const char* bad : {"24:00", "12:60", "1230", "12:3", "-1:00", "12:00 ", "", ":30"}) {
    EXPECT_FALSE(ParseTimeOfDay(bad)) << bad;
  }
  EXPECT_EQ(ParseQuietWindow("22:00-07:00"), (QuietWindow{1320min, 420min}));
  EXPECT_EQ(FormatSpan(QuietWindow{1320min, 5min}), "22:00-00:05");
  for (const char* bad : {"12:00-12:00", "12:00", "12:00-", "-13:00", "12:00-13:00-14:00"}) {
    EXPECT_FALSE(ParseQuietWindow(bad)) << bad;
  }
}

TEST(QuietHoursTest, ParsesAndFormatsDays) {
  EXPECT_EQ(ParseWeekdays("mon-fri"), Weekdays{0x1f});
  EXPECT_EQ(ParseWeekdays("sat,sun"), Weekdays{0x60});
  EXPECT_EQ(ParseWeekdays("sat, sun"), Weekdays{0x60});
  EXPECT_EQ(ParseWeekdays("fri-mon"), Weekdays{0x71});  // over the end of the week
  EXPECT_EQ(ParseWeekdays("mon-sun"), kEveryDay);
  for (const char* bad :
       {"", "monday", "Mon", "mon,", ",mon", "mon-", "mon-fri,wed", "mon,mon", "xyz", "mon fri"}) {
    EXPECT_FALSE(ParseWeekdays(bad)) << bad;
  }
  EXPECT_EQ(FormatWeekdays(0x1f), "mon-fri");
  EXPECT_EQ(FormatWeekdays(0x60), "sat,sun");
  EXPECT_EQ(FormatWeekdays(0x71), "mon,fri-sun");
  EXPECT_EQ(FormatWeekdays(0x15), "mon,wed,fri");
}

TEST(QuietHoursTest, ParsesAndFormatsSpans) {
  EXPECT_EQ(ParseSpan("22:00-07:00"), (QuietWindow{1320min, 420min}));
  EXPECT_EQ(ParseSpan("mon-fri 08:30-17:30"), (QuietWindow{510min, 1050min, 0x1f}));
  EXPECT_EQ(ParseSpan("sat,sun"), (QuietWindow{0min, 0min, 0x60}));
  EXPECT_EQ(ParseSpan("fri 18:00-00:00"), (QuietWindow{1080min, 0min, 0x10}));
  for (const char* bad : {"", "sat sun", "mon 09:00", "mon 09:00-09:00", "funday 10:00-11:00",
                          " 10:00-11:00", "mon-fri 8:30-17:30 "}) {
    EXPECT_FALSE(ParseSpan(bad)) << bad;
  }
  for (const char* text :
       {"22:00-07:00", "mon-fri 08:30-17:30", "sat,sun", "mon,wed 00:00-09:00"}) {
    EXPECT_EQ(FormatSpan(*ParseSpan(text)), text);
  }
}

}  // namespace
}  // namespace unsit
