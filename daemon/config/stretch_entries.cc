#include "config/stretch_entries.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::config_internal {
namespace {

// In the order of the StretchPlace enumerators: an index here is a StretchPlace.
constexpr std::array<std::string_view, 3> kPlaceNames = {"standing", "desk", "floor"};
// In the order of the StretchKind enumerators.
constexpr std::array<std::string_view, 5> kKindNames = {"stretch", "strength", "release", "walk",
                                                        "posture"};
constexpr std::array<std::string_view, 9> kFields = {"id",    "name", "where",   "kind",  "minutes",
                                                     "steps", "cue",  "caution", "source"};
constexpr std::size_t kMaxNameLength = 60;
constexpr std::size_t kMaxCueLength = 200;
constexpr int kMaxMinutes = 60;

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t CharacterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 40 || id.front() == '-' || id.back() == '-') return false;
  if (id.find("--") != std::string_view::npos) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Reads one line of text of at most `max_length` characters (0: no limit).
std::optional<std::string> LineOf(const YAML::Node& key, const YAML::Node& value,
                                  const std::string& path, std::string_view expected,
                                  std::size_t max_length, Problems& problems) {
  std::optional<std::string> text = TextOf(key, value, path, expected, problems);
  if (!text) return std::nullopt;
  while (!text->empty() && text->back() == '\n') text->pop_back();  // YAML block scalars
  if (text->empty()) {
    problems.Add(value.Mark(), FormatText(Tr("%s is empty"), path.c_str()), expected);
  } else if (text->find('\n') != std::string::npos) {
    problems.Add(value.Mark(), FormatText(Tr("%s has more than one line"), path.c_str()), expected);
  } else if (max_length > 0 && CharacterCount(*text) > max_length) {
    problems.Add(value.Mark(),
                 FormatText(TrN("%s is longer than %zu character",
                                "%s is longer than %zu characters", max_length),
                            path.c_str(), max_length),
                 expected);
  } else {
    return text;
  }
  return std::nullopt;
}

std::optional<int> MinutesOf(const YAML::Node& key, const YAML::Node& value,
                             const std::string& path, Problems& problems) {
  const std::string expected =
      FormatText(Tr("expected a whole number of minutes from 1 to %d"), kMaxMinutes);
  const std::optional<std::string> text = TextOf(key, value, path, expected, problems);
  if (!text) return std::nullopt;
  int minutes = 0;
  for (char c : *text) {
    if (c < '0' || c > '9' || minutes > kMaxMinutes) {
      minutes = -1;
      break;
    }
    minutes = minutes * 10 + (c - '0');
  }
  if (minutes >= 1 && minutes <= kMaxMinutes) return minutes;
  problems.Add(value.Mark(),
               FormatText(Tr("%s: \"%s\" is not allowed"), path.c_str(), text->c_str()), expected);
  return std::nullopt;
}

std::optional<std::vector<std::string>> StepsOf(const YAML::Node& key, const YAML::Node& value,
                                                const std::string& path, Problems& problems) {
  const std::string_view expected = Tr("expected a list of steps, each one line of text");
  if (!value.IsSequence() || value.size() == 0) {
    const std::string what =
        value.IsSequence() ? FormatText(Tr("%s is an empty list"), path.c_str()) : IsA(path, value);
    problems.Add(MarkOf(key, value), what, expected);
    return std::nullopt;
  }
  std::vector<std::string> steps;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string step_path = path + "[" + std::to_string(i) + "]";
    std::optional<std::string> step = LineOf(value[i], value[i], step_path, expected, 0, problems);
    ok = ok && step.has_value();
    if (step) steps.push_back(std::move(*step));
  }
  if (!ok) return std::nullopt;
  return steps;
}

// Free text that may span lines (caution, source); trailing newlines dropped.
std::optional<std::string> ParagraphOf(const YAML::Node& key, const YAML::Node& value,
                                       const std::string& path, Problems& problems) {
  std::optional<std::string> text = TextOf(key, value, path, Tr("expected text"), problems);
  if (!text) return std::nullopt;
  while (!text->empty() && text->back() == '\n') text->pop_back();
  if (!text->empty()) return text;
  problems.Add(value.Mark(), FormatText(Tr("%s is empty"), path.c_str()), Tr("expected text"));
  return std::nullopt;
}

// Reads the fields of one entry into a Stretch, remembering which were valid.
class EntryReader {
 public:
  EntryReader(const StretchRules& rules, Problems& problems) : rules_(rules), problems_(problems) {}

  // The entry at `path`; nullopt when any field was wrong or a required one missing.
  std::optional<Stretch> Read(const YAML::Node& entry, const std::string& path) {
    ForEachKnownKey(
        entry, path, kFields, problems_,
        [this](const YAML::Node& key, const YAML::Node& value, const std::string& field_path) {
          valid_[key.Scalar()] = ReadField(key.Scalar(), key, value, field_path);
        });
    if (!entry.IsMap()) return std::nullopt;
    bool complete = true;
    std::string missing;
    for (std::string_view field : kFields) {
      const auto found = valid_.find(std::string(field));
      if (found != valid_.end()) {
        complete = complete && found->second;
      } else if (Required(field)) {
        missing += (missing.empty() ? "\"" : ", \"") + std::string(field) + "\"";
      }
    }
    if (!missing.empty()) {
      // TRANSLATORS: %s is an entry (stretches.extra[0]), then the field names
      // it lacks, which stay as they are.
      problems_.Add(
          entry.Mark(), FormatText(Tr("%s has no %s"), path.c_str(), missing.c_str()),
          rules_.require_all_fields
              ? FormatText(Tr("expected every stretch to have %s"), JoinWords(kFields).c_str())
              : Tr("expected every stretch to have id, name, where, steps and cue"));
    }
    if (!complete || !missing.empty()) return std::nullopt;
    return std::move(stretch_);
  }

 private:
  bool Required(std::string_view field) const {
    return rules_.require_all_fields ||
           (field != "kind" && field != "minutes" && field != "caution" && field != "source");
  }

  // Stores one field; false when it was reported as wrong.
  bool ReadField(const std::string& field, const YAML::Node& key, const YAML::Node& value,
                 const std::string& path) {
    if (field == "id") return ReadId(key, value, path);
    if (field == "where") {
      const std::optional<std::size_t> place = ChoiceOf(key, value, path, kPlaceNames, problems_);
      if (place) stretch_.where = static_cast<StretchPlace>(*place);
      return place.has_value();
    }
    if (field == "kind") {
      const std::optional<std::size_t> kind = ChoiceOf(key, value, path, kKindNames, problems_);
      if (kind) stretch_.kind = static_cast<StretchKind>(*kind);
      return kind.has_value();
    }
    if (field == "minutes") {
      const std::optional<int> minutes = MinutesOf(key, value, path, problems_);
      if (minutes) stretch_.minutes = *minutes;
      return minutes.has_value();
    }
    if (field == "steps") {
      std::optional<std::vector<std::string>> steps = StepsOf(key, value, path, problems_);
      if (steps) stretch_.steps = std::move(*steps);
      return steps.has_value();
    }
    if (field == "name") {
      return Store(LineOf(key, value, path, Tr("expected a short name on one line"), kMaxNameLength,
                          problems_),
                   stretch_.name);
    }
    if (field == "cue") {
      return Store(LineOf(key, value, path, Tr("expected a one-line cue for the reminder"),
                          kMaxCueLength, problems_),
                   stretch_.cue);
    }
    return Store(ParagraphOf(key, value, path, problems_),
                 field == "caution" ? stretch_.caution : stretch_.source);
  }

  bool ReadId(const YAML::Node& key, const YAML::Node& value, const std::string& path) {
    std::optional<std::string> id =
        LineOf(key, value, path, Tr("expected an id like hip-opener"), 0, problems_);
    if (!id) return false;
    if (!ValidId(*id)) {
      problems_.Add(value.Mark(),
                    FormatText(Tr("%s: \"%s\" is not a valid id"), path.c_str(), id->c_str()),
                    Tr("expected lowercase letters, digits and single dashes, like hip-opener"));
      return false;
    }
    stretch_.id = std::move(*id);
    return true;
  }

  static bool Store(std::optional<std::string> text, std::string& out) {
    if (text) out = std::move(*text);
    return text.has_value();
  }

  const StretchRules& rules_;
  Problems& problems_;
  Stretch stretch_;
  std::map<std::string, bool> valid_;  // field name -> read without problems
};

}  // namespace

std::span<const std::string_view> PlaceNames() { return kPlaceNames; }

std::span<const std::string_view> KindNames() { return kKindNames; }

std::vector<Stretch> StretchListOf(const YAML::Node& key, const YAML::Node& list,
                                   const std::string& path, const StretchRules& rules,
                                   Problems& problems) {
  std::vector<Stretch> stretches;
  if (list.IsNull()) return stretches;
  if (!list.IsSequence()) {
    problems.Add(MarkOf(key, list), IsA(path, list), Tr("expected a list of stretch entries"));
    return stretches;
  }
  std::map<std::string, int> first_line;  // id -> line of its first use
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node entry = list[i];
    const std::string entry_path = path + "[" + std::to_string(i) + "]";
    std::optional<Stretch> stretch = EntryReader(rules, problems).Read(entry, entry_path);
    if (!stretch) continue;
    const YAML::Mark id_mark = entry["id"].Mark();
    if (std::find(rules.taken_ids.begin(), rules.taken_ids.end(), stretch->id) !=
        rules.taken_ids.end()) {
      problems.Add(id_mark,
                   FormatText(Tr("%s.id: \"%s\" is a built-in stretch"), entry_path.c_str(),
                              stretch->id.c_str()),
                   Tr("expected an id of your own"));
      continue;
    }
    const auto [previous, inserted] = first_line.emplace(stretch->id, id_mark.line + 1);
    if (!inserted) {
      problems.Add(id_mark,
                   FormatText(Tr("%s.id: duplicate id \"%s\" (first used on line %d)"),
                              entry_path.c_str(), stretch->id.c_str(), previous->second),
                   Tr("expected every id to be unique"));
      continue;
    }
    stretches.push_back(std::move(*stretch));
  }
  return stretches;
}

}  // namespace unsit::config_internal
