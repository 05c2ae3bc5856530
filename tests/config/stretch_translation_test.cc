// The catalogue in German, French and Spanish from the .mo files compiled from
// po/LL.po into the build tree, and the template po/stretches-pot extracts.
#include "config/stretch_translation.h"

#include <gtest/gtest.h>
#include <libintl.h>

#include <algorithm>
#include <clocale>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config/stretch_catalogue.h"
#include "i18n/tr.h"
#include "support/child.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace unsit {
namespace {

// The process speaks `locale` (e.g. "de_DE.UTF-8") with the unsit domain bound
// to the build tree's .mo files for the life of the object; the old locale and
// binding come back after. LANGUAGE is removed so that only the locale decides.
class ScopedMessages {
 public:
  explicit ScopedMessages(const char* locale) : language_("LANGUAGE", std::nullopt) {
    old_locale_ = std::setlocale(LC_ALL, nullptr);
    old_dir_ = bindtextdomain(kTextDomain, nullptr);
    ok_ = std::setlocale(LC_ALL, locale) != nullptr;
    bindtextdomain(kTextDomain, UNSIT_BUILD_LOCALEDIR);
    bind_textdomain_codeset(kTextDomain, "UTF-8");
  }
  ~ScopedMessages() {
    std::setlocale(LC_ALL, old_locale_.c_str());
    bindtextdomain(kTextDomain, old_dir_.c_str());
  }
  ScopedMessages(const ScopedMessages&) = delete;
  ScopedMessages& operator=(const ScopedMessages&) = delete;

  bool ok() const { return ok_; }

 private:
  test_support::ScopedEnv language_;
  std::string old_locale_;
  std::string old_dir_;
  bool ok_ = false;
};

std::vector<Stretch> English() {
  Result<std::vector<Stretch>> parsed = ParseStretches(BuiltinStretchesYaml(), "stretches.yaml");
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? *parsed : std::vector<Stretch>{};
}

template <typename Stretches>
auto Find(Stretches& stretches, const std::string& id) -> decltype(&stretches.front()) {
  const auto found = std::find_if(stretches.begin(), stretches.end(),
                                  [&id](const Stretch& s) { return s.id == id; });
  return found == stretches.end() ? nullptr : &*found;
}

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t CharacterCount(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string Lower(std::string text) {
  for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return text;
}

bool ContainsAny(const std::string& text, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&text](const char* word) { return text.find(word) != std::string::npos; });
}

TEST(StretchTranslationTest, GermanLocaleGivesTheLungeInGerman) {
  ScopedMessages german("de_DE.UTF-8");
  ASSERT_TRUE(german.ok()) << "de_DE.UTF-8 is missing: install locales-all";
  Result<std::vector<Stretch>> builtin = BuiltinStretches();
  ASSERT_TRUE(builtin.ok()) << builtin.error().message;
  const Stretch* lunge = Find(*builtin, "standing-lunge");
  ASSERT_NE(lunge, nullptr);
  EXPECT_EQ(lunge->name, "Ausfallschritt im Stand");
  ASSERT_EQ(lunge->steps.size(), 6u);
  EXPECT_EQ(lunge->steps[1],
            "Machen Sie mit dem rechten Fuß einen großen Schritt nach vorn; die linke Ferse löst "
            "sich vom Boden.");
  EXPECT_NE(lunge->caution.find("hören Sie auf"), std::string::npos) << lunge->caution;
  // What is not shown stays as it is.
  const std::vector<Stretch> all_english = English();
  const Stretch* english = Find(all_english, "standing-lunge");
  ASSERT_NE(english, nullptr);
  EXPECT_EQ(lunge->source, english->source);
  EXPECT_EQ(lunge->minutes, english->minutes);
  EXPECT_EQ(lunge->where, english->where);
}

TEST(StretchTranslationTest, EntryWithOneUntranslatedFieldStaysWhollyEnglish) {
  ScopedMessages german("de_DE.UTF-8");
  ASSERT_TRUE(german.ok()) << "de_DE.UTF-8 is missing: install locales-all";
  // The English cue was edited and its translation not yet: the German
  // catalogue has no message for the new text.
  std::vector<Stretch> stretches = English();
  Stretch* lunge = Find(stretches, "standing-lunge");
  ASSERT_NE(lunge, nullptr);
  lunge->cue = "Long step forward and hold; 30 s a side.";
  const Stretch shown = TranslatedStretch(*lunge);
  EXPECT_EQ(shown.name, "Standing lunge");
  EXPECT_EQ(shown.steps, lunge->steps);
  EXPECT_EQ(shown.cue, lunge->cue);
  EXPECT_EQ(shown.caution, lunge->caution);
  // The same for a step: one new step keeps every other field English.
  Stretch walk = *Find(stretches, "longer-walk");
  walk.steps.push_back("Drink a glass of water.");
  EXPECT_EQ(TranslatedStretch(walk).name, "A longer walk");
  // The untouched entry beside it is translated, so the lookup itself works.
  walk.steps.pop_back();
  EXPECT_EQ(TranslatedStretch(walk).name, "Ein längerer Spaziergang");
}

TEST(StretchTranslationTest, EnglishWithoutALocale) {
  ScopedMessages plain("C");
  ASSERT_TRUE(plain.ok());
  for (const Stretch& s : English()) {
    const Stretch shown = TranslatedStretch(s);
    EXPECT_EQ(shown.name, s.name);
    EXPECT_EQ(shown.cue, s.cue);
  }
}

struct Language {
  const char* locale;
  std::initializer_list<const char*> stop;  // how a caution says "stop"
  std::initializer_list<const char*> pain;  // and names pain
};

// Every entry is wholly translated in each shipped language, within the limits
// the catalogue holds English to, and every caution still says to stop on pain.
TEST(StretchTranslationTest, EveryEntryIsTranslatedInEachLanguage) {
  const Language languages[] = {
      {"de_DE.UTF-8", {"hören sie", "aufhören"}, {"schmerz"}},
      {"fr_FR.UTF-8", {"arrêtez"}, {"douleur", "mal"}},
      {"es_ES.UTF-8", {"deténgase", "pare"}, {"dolor", "duele"}},
  };
  const std::vector<Stretch> english = English();
  ASSERT_FALSE(english.empty());
  for (const Language& language : languages) {
    SCOPED_TRACE(language.locale);
    ScopedMessages messages(language.locale);
    ASSERT_TRUE(messages.ok()) << language.locale << " is missing: install locales-all";
    for (const Stretch& s : english) {
      SCOPED_TRACE(s.id);
      const Stretch shown = TranslatedStretch(s);
      EXPECT_NE(shown.cue, s.cue) << "not translated";
      EXPECT_NE(shown.caution, s.caution) << "not translated";
      EXPECT_EQ(shown.steps.size(), s.steps.size());
      EXPECT_LE(CharacterCount(shown.name), 60u) << shown.name;
      EXPECT_LE(CharacterCount(shown.cue), 200u) << shown.cue;
      EXPECT_EQ(shown.cue.find('\n'), std::string::npos);
      const std::string caution = Lower(shown.caution);
      EXPECT_TRUE(ContainsAny(caution, language.stop)) << "must say to stop: " << shown.caution;
      EXPECT_TRUE(ContainsAny(caution, language.pain)) << "must name pain: " << shown.caution;
    }
  }
}

// The (context, text) pairs of a .pot file.
std::set<std::pair<std::string, std::string>> TemplateMessages(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  const auto unquote = [](const std::string& line, std::size_t from) {
    std::string text;
    for (std::size_t i = line.find('"', from) + 1; i + 1 < line.size(); ++i) {
      if (line[i] != '\\') {
        text += line[i];
        continue;
      }
      const char escaped = line[++i];
      text += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
    }
    return text;
  };
  std::set<std::pair<std::string, std::string>> messages;
  std::string context;
  std::string* last = nullptr;
  std::string id;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("msgctxt ")) {
      context = unquote(line, 7);
      last = &context;
    } else if (line.starts_with("msgid ")) {
      id = unquote(line, 5);
      last = &id;
    } else if (line.starts_with("\"") && last != nullptr) {
      *last += unquote(line, 0);
    } else if (line.starts_with("msgstr")) {
      if (!context.empty()) messages.emplace(context, id);
      context.clear();
      last = nullptr;
    }
  }
  return messages;
}

// A new entry, a changed text or a new step must reach the template; a new
// field in stretches.yaml stops po/stretches-pot until it says whether the
// field is shown (so the build of the template fails).
TEST(StretchTranslationTest, TemplateHasEveryShownFieldOfEveryEntry) {
  const std::set<std::pair<std::string, std::string>> messages =
      TemplateMessages(UNSIT_STRETCHES_POT);
  std::set<std::pair<std::string, std::string>> expected;
  for (const Stretch& s : English()) {
    expected.emplace(s.id + "/name", s.name);
    for (const std::string& step : s.steps) expected.emplace(s.id + "/steps", step);
    expected.emplace(s.id + "/cue", s.cue);
    expected.emplace(s.id + "/caution", s.caution);
  }
  ASSERT_GT(expected.size(), 100u);
  for (const auto& message : expected) {
    EXPECT_TRUE(messages.contains(message)) << message.first << ": " << message.second;
  }
  // Nothing else: no message of a field the reminder does not show.
  EXPECT_EQ(messages.size(), expected.size());
}

// The extractor stops at a field it does not know, so a new shown field
// cannot reach the reminder untranslated; it takes the catalogue as shipped.
TEST(StretchTranslationTest, ExtractorRefusesAFieldItDoesNotKnow) {
  const std::string script = std::string(UNSIT_SOURCE_DIR) + "/po/stretches-pot";
  test_support::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string pot = dir.File("out.pot");
  EXPECT_EQ(
      test_support::Run(
          {"python3", script, std::string(UNSIT_SOURCE_DIR) + "/config/stretches.yaml", "-o", pot}),
      0);
  std::ofstream(dir.File("new-field.yaml"))
      << "- id: calf-raises\n  name: Calf raises\n  where: standing\n  steps: [Rise]\n"
         "  cue: Up on the toes\n  tip: Hold the desk\n";
  EXPECT_EQ(test_support::Run({"python3", script, dir.File("new-field.yaml"), "-o", pot}), 1);
}

}  // namespace
}  // namespace unsit
