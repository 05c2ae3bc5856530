// The words made for people, in a real language: the reminder and the
// durations through the build tree's compiled German catalogue, as a user with
// LANG=de_DE.UTF-8 meets them. The tests run in the C locale otherwise.
#include <gtest/gtest.h>

#include <clocale>

#include "i18n/locale.h"
#include "i18n/reminder_text.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "support/scoped_env.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

// German for the life of the test, the C locale again after it.
class InGerman : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.Set("UNSIT_LOCALEDIR", UNSIT_BUILD_LOCALEDIR);
    env_.Set("LC_ALL", "de_DE.UTF-8");
    env_.Unset("LANGUAGE");
    InitLocale();
    if (std::string(std::setlocale(LC_MESSAGES, nullptr)) != "de_DE.UTF-8") {
      GTEST_SKIP() << "the de_DE.UTF-8 locale is not installed (package locales-all)";
    }
  }
  void TearDown() override { std::setlocale(LC_ALL, "C"); }

 private:
  test_support::ScopedEnv env_;
};

Stretch Lunge() {
  Stretch s;
  s.name = "Ausfallschritt im Stehen";
  s.cue = "Langer Schritt nach vorn.";
  s.caution = "Nur ein leichtes Ziehen. Bei Schmerz aufhören.";
  return s;
}

TEST_F(InGerman, TheReminderSpeaksGerman) {
  const ReminderView view = ComposeReminder(62min, Lunge(), 10min);
  EXPECT_EQ(view.summary, "Zeit zum Aufstehen – seit 1 Std. 02 Min. im Sitzen");
  EXPECT_EQ(view.body,
            "Gehen Sie ein paar Minuten umher.\n"
            "Dann dehnen: Ausfallschritt im Stehen — Langer Schritt nach vorn.\n"
            "Achtung: Nur ein leichtes Ziehen.\n"
            "Alle Schritte: unsit stretch");
  EXPECT_EQ(view.done_label, "Ich stehe auf");
  EXPECT_EQ(view.snooze_label, "10 Min. später");
  EXPECT_EQ(view.skip_label, "Überspringen");
  EXPECT_EQ(ComposeReminder(95min, Lunge(), 10min, {HoldReason::kCall}).summary,
            "1 Std. 35 Min. im Sitzen – das Gespräch ist vorbei, Zeit zum Aufstehen");
}

TEST_F(InGerman, DurationsAndPlurals) {
  EXPECT_EQ(HumanDuration(45min), "45 Min.");
  EXPECT_EQ(HumanDuration(30s), "30 Sek.");
  EXPECT_EQ(FormatText(TrN("%lld break", "%lld breaks", 1), 1LL), "1 Pause");
  EXPECT_EQ(FormatText(TrN("%lld break", "%lld breaks", 3), 3LL), "3 Pausen");
  // Context: the same English word, told apart for the translator.
  EXPECT_STREQ(TrC("button", "Skip"), "Überspringen");
}

TEST(CLocale, EnglishWithoutACatalogue) {
  EXPECT_EQ(HumanDuration(62min), "1 h 02 min");
  EXPECT_EQ(HumanDuration(45min + 59s), "45 min");
  EXPECT_EQ(HumanDuration(-3s), "0 s");
  EXPECT_STREQ(TrC("button", "Skip"), "Skip") << "an untranslated context lookup gives the msgid";
  EXPECT_EQ(FormatText(TrN("%lld break", "%lld breaks", 1), 1LL), "1 break");
}

}  // namespace
}  // namespace unsit
