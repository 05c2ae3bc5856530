#include "core/duration.h"

#include <gtest/gtest.h>

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(DurationTest, ParsesEachUnit) {
  EXPECT_EQ(ParseDuration("250ms"), Duration(250ms));
  EXPECT_EQ(ParseDuration("90s"), Duration(90s));
  EXPECT_EQ(ParseDuration("5m"), Duration(5min));
  EXPECT_EQ(ParseDuration("2h"), Duration(2h));
  EXPECT_EQ(ParseDuration("2d"), Duration(48h));
  EXPECT_EQ(ParseDuration("0s"), Duration(0ms));
}

TEST(DurationTest, ParsesCombinationsLargestFirst) {
  EXPECT_EQ(ParseDuration("1h30m"), Duration(90min));
  EXPECT_EQ(ParseDuration("1d2h3m4s5ms"), Duration(24h + 2h + 3min + 4s + 5ms));
  EXPECT_EQ(ParseDuration("1m500ms"), Duration(60500ms));
}

TEST(DurationTest, RejectsWhatIsNotCanonical) {
  for (const char* text : {"", "5", "m", "5 m", " 5m", "5m ", "-5m", "+5m", "1.5h", "5x", "5min",
                           "30m1h", "5m5m", "1s1m", "5ms5s", "h5", "5mm"}) {
    EXPECT_EQ(ParseDuration(text), std::nullopt) << text;
  }
}

TEST(DurationTest, RejectsOverflow) {
  EXPECT_EQ(ParseDuration("99999999999999999999ms"), std::nullopt);
  EXPECT_EQ(ParseDuration("9223372036854775807d"), std::nullopt);
  EXPECT_EQ(ParseDuration("9223372036854775807ms"), Duration(9223372036854775807));
}

TEST(DurationTest, FormatsCanonically) {
  EXPECT_EQ(FormatDuration(0ms), "0s");
  EXPECT_EQ(FormatDuration(45s), "45s");
  EXPECT_EQ(FormatDuration(90min), "1h30m");
  EXPECT_EQ(FormatDuration(62min), "1h2m");
  EXPECT_EQ(FormatDuration(25h), "1d1h");
  EXPECT_EQ(FormatDuration(1500ms), "1s500ms");
  EXPECT_EQ(FormatDuration(-5min), "-5m");
}

TEST(DurationTest, FormatReadsBack) {
  for (Duration d : {Duration(1ms), Duration(59s), Duration(61min), Duration(1h + 1s),
                     Duration(49h + 7min + 3s + 9ms)}) {
    EXPECT_EQ(ParseDuration(FormatDuration(d)), d) << FormatDuration(d);
  }
}

TEST(DurationTest, FormatsForPeople) {
  EXPECT_EQ(FormatHuman(62min), "1 h 02 min");
  EXPECT_EQ(FormatHuman(60min), "1 h 00 min");
  EXPECT_EQ(FormatHuman(2h + 15min + 59s), "2 h 15 min");
  EXPECT_EQ(FormatHuman(45min), "45 min");
  EXPECT_EQ(FormatHuman(45min + 59s), "45 min");
  EXPECT_EQ(FormatHuman(30s), "30 s");
  EXPECT_EQ(FormatHuman(0s), "0 s");
  EXPECT_EQ(FormatHuman(-3s), "0 s");
}

}  // namespace
}  // namespace unsit
