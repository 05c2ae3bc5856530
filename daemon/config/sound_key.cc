#include "config/sound_key.h"

#include <algorithm>
#include <cctype>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::config_internal {
namespace {

constexpr std::size_t kMaxSoundName = 64;

bool IsThemeName(const std::string& text) {
  if (text.empty() || text.size() > kMaxSoundName || text[0] == '.' || text[0] == '-') {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

std::optional<NotifySound> SoundOf(const YAML::Node& key, const YAML::Node& value,
                                   const std::string& path, Problems& problems) {
  const std::string expected =
      Tr("expected a sound theme name like complete or bell, an absolute path of a sound "
         "file, or none");
  const std::optional<std::string> text = TextOf(key, value, path, expected, problems);
  if (!text) return std::nullopt;
  if (*text == "none") return NotifySound{NotifySound::Kind::kNone, ""};
  if (text->front() == '/') return NotifySound{NotifySound::Kind::kFile, *text};
  if (IsThemeName(*text)) return NotifySound{NotifySound::Kind::kTheme, *text};
  problems.Add(
      value.Mark(),
      FormatText(Tr("%s: \"%s\" is neither a sound name nor a file"), path.c_str(), text->c_str()),
      expected);
  return std::nullopt;
}

}  // namespace unsit::config_internal
