// The standing_desk section: the sit-stand rhythm, off unless set.
#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.h"
#include "config_error_of.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

TEST(ConfigDeskTest, OffByDefault) {
  Result<Config> config = ParseConfig("sit_limit: 50m\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_FALSE(config->standing_desk.on());
  EXPECT_FALSE(Config{}.standing_desk.on());
}

TEST(ConfigDeskTest, ReadsBothParts) {
  Result<Config> config = ParseConfig("standing_desk:\n  sit: 45m\n  stand: 15m\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->standing_desk.on());
  EXPECT_EQ(config->standing_desk.sit, 45min);
  EXPECT_EQ(config->standing_desk.stand, 15min);
  config = ParseConfig("standing_desk: {stand: 4h, sit: 5s}\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->standing_desk.sit, 5s);
  EXPECT_EQ(config->standing_desk.stand, 4h);
}

TEST(ConfigDeskTest, PartsOutOfRangeArePlaced) {
  EXPECT_EQ(ErrorOf("standing_desk:\n  sit: 45m\n  stand: 5h\n"),
            "u.yaml:3:10: standing_desk.stand is 5h, too long for a rhythm, expected a "
            "duration from 1s to 4h, like 45m");
  EXPECT_EQ(ErrorOf("standing_desk:\n  sit: 0m\n  stand: 15m\n"),
            "u.yaml:2:8: standing_desk.sit is zero (\"0m\"), expected a duration greater than "
            "zero, like 5m");
}

TEST(ConfigDeskTest, BothPartsAreRequired) {
  EXPECT_EQ(ErrorOf("standing_desk:\n  sit: 45m\n"),
            "u.yaml:1:1: standing_desk lacks stand, expected both parts of the rhythm, like "
            "{sit: 45m, stand: 15m}");
  EXPECT_EQ(ErrorOf("standing_desk: on\n"),
            "u.yaml:1:16: standing_desk is text, expected a mapping like {sit: 45m, stand: 15m}");
  EXPECT_EQ(ErrorOf("standing_desk:\n  sit: 45m\n  stnd: 15m\n"),
            "u.yaml:1:1: standing_desk lacks stand, expected both parts of the rhythm, like "
            "{sit: 45m, stand: 15m}\n"
            "u.yaml:3:3: unknown key \"stnd\" in standing_desk (did you mean \"stand\"?), "
            "expected one of: sit, stand");
}

}  // namespace
}  // namespace unsit
