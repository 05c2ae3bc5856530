#include "core/stretch_rotation.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "config/stretch_catalogue.h"

namespace unsit {
namespace {

std::vector<Stretch> Named(std::initializer_list<const char*> ids) {
  std::vector<Stretch> stretches;
  for (const char* id : ids) {
    Stretch s;
    s.id = id;
    s.name = id;
    stretches.push_back(s);
  }
  return stretches;
}

std::vector<std::string> Take(StretchRotation& rotation, std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(rotation.Next().id);
  return ids;
}

TEST(StretchRotationTest, CatalogueOrderWithoutSeed) {
  StretchRotation rotation(Named({"a", "b", "c"}));
  EXPECT_EQ(Take(rotation, 3), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(StretchRotationTest, NeverRepeatsWithinARound) {
  Result<std::vector<Stretch>> builtin = BuiltinStretches();
  ASSERT_TRUE(builtin.ok()) << builtin.error().message;
  for (std::uint64_t seed : {1u, 2u, 42u, 1234567u}) {
    StretchRotation rotation(*builtin, seed);
    const std::size_t n = builtin->size();
    std::string previous;
    for (int round = 0; round < 5; ++round) {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < n; ++i) {
        const std::string id = rotation.Next().id;
        EXPECT_TRUE(seen.insert(id).second) << "seed " << seed << " repeated " << id;
        EXPECT_NE(id, previous) << "back to back at a round boundary";
        previous = id;
      }
      EXPECT_EQ(seen.size(), n);
    }
  }
}

TEST(StretchRotationTest, SeededOrderIsDeterministic) {
  StretchRotation first(Named({"a", "b", "c", "d", "e", "f"}), 7);
  StretchRotation second(Named({"a", "b", "c", "d", "e", "f"}), 7);
  EXPECT_EQ(Take(first, 18), Take(second, 18));
}

TEST(StretchRotationTest, PeekShowsNextWithoutAdvancing) {
  StretchRotation rotation(Named({"a", "b"}));
  EXPECT_EQ(rotation.Peek().id, "a");
  EXPECT_EQ(rotation.Peek().id, "a");
  EXPECT_EQ(rotation.Next().id, "a");
  EXPECT_EQ(rotation.Peek().id, "b");
  EXPECT_EQ(rotation.Next().id, "b");
  EXPECT_EQ(rotation.Peek().id, "a");  // a new round
}

TEST(StretchRotationTest, NewRoundDoesNotStartWithTheLastOne) {
  StretchRotation rotation(Named({"a", "b", "c"}));
  Take(rotation, 3);
  EXPECT_NE(rotation.Next().id, "c");
}

TEST(StretchRotationTest, EmptyListFallsBackToAHipFlexorStretch) {
  StretchRotation rotation(std::vector<Stretch>{});
  EXPECT_EQ(rotation.size(), 1u);
  EXPECT_EQ(rotation.Next().id, "fallback-hip-stretch");
  const Stretch& again = rotation.Next();
  EXPECT_EQ(again.id, "fallback-hip-stretch");
  EXPECT_EQ(again.kind, StretchKind::kStretch);
  EXPECT_FALSE(again.caution.empty());
  EXPECT_FALSE(rotation.Peek().cue.empty());
}

TEST(StretchRotationTest, DefaultConstructedStretchesUntilReconfigured) {
  StretchRotation rotation;
  EXPECT_EQ(rotation.Peek().id, "fallback-hip-stretch");
  rotation.Reconfigure(Named({"a", "b"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"a", "b"}));
}

// A daemon started every day goes on where the last run stopped, so every
// stretch comes once before any repeats.
TEST(StretchRotationTest, ResumeGoesOnWhereTheLastRunStopped) {
  StretchRotation first(Named({"a", "b", "c", "d"}));
  EXPECT_EQ(Take(first, 2), (std::vector<std::string>{"a", "b"}));
  StretchRotation second(Named({"a", "b", "c", "d"}));
  second.Resume(first.State());
  EXPECT_EQ(Take(second, 2), (std::vector<std::string>{"c", "d"}));
  StretchRotation third(Named({"a", "b", "c", "d"}));
  third.Resume(second.State());
  EXPECT_NE(third.Next().id, "d") << "a new round never starts with the last one";
}

TEST(StretchRotationTest, ResumeDropsWhatIsNoLongerEligible) {
  StretchRotation rotation(Named({"a", "b", "c"}));
  rotation.Resume(RotationState{{"gone", "a"}, "a"});
  EXPECT_EQ(rotation.State(), (RotationState{{"a"}, "a"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"b", "c"}));
  rotation.Resume(RotationState{{"a", "b", "c"}, "c"});
  EXPECT_NE(rotation.Next().id, "c");
}

TEST(StretchRotationTest, DuplicateIdsCountOnce) {
  StretchRotation rotation(Named({"a", "a", "b"}));
  EXPECT_EQ(rotation.size(), 2u);
}

TEST(StretchRotationTest, ReconfigureKeepsTheRoundGoing) {
  StretchRotation rotation(Named({"a", "b", "c", "d"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"a", "b"}));
  // "c" leaves, "e" joins: the round finishes with what was not shown yet.
  rotation.Reconfigure(Named({"a", "b", "d", "e"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(Take(rotation, 4), (std::vector<std::string>{"a", "b", "d", "e"}));
}

TEST(StretchRotationTest, ReconfigureWithEverythingShownStartsARound) {
  StretchRotation rotation(Named({"a", "b", "c"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"a", "b"}));
  rotation.Reconfigure(Named({"a", "b"}));
  EXPECT_EQ(Take(rotation, 2), (std::vector<std::string>{"a", "b"}));
  rotation.Reconfigure({});
  EXPECT_EQ(rotation.Next().id, "fallback-hip-stretch");
}

}  // namespace
}  // namespace unsit
