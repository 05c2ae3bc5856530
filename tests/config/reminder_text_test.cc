// The reminder's words, in English (the C locale) and, through the build
// tree's compiled catalogue, in German as a user with LANG=de_DE.UTF-8 meets
// them; durations and plurals with it.
#include "i18n/reminder_text.h"

#include <gtest/gtest.h>

#include <clocale>
#include <filesystem>

#include "i18n/locale.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "support/scoped_env.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;

Stretch Lunge() {
  Stretch s;
  s.id = "standing-lunge";
  s.name = "Standing lunge";
  s.cue = "Long step forward, tailbone down; 30 s a side.";
  s.caution = "Aim for a mild pull. Stop if it hurts.";
  return s;
}

TEST(ReminderTextTest, WithButtons) {
  const ReminderView view = ComposeReminder(62min, Lunge(), 10min);
  EXPECT_EQ(view.summary, "Time to stand up — 1 h 02 min sitting");
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then stretch: Standing lunge — Long step forward, tailbone down; 30 s a side.\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch");
  EXPECT_EQ(view.snooze_label, "Snooze 10 min");
  EXPECT_EQ(BodyFor(view, true), view.body);
}

TEST(ReminderTextTest, AfterAHoldSaysWhatIsOver) {
  EXPECT_EQ(ComposeReminder(95min, Lunge(), 10min, {HoldReason::kCall}).summary,
            "1 h 35 min sitting — the call is over, time to stand");
  // A call names itself before Do Not Disturb, which calls often switch on.
  EXPECT_EQ(ComposeReminder(95min, Lunge(), 10min, {HoldReason::kDnd, HoldReason::kCall}).summary,
            "1 h 35 min sitting — the call is over, time to stand");
  EXPECT_EQ(ComposeReminder(70min, Lunge(), 10min, {HoldReason::kScreencast}).summary,
            "1 h 10 min sitting — the screen share is over, time to stand");
  EXPECT_EQ(ComposeReminder(70min, Lunge(), 10min, {HoldReason::kDnd}).summary,
            "1 h 10 min sitting — Do Not Disturb is off, time to stand");
}

TEST(ReminderTextTest, WithoutButtonsNamesTheCommands) {
  const ReminderView view = ComposeReminder(45min, Lunge(), 15min);
  EXPECT_EQ(view.summary, "Time to stand up — 45 min sitting");
  EXPECT_EQ(BodyFor(view, false),
            "Walk around for a few minutes.\n"
            "Then stretch: Standing lunge — Long step forward, tailbone down; 30 s a side.\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch\n"
            "No buttons here: run unsit done once you are up, unsit snooze to wait 15 min, or "
            "unsit skip to let this one pass.");
  EXPECT_EQ(view.snooze_label, "Snooze 15 min");
}

TEST(ReminderTextTest, EscapesMarkupInTheBody) {
  Stretch s = Lunge();
  s.name = "Hips <&> knees";
  s.cue = "a < b && c > d";
  const ReminderView view = ComposeReminder(1h, s, 10min);
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then stretch: Hips &lt;&amp;&gt; knees — a &lt; b &amp;&amp; c &gt; d\n"
            "Careful: Aim for a mild pull.\n"
            "All steps: unsit stretch");
}

TEST(ReminderTextTest, ActionsInAMenuAreSaidToBeThere) {
  const ReminderView view = ComposeReminder(1h, Lunge(), 10min);
  const std::string body = BodyFor(view, true, "dunstctl context");
  EXPECT_TRUE(body.ends_with(
      "\nI'm up, snooze and skip are in the notification's menu (dunstctl context)."))
      << body;
  EXPECT_EQ(BodyFor(view, true), view.body) << "buttons on screen: no menu line";
}

TEST(ReminderTextTest, AWalkIsNotCalledAStretch) {
  Stretch walk = Lunge();
  walk.name = "A longer walk";
  walk.kind = StretchKind::kWalk;
  walk.cue = "Five easy minutes.";
  walk.caution.clear();
  const ReminderView view = ComposeReminder(1h, walk, 10min);
  EXPECT_EQ(view.body,
            "Walk around for a few minutes.\n"
            "Then: A longer walk — Five easy minutes.\n"
            "All steps: unsit stretch");
}

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
    if (!std::filesystem::exists(UNSIT_BUILD_LOCALEDIR "/de/LC_MESSAGES/unsit.mo")) {
      GTEST_SKIP() << "the German catalogue is not built (msgfmt, package gettext)";
    }
  }
  void TearDown() override { std::setlocale(LC_ALL, "C"); }

 private:
  test_support::ScopedEnv env_;
};

TEST_F(InGerman, TheReminderSpeaksGerman) {
  // The stretch's own text comes from the catalogue as it is.
  const ReminderView view = ComposeReminder(62min, Lunge(), 10min);
  EXPECT_EQ(view.summary, "Zeit zum Aufstehen – seit 1 Std. 02 Min. im Sitzen");
  EXPECT_EQ(view.body,
            "Gehen Sie ein paar Minuten umher.\n"
            "Dann dehnen: Standing lunge — Long step forward, tailbone down; 30 s a side.\n"
            "Achtung: Aim for a mild pull.\n"
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

// A backend's error: English for JSON and the log, German for the person.
TEST_F(InGerman, AnErrorCarriesItsTextBesideTheEnglishMessage) {
  const Error camera =
      ErrorWithText(errc::kUnavailable, TrNoop("no camera (no video* in %s)"), "/dev");
  EXPECT_EQ(camera.message, "no camera (no video* in /dev)");
  EXPECT_EQ(camera.text, "keine Kamera (kein video* in /dev)");
  EXPECT_EQ(ErrorText(camera), camera.text);
  // Around a fixed inner message: the inner one is looked up too.
  const Error wrapped = WrapError(errc::kUnavailable, TrNoop("no logind session: %s"),
                                  Error{errc::kDbus, TrNoop("the GLib thread is not running")});
  EXPECT_EQ(wrapped.message, "no logind session: the GLib thread is not running");
  EXPECT_EQ(wrapped.text, "keine logind-Sitzung: der GLib-Thread läuft nicht");
  // A message from below that no catalogue knows comes back as it is.
  EXPECT_EQ(ErrorText(Error{errc::kDbus, "Connection refused"}), "Connection refused");
  EXPECT_EQ(ErrorText(Error{errc::kDbus, ""}), "") << "never the catalogue's header";
}

TEST(CLocale, EnglishWithoutACatalogue) {
  EXPECT_EQ(HumanDuration(62min), "1 h 02 min");
  EXPECT_EQ(HumanDuration(45min + 59s), "45 min");
  EXPECT_EQ(HumanDuration(-3s), "0 s");
  EXPECT_STREQ(TrC("button", "Skip"), "Skip") << "an untranslated context lookup gives the msgid";
  EXPECT_EQ(FormatText(TrN("%lld break", "%lld breaks", 1), 1LL), "1 break");
  const Error error =
      ErrorWithText(errc::kUnavailable, TrNoop("the schema %s is not installed"), "org.example");
  EXPECT_EQ(error.text, error.message);
}

}  // namespace
}  // namespace unsit
