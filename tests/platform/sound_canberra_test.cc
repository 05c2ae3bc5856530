// The libcanberra player against the real library, with no sound server to
// reach (playing into a real one is tests/e2e/sound_e2e.sh): the error says
// why, and nothing of libcanberra keeps running.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "platform/glib_thread.h"
#include "platform/sound_canberra.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

using test_support::ScopedEnv;

std::size_t Threads() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    ++n;
  }
  return n;
}

TEST(SoundCanberraTest, NoSoundServerIsSaidAndLeavesNothingRunning) {
  void* probe = dlopen("libcanberra.so.0", RTLD_NOW | RTLD_LOCAL);
  if (probe == nullptr) GTEST_SKIP() << "libcanberra0 is not installed";
  dlclose(probe);
  test_support::TempDir runtime;
  // Only the PulseAudio driver, pointed at a socket nobody listens on.
  ScopedEnv driver("CANBERRA_DRIVER", "pulse");
  ScopedEnv server("PULSE_SERVER", "unix:" + runtime.path() + "/none");
  GlibThread glib;
  ASSERT_TRUE(glib.Start().ok());
  const std::size_t before = Threads();
  std::unique_ptr<SoundPlayer> player = MakeCanberraPlayer(glib);
  EXPECT_EQ(player->Name(), "libcanberra");
  Status played = player->Play({NotifySound::Kind::kTheme, "complete"});
  ASSERT_FALSE(played.ok());
  EXPECT_NE(played.error().message.find("no sound server answers"), std::string::npos)
      << played.error().message;
  EXPECT_EQ(Threads(), before) << "libcanberra left a thread running";
}

}  // namespace
}  // namespace unsit
