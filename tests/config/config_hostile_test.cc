// Hostile config files: whatever the bytes, ParseConfig answers with a Config or
// a short Error that names FILE:LINE:COLUMN, and never hangs or exhausts memory.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "config/config_loader.h"

namespace unsit {
namespace {

// The longest refusal we accept: a person reads it, and it must fit a reply.
constexpr std::size_t kShortMessage = 4096;

// Parses `text` as "h.yaml" and checks the refusal is short and positioned.
std::string RefusalOf(const std::string& text) {
  Result<Config> config = ParseConfig(text, "h.yaml");
  if (config.ok()) return "(parsed without error)";
  EXPECT_EQ(config.error().code, "config");
  EXPECT_LE(config.error().message.size(), kShortMessage);
  EXPECT_EQ(config.error().message.rfind("h.yaml:", 0), 0u) << config.error().message;
  return config.error().message;
}

// yaml-cpp 0.7's multi-document loader loops for ever on a lone comma
// (upstream jbeder/yaml-cpp#1040).
TEST(ConfigHostileTest, LoneCommaIsRefused) {
  EXPECT_EQ(RefusalOf(","),
            "h.yaml:1:1: malformed YAML (unexpected \",\"), expected well-formed YAML: check the "
            "indentation, colons and quotes");
}

TEST(ConfigHostileTest, CommaAfterAValidDocumentIsRefused) {
  EXPECT_NE(RefusalOf("sit_limit: 50m\n,\n"), "(parsed without error)");
}

TEST(ConfigHostileTest, MegabyteOfCommasIsRefused) {
  EXPECT_NE(RefusalOf(std::string(1 << 20, ',')), "(parsed without error)");
}

TEST(ConfigHostileTest, MegabyteOfFlowItemsIsRefusedBeforeTheTreeIsBuilt) {
  std::string text = "stretches:\n  places: [";
  while (text.size() < (1 << 20)) text += "desk,";
  text += "desk]\n";
  EXPECT_NE(RefusalOf(text).find("too many values"), std::string::npos);
}

// Each level doubles the values a reader would visit: 2^40 of them.
std::string AliasBomb() {
  std::string text = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 40; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text +=
        "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev + "]\n";
  }
  return text + "stretches:\n  extra: *a40\n";
}

TEST(ConfigHostileTest, AliasesThatExpandTooFarAreRefused) {
  const std::string message = RefusalOf(AliasBomb());
  EXPECT_NE(message.find("aliases expand"), std::string::npos) << message;
}

TEST(ConfigHostileTest, ModestAliasesAreAccepted) {
  Result<Config> config =
      ParseConfig("quiet_hours: &q [\"12:00-13:00\"]\nsnooze: &s 5m\nremind_every: *s\n", "h.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->remind_every, std::chrono::minutes(5));
}

TEST(ConfigHostileTest, DeepNestingIsRefused) {
  EXPECT_NE(RefusalOf(std::string(100000, '[')), "(parsed without error)");
  std::string maps;
  for (int i = 0; i < 5000; ++i) maps += "{a: ";
  EXPECT_NE(RefusalOf(maps), "(parsed without error)");
}

TEST(ConfigHostileTest, BinaryNulAndInvalidUtf8AreRefused) {
  EXPECT_NE(RefusalOf(std::string("sit_limit: 5m\0\0\0\x01", 17)), "(parsed without error)");
  EXPECT_NE(RefusalOf("sit_limit: \xff\xfe\xc3\x28\n"), "(parsed without error)");
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 131 + 7) % 256);
  EXPECT_NE(RefusalOf(binary), "(parsed without error)");
}

// A value is quoted in the message; its control characters must not reach a
// terminal or split the line that starts with FILE:LINE:COLUMN.
TEST(ConfigHostileTest, ControlCharactersInValuesAreEscaped) {
  EXPECT_EQ(RefusalOf("snooze: \"5\\nh.yaml:9:9: \\e[31mred\"\n"),
            "h.yaml:1:9: snooze: \"5\\nh.yaml:9:9: \\x1b[31mred\" is not a duration, expected a "
            "duration like 45s, 5m or 1h30m (units ms, s, m, h, d)");
}

TEST(ConfigHostileTest, ManyProblemsAreCutShort) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "unknown_key_" + std::to_string(i) + ": 1\n";
  const std::string message = RefusalOf(text);
  EXPECT_NE(message.find("more problems not shown"), std::string::npos);
}

// Near INT64_MAX ms a duration overflowed the model (a busy loop); 1ms, a typo
// of 10m, burned a quarter of a core. Every duration is 1s to 1d.
TEST(ConfigHostileTest, DurationsAreBoundedOnBothSides) {
  EXPECT_EQ(RefusalOf("snooze: 99999999999h\n"),
            "h.yaml:1:9: snooze is longer than 1d (\"99999999999h\"), expected a duration from "
            "1s to 1d, like 5m");
  EXPECT_EQ(RefusalOf("sit_limit: 1ms\n"),
            "h.yaml:1:12: sit_limit is shorter than 1s (\"1ms\"), expected a duration from 1s to "
            "1d, like 5m");
  EXPECT_NE(RefusalOf("remind_every: 999ms\n").find("shorter than 1s"), std::string::npos);
  EXPECT_NE(RefusalOf("history:\n  checkpoint: 1ms\n").find("h.yaml:2:15: history.checkpoint"),
            std::string::npos);
  EXPECT_NE(RefusalOf("history:\n  checkpoint: 106751991167d\n").find("longer than 1d"),
            std::string::npos);
  EXPECT_NE(RefusalOf("break_after: 25h\n").find("longer than 1d"), std::string::npos);
  Result<Config> edges = ParseConfig("sit_limit: 24h\nbreak_after: 1s\n", "h.yaml");
  ASSERT_TRUE(edges.ok()) << edges.error().message;
  EXPECT_EQ(edges->sit_limit, std::chrono::hours(24));
}

// The fuzzer's seed corpus holds hostile files (and every input a fuzzer ever
// failed on): each is answered, and any refusal keeps its shape.
TEST(ConfigHostileTest, FuzzCorpusFilesAreAnswered) {
  const std::filesystem::path dir =
      std::filesystem::path(UNSIT_SOURCE_DIR) / "tests/fuzz/corpus/config";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    SCOPED_TRACE(entry.path().filename().string());
    Result<Config> config = ParseConfig(text, "h.yaml");
    if (!config.ok()) RefusalOf(text);
    ++files;
  }
  EXPECT_GE(files, 5u);
}

}  // namespace
}  // namespace unsit
