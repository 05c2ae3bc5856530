#include "config/stretch_translation.h"

#include <optional>
#include <string>

#include "i18n/tr.h"

namespace unsit {
namespace {

// The translation of `english` in the context "ID/FIELD", or nullopt when the
// catalogue of the locale has none (TrC then hands back its argument).
std::optional<std::string> Translation(const std::string& id, const char* field,
                                       const std::string& english) {
  const std::string context = id + '/' + field;
  const char* found = TrC(context.c_str(), english.c_str());
  if (found == english.c_str()) return std::nullopt;
  return std::string(found);
}

// Translates `text` in place unless it is empty (nothing shown, nothing to
// translate); false when there is no translation.
bool TranslateField(const std::string& id, const char* field, std::string& text) {
  if (text.empty()) return true;
  std::optional<std::string> translated = Translation(id, field, text);
  if (translated) text = std::move(*translated);
  return translated.has_value();
}

}  // namespace

Stretch TranslatedStretch(const Stretch& english) {
  Stretch stretch = english;
  bool complete = TranslateField(english.id, "name", stretch.name) &&
                  TranslateField(english.id, "cue", stretch.cue) &&
                  TranslateField(english.id, "caution", stretch.caution);
  for (std::string& step : stretch.steps) {
    complete = complete && TranslateField(english.id, "steps", step);
  }
  return complete ? stretch : english;
}

}  // namespace unsit
