// notify.sound: a theme sound's name, a file, or none; errors at their place.
#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace unsit {
namespace {

NotifySound SoundOf(const std::string& yaml) {
  Result<Config> config = ParseConfig(yaml, "u.yaml");
  EXPECT_TRUE(config.ok()) << config.error().message;
  return config.ok() ? config.value().notify.sound : NotifySound{};
}

TEST(ConfigSoundTest, DefaultIsTheThemesCompleteSound) {
  const Config defaults;
  EXPECT_EQ(defaults.notify.sound, (NotifySound{NotifySound::Kind::kTheme, "complete"}));
}

TEST(ConfigSoundTest, ReadsNameFileAndNone) {
  EXPECT_EQ(SoundOf("notify:\n  sound: bell\n"), (NotifySound{NotifySound::Kind::kTheme, "bell"}));
  EXPECT_EQ(SoundOf("notify:\n  sound: alarm-clock-elapsed\n"),
            (NotifySound{NotifySound::Kind::kTheme, "alarm-clock-elapsed"}));
  EXPECT_EQ(SoundOf("notify:\n  sound: /home/me/gong.oga\n"),
            (NotifySound{NotifySound::Kind::kFile, "/home/me/gong.oga"}));
  EXPECT_EQ(SoundOf("notify:\n  sound: none\n"), (NotifySound{NotifySound::Kind::kNone, ""}));
}

TEST(ConfigSoundTest, RefusesWhatIsNeitherAtItsPlace) {
  for (const char* bad : {"\"my bell\"", "../bell.oga", "~/bell.oga", "-bell", "[bell]"}) {
    Result<Config> config = ParseConfig(std::string("notify:\n  sound: ") + bad + "\n", "u.yaml");
    ASSERT_FALSE(config.ok()) << bad;
    EXPECT_EQ(config.error().message.rfind("u.yaml:2:10: notify.sound", 0), 0u)
        << config.error().message;
    EXPECT_NE(config.error().message.find("expected a sound theme name like complete or bell"),
              std::string::npos)
        << config.error().message;
  }
}

TEST(ConfigSoundTest, EmptyValueIsReportedAtTheKey) {
  Result<Config> config = ParseConfig("notify:\n  sound:\n", "u.yaml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message.rfind("u.yaml:2:3: notify.sound", 0), 0u)
      << config.error().message;
}

}  // namespace
}  // namespace unsit
