#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "config/config_loader.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test_support::ScopedEnv;

class ConfigFilesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(temp_.path().empty()); }

  std::string Write(const std::string& relative, const std::string& text) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }

  test_support::TempDir temp_;
  fs::path dir_ = temp_.path();
};

TEST_F(ConfigFilesTest, DefaultPathFollowsXdgConfigHome) {
  ScopedEnv xdg("XDG_CONFIG_HOME", "/xdg/config");
  EXPECT_EQ(DefaultConfigPath(), "/xdg/config/unsit/unsit.yaml");
}

TEST_F(ConfigFilesTest, DefaultPathFallsBackToHome) {
  ScopedEnv home("HOME", "/home/someone");
  for (const std::optional<std::string>& xdg :
       {std::optional<std::string>(), std::optional<std::string>(""),
        std::optional<std::string>("relative/dir")}) {
    ScopedEnv unset("XDG_CONFIG_HOME", xdg);
    EXPECT_EQ(DefaultConfigPath(), "/home/someone/.config/unsit/unsit.yaml");
  }
}

TEST_F(ConfigFilesTest, MissingDefaultFileGivesDefaults) {
  ScopedEnv xdg("XDG_CONFIG_HOME", dir_.string());
  Result<Config> config = LoadConfig(std::nullopt);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->sit_limit, 60min);
  EXPECT_EQ(config->source, "");
}

TEST_F(ConfigFilesTest, DefaultFileIsRead) {
  ScopedEnv xdg("XDG_CONFIG_HOME", dir_.string());
  const std::string path = Write("unsit/unsit.yaml", "sit_limit: 50m\n");
  Result<Config> config = LoadConfig(std::nullopt);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->sit_limit, 50min);
  EXPECT_EQ(config->source, path);
}

TEST_F(ConfigFilesTest, InvalidDefaultFileIsAnError) {
  ScopedEnv xdg("XDG_CONFIG_HOME", dir_.string());
  const std::string path = Write("unsit/unsit.yaml", "sit_limit: soon\n");
  Result<Config> config = LoadConfig(std::nullopt);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, "config");
  EXPECT_TRUE(config.error().message.starts_with(path + ":1:12: ")) << config.error().message;
}

TEST_F(ConfigFilesTest, MissingExplicitFileIsAnError) {
  const std::string path = (dir_ / "nope.yaml").string();
  Result<Config> config = LoadConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, "io");
  EXPECT_EQ(config.error().message, path +
                                        ": cannot open the config file (No such file or "
                                        "directory), expected a readable YAML file");
}

TEST_F(ConfigFilesTest, ExplicitFileIsRead) {
  const std::string path = Write("mine.yaml", "snooze: 3m\n");
  Result<Config> config = LoadConfig(path);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->snooze, 3min);
  EXPECT_EQ(config->source, path);
}

TEST_F(ConfigFilesTest, DirectoryIsNotAConfigFile) {
  Result<Config> config = LoadConfigFile(dir_.string());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, "io");
  EXPECT_EQ(config.error().message,
            dir_.string() + ": not a regular file, expected a readable YAML file");
}

}  // namespace
}  // namespace unsit
