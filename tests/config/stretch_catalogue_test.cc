#include "config/stretch_catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/stretch_rotation.h"

namespace unsit {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::vector<Stretch> Builtin() {
  Result<std::vector<Stretch>> builtin = BuiltinStretches();
  EXPECT_TRUE(builtin.ok()) << builtin.error().message;
  return builtin.ok() ? *builtin : std::vector<Stretch>{};
}

TEST(StretchCatalogueTest, EmbeddedTextIsTheShippedFile) {
  std::ifstream in(std::string(UNSIT_SOURCE_DIR) + "/config/stretches.yaml");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(BuiltinStretchesYaml(), text.str());
}

TEST(StretchCatalogueTest, HasAtLeastTwelveCompleteEntries) {
  const std::vector<Stretch> builtin = Builtin();
  EXPECT_GE(builtin.size(), 12u);
  for (const Stretch& s : builtin) {
    SCOPED_TRACE(s.id);
    EXPECT_FALSE(s.id.empty());
    EXPECT_FALSE(s.name.empty());
    EXPECT_GE(s.minutes, 1);
    EXPECT_FALSE(s.steps.empty());
    EXPECT_FALSE(s.cue.empty());
    EXPECT_EQ(s.cue.find('\n'), std::string::npos);
    EXPECT_NE(Lower(s.caution).find("stop"), std::string::npos) << "must say to stop";
    const std::string caution = Lower(s.caution);
    EXPECT_TRUE(caution.find("pain") != std::string::npos ||
                caution.find("hurt") != std::string::npos)
        << "must name pain";
    // Cited by its title, in quotes, never by a file name.
    EXPECT_TRUE(s.source.starts_with("\"")) << s.source;
    EXPECT_FALSE(s.source.ends_with(".txt")) << s.source;
  }
}

TEST(StretchCatalogueTest, IdsAreUnique) {
  std::set<std::string> ids;
  for (const Stretch& s : Builtin()) EXPECT_TRUE(ids.insert(s.id).second) << s.id;
}

TEST(StretchCatalogueTest, CoversTheCoreExercises) {
  std::set<std::string> ids;
  for (const Stretch& s : Builtin()) ids.insert(s.id);
  for (const char* id :
       {"longer-walk", "standing-lunge", "knee-to-chest", "glute-bridge", "supported-bridge",
        "warrior-one", "boat-pose", "legs-on-chair", "posture-reset"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
}

TEST(StretchCatalogueTest, EveryPlaceIsRepresented) {
  std::set<StretchPlace> places;
  for (const Stretch& s : Builtin()) places.insert(s.where);
  EXPECT_EQ(places.size(), 3u);
}

TEST(StretchCatalogueTest, IdsDifferFromTheFallback) {
  for (const Stretch& s : Builtin()) EXPECT_NE(s.id, StretchRotation::Fallback().id);
}

TEST(StretchCatalogueTest, RemindersDrawHipFlexorStretchesUnlessAskedOtherwise) {
  const std::vector<Stretch> builtin = Builtin();
  Config config;  // standing and desk, stretches only
  const std::vector<Stretch> office = EligibleStretches(builtin, config);
  ASSERT_GE(office.size(), 2u);
  for (const Stretch& s : office) EXPECT_EQ(s.kind, StretchKind::kStretch) << s.id;

  config.stretches.kinds = {StretchKind::kWalk};
  const std::vector<Stretch> walks = EligibleStretches(builtin, config);
  ASSERT_EQ(walks.size(), 1u);
  EXPECT_EQ(walks.front().id, "longer-walk");
}

TEST(StretchCatalogueTest, EveryKindIsRepresented) {
  std::set<StretchKind> kinds;
  for (const Stretch& s : Builtin()) kinds.insert(s.kind);
  EXPECT_EQ(kinds.size(), 5u);
}

TEST(StretchCatalogueTest, FloorStretchesOnlyWhenAskedFor) {
  const std::vector<Stretch> builtin = Builtin();
  Config config;  // standing and desk
  config.stretches.kinds = {StretchKind::kStretch, StretchKind::kStrength, StretchKind::kRelease,
                            StretchKind::kWalk, StretchKind::kPosture};
  const std::vector<Stretch> office = EligibleStretches(builtin, config);
  EXPECT_FALSE(office.empty());
  for (const Stretch& s : office) EXPECT_NE(s.where, StretchPlace::kFloor) << s.id;

  config.stretches.places.push_back(StretchPlace::kFloor);
  EXPECT_EQ(EligibleStretches(builtin, config).size(), builtin.size());

  config.stretches.places = {StretchPlace::kFloor};
  for (const Stretch& s : EligibleStretches(builtin, config)) {
    EXPECT_EQ(s.where, StretchPlace::kFloor) << s.id;
  }
}

TEST(StretchCatalogueTest, ExtrasJoinAfterTheCatalogueAndFollowPlaces) {
  const std::vector<Stretch> builtin = Builtin();
  Config config;
  Stretch calf;
  calf.id = "calf-raises";
  Stretch mat;
  mat.id = "mat";
  mat.where = StretchPlace::kFloor;
  config.stretches.extra = {calf, mat};
  const std::vector<Stretch> eligible = EligibleStretches(builtin, config);
  ASSERT_FALSE(eligible.empty());
  EXPECT_EQ(eligible.back().id, "calf-raises");
  EXPECT_EQ(std::count_if(eligible.begin(), eligible.end(),
                          [](const Stretch& s) { return s.id == "mat"; }),
            0);
}

TEST(StretchCatalogueTest, ParseStretchesRequiresEveryField) {
  Result<std::vector<Stretch>> parsed =
      ParseStretches("- id: a\n  name: A\n  where: desk\n  steps: [x]\n  cue: y\n", "cat.yaml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message,
            "cat.yaml:1:3: stretches[0] has no \"kind\", \"minutes\", \"caution\", \"source\", "
            "expected every stretch to have id, name, where, kind, minutes, steps, cue, caution, "
            "source");
}

TEST(StretchCatalogueTest, ParseStretchesRejectsDuplicatesAndBadYaml) {
  const std::string entry =
      "- id: a\n  name: A\n  where: desk\n  kind: stretch\n  minutes: 1\n  steps: [x]\n  cue: y\n"
      "  caution: Stop on pain.\n  source: s.txt\n";
  Result<std::vector<Stretch>> twice = ParseStretches(entry + entry, "cat.yaml");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message,
            "cat.yaml:10:7: stretches[1].id: duplicate id \"a\" (first used on line 1), expected "
            "every id to be unique");
  Result<std::vector<Stretch>> bad = ParseStretches("- id: [a\n", "cat.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "config");
  EXPECT_TRUE(bad.error().message.starts_with("cat.yaml:")) << bad.error().message;
  Result<std::vector<Stretch>> one = ParseStretches(entry, "cat.yaml");
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_EQ(one->size(), 1u);
}

}  // namespace
}  // namespace unsit
