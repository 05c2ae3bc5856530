#include "config/config_loader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "config_error_of.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

void ExpectDefaults(const Config& c) {
  const Config d;
  EXPECT_EQ(c.sit_limit, d.sit_limit);
  EXPECT_EQ(c.break_after, d.break_after);
  EXPECT_EQ(c.up_min_break, d.up_min_break);
  EXPECT_EQ(c.remind_every, d.remind_every);
  EXPECT_EQ(c.snooze, d.snooze);
  EXPECT_EQ(c.on_dismiss, d.on_dismiss);
  EXPECT_EQ(c.idle.backend, d.idle.backend);
  EXPECT_EQ(c.idle.respect_inhibitors, d.idle.respect_inhibitors);
  EXPECT_EQ(c.notify.backend, d.notify.backend);
  EXPECT_EQ(c.notify.indicator, d.notify.indicator);
  EXPECT_EQ(c.stretches.places, d.stretches.places);
  EXPECT_TRUE(c.stretches.extra.empty());
  EXPECT_EQ(c.history.checkpoint, d.history.checkpoint);
  EXPECT_EQ(c.history.keep, d.history.keep);
  EXPECT_EQ(c.history.day_starts, d.history.day_starts);
  EXPECT_EQ(c.hold.reasons, d.hold.reasons);
  EXPECT_EQ(c.hold.settle, d.hold.settle);
  EXPECT_EQ(c.hold.cap, d.hold.cap);
  EXPECT_TRUE(c.quiet_hours.empty());
  EXPECT_TRUE(c.working_hours.empty());
}

TEST(ConfigLoaderTest, DocumentedDefaults) {
  const Config d;
  EXPECT_EQ(d.sit_limit, 60min);
  EXPECT_EQ(d.break_after, 5min);
  EXPECT_EQ(d.up_min_break, 1min);
  EXPECT_EQ(d.remind_every, 10min);
  EXPECT_EQ(d.snooze, 10min);
  EXPECT_EQ(d.on_dismiss, OnDismiss::kSnooze);
  EXPECT_EQ(d.idle.backend, "auto");
  EXPECT_TRUE(d.idle.respect_inhibitors);
  EXPECT_EQ(d.notify.backend, "auto");
  EXPECT_EQ(d.notify.indicator, "auto");
  EXPECT_EQ(d.stretches.places,
            (std::vector<StretchPlace>{StretchPlace::kStanding, StretchPlace::kDesk}));
  EXPECT_EQ(d.history.checkpoint, 5min);
  EXPECT_EQ(d.history.keep, std::chrono::days(730));
  EXPECT_EQ(d.history.day_starts, 0min);
}

TEST(ConfigLoaderTest, EmptyAndCommentOnlyFilesGiveDefaults) {
  for (const char* text : {"", "\n", "# nothing here\n", "---\n", "~\n"}) {
    Result<Config> config = ParseConfig(text, "empty.yaml");
    ASSERT_TRUE(config.ok()) << text << ": " << config.error().message;
    ExpectDefaults(*config);
    EXPECT_EQ(config->source, "empty.yaml");
  }
}

TEST(ConfigLoaderTest, EmptySectionsGiveDefaults) {
  Result<Config> config = ParseConfig("idle:\nnotify:\nstretches:\nhistory:\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ExpectDefaults(*config);
}

TEST(ConfigLoaderTest, ShippedConfigEqualsDefaults) {
  const std::string path = std::string(UNSIT_SOURCE_DIR) + "/config/unsit.yaml";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream text;
  text << in.rdbuf();
  Result<Config> config = ParseConfig(text.str(), path);
  ASSERT_TRUE(config.ok()) << config.error().message;
  ExpectDefaults(*config);
  EXPECT_EQ(config->source, path);
}

TEST(ConfigLoaderTest, ReadsEveryKey) {
  Result<Config> config = ParseConfig(R"(sit_limit: 45m
break_after: 90s
up_min_break: 45s
remind_every: 5m
snooze: 1h30m
on_dismiss: skip
idle:
  backend: x11
  inhibitors: ignore
notify:
  backend: log
  indicator: off
stretches:
  places: [floor, desk]
  extra:
    - id: calf-raises
      name: Calf raises
      where: standing
      steps: [Rise onto your toes, Lower slowly]
      cue: Up on your toes and down, twenty times.
history:
  checkpoint: 1m
  keep: 90d
  day_starts: "04:30"
)",
                                      "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->sit_limit, 45min);
  EXPECT_EQ(config->break_after, 90s);
  EXPECT_EQ(config->up_min_break, 45s);
  EXPECT_EQ(config->remind_every, 5min);
  EXPECT_EQ(config->snooze, 90min);
  EXPECT_EQ(config->on_dismiss, OnDismiss::kSkip);
  EXPECT_EQ(config->idle.backend, "x11");
  EXPECT_FALSE(config->idle.respect_inhibitors);
  EXPECT_EQ(config->notify.backend, "log");
  EXPECT_EQ(config->notify.indicator, "off");
  EXPECT_EQ(config->stretches.places,
            (std::vector<StretchPlace>{StretchPlace::kFloor, StretchPlace::kDesk}));
  ASSERT_EQ(config->stretches.extra.size(), 1u);
  const Stretch& extra = config->stretches.extra[0];
  EXPECT_EQ(extra.id, "calf-raises");
  EXPECT_EQ(extra.name, "Calf raises");
  EXPECT_EQ(extra.where, StretchPlace::kStanding);
  EXPECT_EQ(extra.minutes, 1);
  EXPECT_EQ(extra.steps, (std::vector<std::string>{"Rise onto your toes", "Lower slowly"}));
  EXPECT_EQ(extra.cue, "Up on your toes and down, twenty times.");
  EXPECT_EQ(extra.caution, "");
  EXPECT_EQ(config->history.checkpoint, 1min);
  EXPECT_EQ(config->history.keep, std::chrono::days(90));
  EXPECT_EQ(config->history.day_starts, 270min);
}

TEST(ConfigLoaderTest, KeepInYearsAndUnquotedDayStart) {
  Result<Config> config = ParseConfig("history:\n  keep: 2y\n  day_starts: 4:05\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->history.keep, std::chrono::days(730));
  EXPECT_EQ(config->history.day_starts, 245min);
}

TEST(ConfigLoaderTest, QuietHours) {
  Result<Config> config = ParseConfig("quiet_hours: [\"12:00-13:00\", 22:00-7:00]\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->quiet_hours, (std::vector<QuietWindow>{{720min, 780min}, {1320min, 420min}}));
  config = ParseConfig("quiet_hours: []\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->quiet_hours.empty());
}

TEST(ConfigLoaderTest, BadQuietHours) {
  EXPECT_EQ(ErrorOf("quiet_hours: 12:00-13:00\n"),
            "u.yaml:1:14: quiet_hours is text, expected a list of local times like "
            "[\"12:00-13:00\", \"22:00-07:00\"] (start and end differ) or of {days: mon-fri, "
            "from: \"08:30\", to: \"17:30\"}");
  EXPECT_EQ(ErrorOf("quiet_hours:\n  - 12:00-13:00\n  - 12:00-12:00\n  - noon\n"),
            "u.yaml:3:5: quiet_hours[1]: \"12:00-12:00\" is not a span of time, expected a list "
            "of local times like [\"12:00-13:00\", \"22:00-07:00\"] (start and end differ)\n"
            "u.yaml:4:5: quiet_hours[2]: \"noon\" is not a span of time, expected a list of "
            "local times like [\"12:00-13:00\", \"22:00-07:00\"] (start and end differ)");
  EXPECT_EQ(ErrorOf("quiet_hours: [\"08:00-20:00\", \"19:00-09:00\"]\n"),
            "u.yaml:1:14: quiet_hours cover the whole week: no reminder could ever be shown, "
            "expected some time of the week outside them");
}

TEST(ConfigLoaderTest, UnknownKeySuggestsTheClosest) {
  EXPECT_EQ(ErrorOf("sit_limt: 50m\n"),
            "u.yaml:1:1: unknown key \"sit_limt\" (did you mean \"sit_limit\"?), expected one of: "
            "sit_limit, break_after, up_min_break, remind_every, snooze, on_dismiss, quiet_hours, "
            "working_hours, hold, idle, notify, stretches, history, standing_desk");
  EXPECT_EQ(ErrorOf("idle:\n  backnd: x11\n"),
            "u.yaml:2:3: unknown key \"backnd\" in idle (did you mean \"backend\"?), expected one "
            "of: backend, inhibitors");
  EXPECT_EQ(
      ErrorOf("colour: red\n"),
      "u.yaml:1:1: unknown key \"colour\", expected one of: sit_limit, break_after, up_min_break, "
      "remind_every, snooze, on_dismiss, quiet_hours, working_hours, hold, idle, notify, "
      "stretches, history, standing_desk");
}

TEST(ConfigLoaderTest, DuplicateKey) {
  EXPECT_EQ(ErrorOf("snooze: 5m\nsnooze: 6m\n"),
            "u.yaml:2:1: duplicate key \"snooze\" (first set on line 1), expected each key at "
            "most once");
}

TEST(ConfigLoaderTest, WrongTypes) {
  EXPECT_EQ(
      ErrorOf("- 1\n- 2\n"),
      "u.yaml:1:1: the file holds a list, expected a mapping with keys sit_limit, "
      "break_after, up_min_break, remind_every, snooze, on_dismiss, quiet_hours, working_hours, "
      "hold, idle, "
      "notify, stretches, "
      "history, standing_desk");
  EXPECT_EQ(ErrorOf("sit_limit: [60m]\n"),
            "u.yaml:1:12: sit_limit is a list, expected a duration like 45s, 5m or 1h30m");
  EXPECT_EQ(ErrorOf("snooze:\n"),
            "u.yaml:1:1: snooze has no value, expected a duration like 45s, 5m or 1h30m");
  EXPECT_EQ(ErrorOf("idle: x11\n"),
            "u.yaml:1:7: idle is text, expected a mapping with keys backend, inhibitors");
  EXPECT_EQ(ErrorOf("stretches:\n  places: floor\n"),
            "u.yaml:2:11: stretches.places is text, expected a list of places from: standing, "
            "desk, floor, like [standing, desk]");
  EXPECT_EQ(ErrorOf("stretches:\n  extra: {id: x}\n"),
            "u.yaml:2:10: stretches.extra is a mapping, expected a list of stretch entries");
}

TEST(ConfigLoaderTest, UnparsableDuration) {
  EXPECT_EQ(ErrorOf("break_after: 5 parsecs\n"),
            "u.yaml:1:14: break_after: \"5 parsecs\" is not a duration, expected a duration like "
            "45s, 5m or 1h30m (units ms, s, m, h, d)");
  EXPECT_EQ(ErrorOf("sit_limit: 60\n"),
            "u.yaml:1:12: sit_limit: \"60\" has no unit, expected a duration with a unit, like "
            "60m or 60s");
}

TEST(ConfigLoaderTest, ZeroAndNegativeDurations) {
  EXPECT_EQ(ErrorOf("remind_every: 0s\n"),
            "u.yaml:1:15: remind_every is zero (\"0s\"), expected a duration greater than zero, "
            "like 5m");
  EXPECT_EQ(ErrorOf("history:\n  checkpoint: -5m\n"),
            "u.yaml:2:15: history.checkpoint is negative (\"-5m\"), expected a duration greater "
            "than zero, like 5m");
}

TEST(ConfigLoaderTest, BreakAfterMustBeShorterThanSitLimit) {
  EXPECT_EQ(ErrorOf("sit_limit: 30m\nbreak_after: 45m\n"),
            "u.yaml:2:14: break_after (45m) is not shorter than sit_limit (30m), expected "
            "break_after less than sit_limit");
  EXPECT_EQ(ErrorOf("sit_limit: 4m\n"),
            "u.yaml:1:12: break_after (5m) is not shorter than sit_limit (4m), expected "
            "break_after less than sit_limit");
}

// Every name --idle-backend and --notifier accept is accepted in the config too
// (x11-poll once was not).
TEST(ConfigLoaderTest, EveryBackendNameIsAccepted) {
  for (std::string_view name : kIdleBackendNames) {
    Result<Config> config = ParseConfig("idle:\n  backend: " + std::string(name) + "\n", "u.yaml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->idle.backend, name);
  }
  Result<Config> poll = ParseConfig("idle:\n  backend: x11-poll\n", "u.yaml");
  ASSERT_TRUE(poll.ok()) << poll.error().message;
  EXPECT_EQ(poll->idle.backend, "x11-poll");
  for (std::string_view name : kNotifierNames) {
    Result<Config> config =
        ParseConfig("notify:\n  backend: " + std::string(name) + "\n", "u.yaml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->notify.backend, name);
  }
}

TEST(ConfigLoaderTest, BadEnumValuesListTheAllowedOnes) {
  EXPECT_EQ(ErrorOf("on_dismiss: later\n"),
            "u.yaml:1:13: on_dismiss: \"later\" is not allowed, expected one of: snooze, skip");
  EXPECT_EQ(ErrorOf("idle:\n  backend: wayland\n"),
            "u.yaml:2:12: idle.backend: \"wayland\" is not allowed, expected one of: auto, "
            "mutter, ext-idle-notify, kde-idle, x11, x11-poll, logind, none, test");
  EXPECT_EQ(ErrorOf("idle:\n  inhibitors: respekt\n"),
            "u.yaml:2:15: idle.inhibitors: \"respekt\" is not allowed (did you mean "
            "\"respect\"?), expected one of: respect, ignore");
  EXPECT_EQ(ErrorOf("notify:\n  backend: dunst\n"),
            "u.yaml:2:12: notify.backend: \"dunst\" is not allowed, expected one of: auto, "
            "libnotify, log");
  EXPECT_EQ(ErrorOf("notify:\n  indicator: panel\n"),
            "u.yaml:2:14: notify.indicator: \"panel\" is not allowed, expected one of: auto, off");
  EXPECT_EQ(ErrorOf("stretches:\n  places: [standing, bed]\n"),
            "u.yaml:2:22: stretches.places[1]: \"bed\" is not allowed, expected one of: "
            "standing, desk, floor");
}

TEST(ConfigLoaderTest, BadPlacesLists) {
  EXPECT_EQ(ErrorOf("stretches:\n  places: []\n"),
            "u.yaml:2:11: stretches.places is an empty list, expected a list of places from: "
            "standing, desk, floor, like [standing, desk]");
  EXPECT_EQ(ErrorOf("stretches:\n  places: [desk, desk]\n"),
            "u.yaml:2:18: stretches.places: \"desk\" is listed twice, expected each of the places "
            "at most once");
}

TEST(ConfigLoaderTest, KindsChooseWhatRemindersSuggest) {
  Result<Config> config = ParseConfig("stretches:\n  kinds: [walk, stretch]\n", "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->stretches.kinds,
            (std::vector<StretchKind>{StretchKind::kWalk, StretchKind::kStretch}));
  EXPECT_EQ(ErrorOf("stretches:\n  kinds: []\n"),
            "u.yaml:2:10: stretches.kinds is an empty list, expected a list of kinds from: "
            "stretch, strength, release, walk, posture, like [stretch, walk]");
  EXPECT_EQ(ErrorOf("stretches:\n  kinds: [nap]\n"),
            "u.yaml:2:11: stretches.kinds[0]: \"nap\" is not allowed, expected one of: stretch, "
            "strength, release, walk, posture");
}

TEST(ConfigLoaderTest, BadHistoryValues) {
  EXPECT_EQ(ErrorOf("history:\n  keep: 36h\n"),
            "u.yaml:2:9: history.keep: \"36h\" is not a whole number of days or years, expected "
            "a number of days or years, like 730d or 2y");
  EXPECT_EQ(ErrorOf("history:\n  day_starts: \"25:00\"\n"),
            "u.yaml:2:15: history.day_starts: \"25:00\" is not a time of day, expected a time of "
            "day HH:MM from 00:00 to 23:59");
}

TEST(ConfigLoaderTest, MalformedYaml) {
  EXPECT_EQ(ErrorOf("sit_limit: 60m\nidle: [x11\n"),
            "u.yaml:3:1: malformed YAML (end of sequence flow not found), expected well-formed "
            "YAML: check the indentation, colons and quotes");
  EXPECT_EQ(ErrorOf("sit_limit: a: b\n"),
            "u.yaml:1:13: malformed YAML (illegal map value), expected well-formed YAML: check "
            "the indentation, colons and quotes");
}

TEST(ConfigLoaderTest, OneDocumentOnly) {
  EXPECT_EQ(ErrorOf("sit_limit: 50m\n---\nsit_limit: 40m\n"),
            "u.yaml:3:1: a second YAML document begins here, expected a single document");
}

TEST(ConfigLoaderTest, EveryProblemIsReportedInFileOrder) {
  EXPECT_EQ(ErrorOf("snooze: never\non_dismiss: maybe\nsit_limt: 5m\n"),
            "u.yaml:1:9: snooze: \"never\" is not a duration, expected a duration like 45s, 5m "
            "or 1h30m (units ms, s, m, h, d)\n"
            "u.yaml:2:13: on_dismiss: \"maybe\" is not allowed, expected one of: snooze, skip\n"
            "u.yaml:3:1: unknown key \"sit_limt\" (did you mean \"sit_limit\"?), expected one "
            "of: sit_limit, break_after, up_min_break, remind_every, snooze, on_dismiss, "
            "quiet_hours, working_hours, hold, idle, notify, "
            "stretches, history, standing_desk");
}

}  // namespace
}  // namespace unsit
