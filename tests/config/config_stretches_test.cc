// The user's `stretches.extra` entries: the same rules as the catalogue.

#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.h"

namespace unsit {
namespace {

std::string ErrorOf(const std::string& yaml) {
  Result<Config> config = ParseConfig(yaml, "u.yaml");
  if (config.ok()) return "(parsed without error)";
  return config.error().message;
}

// A valid entry at line 3 of the document, with `extra_lines` appended to it.
std::string Extra(const std::string& id, const std::string& extra_lines = "") {
  return "    - id: " + id +
         "\n"
         "      name: Calf raises\n"
         "      where: standing\n"
         "      steps: [Rise onto your toes]\n"
         "      cue: Up on your toes and down.\n" +
         extra_lines;
}

const std::string kHead = "stretches:\n  extra:\n";

TEST(ConfigStretchesTest, MissingFieldIsReportedAtTheEntry) {
  EXPECT_EQ(ErrorOf(kHead + "    - id: a\n      name: A\n      where: desk\n      steps: [x]\n"),
            "u.yaml:3:7: stretches.extra[0] has no \"cue\", expected every stretch to have id, "
            "name, where, steps and cue");
}

TEST(ConfigStretchesTest, UnknownFieldSuggestsTheClosest) {
  EXPECT_EQ(ErrorOf(kHead + Extra("a", "      caution_: careful\n")),
            "u.yaml:8:7: unknown key \"caution_\" in stretches.extra[0] (did you mean "
            "\"caution\"?), expected one of: id, name, where, kind, minutes, steps, cue, "
            "caution, source");
}

TEST(ConfigStretchesTest, EntryMustBeAMapping) {
  EXPECT_EQ(ErrorOf(kHead + "    - walk\n"),
            "u.yaml:3:7: stretches.extra[0] is text, expected a mapping with keys id, name, "
            "where, kind, minutes, steps, cue, caution, source");
}

TEST(ConfigStretchesTest, BadFieldValues) {
  EXPECT_EQ(ErrorOf(kHead + Extra("Calf Raises")),
            "u.yaml:3:11: stretches.extra[0].id: \"Calf Raises\" is not a valid id, expected "
            "lowercase letters, digits and single dashes, like hip-opener");
  EXPECT_EQ(ErrorOf(kHead + Extra("a", "      minutes: 0\n")),
            "u.yaml:8:16: stretches.extra[0].minutes: \"0\" is not allowed, expected a whole "
            "number of minutes from 1 to 60");
  EXPECT_EQ(ErrorOf(kHead + Extra("a", "      minutes: two\n")),
            "u.yaml:8:16: stretches.extra[0].minutes: \"two\" is not allowed, expected a whole "
            "number of minutes from 1 to 60");
  EXPECT_EQ(ErrorOf(kHead + "    - id: a\n      name: A\n      where: bed\n      steps: [x]\n"
                            "      cue: y\n"),
            "u.yaml:5:14: stretches.extra[0].where: \"bed\" is not allowed, expected one of: "
            "standing, desk, floor");
  EXPECT_EQ(ErrorOf(kHead + "    - id: a\n      name: A\n      where: desk\n      steps: []\n"
                            "      cue: y\n"),
            "u.yaml:6:14: stretches.extra[0].steps is an empty list, expected a list of steps, "
            "each one line of text");
  EXPECT_EQ(ErrorOf(kHead + "    - id: a\n      name: A\n      where: desk\n      steps: [x]\n"
                            "      cue: |\n        one\n        two\n"),
            "u.yaml:7:12: stretches.extra[0].cue has more than one line, expected a one-line cue "
            "for the reminder");
  EXPECT_EQ(ErrorOf(kHead + "    - id: a\n      name: A\n      where: desk\n      steps: [x, [y]]\n"
                            "      cue: c\n"),
            "u.yaml:6:18: stretches.extra[0].steps[1] is a list, expected a list of steps, each "
            "one line of text");
}

TEST(ConfigStretchesTest, DuplicateIds) {
  EXPECT_EQ(ErrorOf(kHead + Extra("calf") + Extra("calf")),
            "u.yaml:8:11: stretches.extra[1].id: duplicate id \"calf\" (first used on line 3), "
            "expected every id to be unique");
}

TEST(ConfigStretchesTest, BuiltinIdsAreTaken) {
  EXPECT_EQ(ErrorOf(kHead + Extra("standing-lunge")),
            "u.yaml:3:11: stretches.extra[0].id: \"standing-lunge\" is a built-in stretch, "
            "expected an id of your own");
}

TEST(ConfigStretchesTest, OptionalFieldsAreRead) {
  Result<Config> config = ParseConfig(
      kHead + Extra("calf", "      minutes: 3\n      caution: Hold on.\n      source: me\n"),
      "u.yaml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->stretches.extra.size(), 1u);
  EXPECT_EQ(config->stretches.extra[0].minutes, 3);
  EXPECT_EQ(config->stretches.extra[0].caution, "Hold on.");
  EXPECT_EQ(config->stretches.extra[0].source, "me");
}

}  // namespace
}  // namespace unsit
