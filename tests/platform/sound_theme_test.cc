// FindThemeSound and PlanSound: where a theme sound is found, and how the
// reminder sounds for each kind of server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/notifier_sound.h"
#include "platform/sound_player.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

namespace fs = std::filesystem;
using test_support::ScopedEnv;
using test_support::TempDir;

void Touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "OggS";
}

TEST(SoundThemeTest, FindsTheSoundAndFallsBackAtDashes) {
  TempDir home_dir;
  TempDir system_dir;
  const fs::path home(home_dir.path());
  const fs::path system(system_dir.path());
  Touch(system / "sounds/freedesktop/stereo/message.oga");
  Touch(home / "sounds/freedesktop/stereo/complete.wav");
  ScopedEnv data_home("XDG_DATA_HOME", home.string());
  ScopedEnv data_dirs("XDG_DATA_DIRS", system.string());
  EXPECT_EQ(FindThemeSound("complete"), (home / "sounds/freedesktop/stereo/complete.wav").string());
  EXPECT_EQ(FindThemeSound("message-new-instant"),
            (system / "sounds/freedesktop/stereo/message.oga").string());
  EXPECT_EQ(FindThemeSound("bell"), "");
  EXPECT_EQ(FindThemeSound("../stereo/complete"), "");
  EXPECT_EQ(CheckSoundExists({NotifySound::Kind::kTheme, "complete"}), "");
  EXPECT_NE(CheckSoundExists({NotifySound::Kind::kTheme, "bell"})
                .find("install "
                      "sound-theme-freedesktop"),
            std::string::npos);
  EXPECT_NE(CheckSoundExists({NotifySound::Kind::kFile, (home / "no.oga").string()})
                .find("the sound file cannot be read"),
            std::string::npos);
}

TEST(SoundPlanTest, TheServerPlaysWhatItCanTheDaemonTheRest) {
  const NotifySound theme{NotifySound::Kind::kTheme, "complete"};
  const NotifySound file{NotifySound::Kind::kFile, "/x/gong.oga"};
  SoundPlan plan = PlanSound(theme, true, "libcanberra");
  EXPECT_EQ(plan.way, SoundPlan::Way::kHint);
  EXPECT_STREQ(plan.hint, "sound-name");
  EXPECT_STREQ(PlanSound(file, true, "").hint, "sound-file");
  EXPECT_EQ(PlanSound(theme, false, "libcanberra").way, SoundPlan::Way::kPlay);
  plan = PlanSound(theme, false, "");
  EXPECT_EQ(plan.way, SoundPlan::Way::kSilent);
  EXPECT_FALSE(plan.problem.empty());
  plan = PlanSound({NotifySound::Kind::kNone, ""}, false, "");
  EXPECT_EQ(plan.way, SoundPlan::Way::kNone);
  EXPECT_TRUE(plan.problem.empty()) << "silence asked for is no problem";
}

}  // namespace
}  // namespace unsit
