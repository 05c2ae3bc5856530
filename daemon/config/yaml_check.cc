#include "config/yaml_check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "config/yaml_guard.h"
#include "core/duration.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::config_internal {
namespace {

std::string DurationExpected() { return Tr("expected a duration like 45s, 5m or 1h30m"); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

// " (did you mean "WORD"?)" after a word that is not known, when one is close.
std::string DidYouMean(std::string_view suggestion) {
  if (suggestion.empty()) return "";
  return " " + FormatText(Tr("(did you mean %s?)"), Quote(suggestion).c_str());
}

// `text` with control characters written as escapes (\n, \t, \xNN), so that a
// value quoted in a message neither splits its line nor drives a terminal.
std::string EscapeControls(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      escaped += "\\n";
    } else if (c == '\t') {
      escaped += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      constexpr std::string_view kHex = "0123456789abcdef";
      escaped += "\\x";
      escaped += kHex[byte >> 4];
      escaped += kHex[byte & 0xf];
    } else {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace

void Problems::Add(const YAML::Mark& mark, std::string_view what, std::string_view expected) {
  const int line = mark.is_null() || mark.line < 0 ? 1 : mark.line + 1;
  const int column = mark.is_null() || mark.column < 0 ? 1 : mark.column + 1;
  std::string text = file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  text.append(EscapeControls(what)).append(", ").append(expected);
  entries_.push_back({line, column, std::move(text)});
}

Error Problems::ToError() const {
  std::vector<Entry> sorted = entries_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  std::string message;
  std::size_t shown = 0;
  for (const Entry& entry : sorted) {
    if (shown == kMaxShown) {
      const std::size_t more = sorted.size() - shown;
      message +=
          "\n" + file_ + ": " +
          FormatText(TrN("%zu more problems not shown, expected a file that is mostly right",
                         "%zu more problems not shown, expected a file that is mostly right", more),
                     more);
      break;
    }
    if (!message.empty()) message += '\n';
    message += entry.text.size() <= kMaxLineBytes ? entry.text
                                                  : entry.text.substr(0, kMaxLineBytes - 3) + "...";
    ++shown;
  }
  return Error{errc::kConfig, std::move(message)};
}

Result<YAML::Node> LoadYaml(std::string_view text, const std::string& file_name) {
  Problems problems(file_name);
  try {
    // Never YAML::LoadAll: it loops for ever on some malformed input.
    if (std::optional<YamlRefusal> refusal = CheckYamlShape(text)) {
      problems.Add(refusal->mark, refusal->what, refusal->expected);
      return problems.ToError();
    }
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // TRANSLATORS: %s is yaml-cpp's own description of the problem (English).
    problems.Add(e.mark, FormatText(Tr("malformed YAML (%s)"), e.msg.c_str()),
                 Tr("expected well-formed YAML: check the indentation, colons and quotes"));
  }
  return problems.ToError();
}

std::string DescribeNode(const YAML::Node& node) {
  switch (node.Type()) {
    // TRANSLATORS: what a YAML value is, said in "sit_limit is %s".
    case YAML::NodeType::Map:
      return TrC("yaml value", "a mapping");
    case YAML::NodeType::Sequence:
      return TrC("yaml value", "a list");
    case YAML::NodeType::Scalar:
      return TrC("yaml value", "text");
    default:
      return TrC("yaml value", "empty");
  }
}

std::string IsA(std::string_view path, const YAML::Node& value) {
  const std::string name(path);
  // TRANSLATORS: the first %s is a config key, the second what its value is
  // ("a list", "text").
  return value.IsNull() ? FormatText(Tr("%s has no value"), name.c_str())
                        : FormatText(Tr("%s is %s"), name.c_str(), DescribeNode(value).c_str());
}

std::string_view ClosestWord(std::string_view word, std::span<const std::string_view> known) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view candidate : known) {
    const std::size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string JoinWords(std::span<const std::string_view> words) {
  std::string joined;
  for (std::string_view word : words) {
    if (!joined.empty()) joined += ", ";
    joined += word;
  }
  return joined;
}

YAML::Mark MarkOf(const YAML::Node& key, const YAML::Node& value) {
  return value.IsNull() ? key.Mark() : value.Mark();
}

void ForEachKnownKey(const YAML::Node& map, std::string_view where,
                     std::span<const std::string_view> known, Problems& problems,
                     const std::function<void(const YAML::Node& key, const YAML::Node& value,
                                              const std::string& path)>& visit) {
  const std::string expected_keys = FormatText(Tr("expected one of: %s"), JoinWords(known).c_str());
  const std::string prefix = where.empty() ? "" : std::string(where) + ".";
  if (map.IsNull()) return;
  if (!map.IsMap()) {
    const std::string what = where.empty()
                                 ? FormatText(Tr("the file holds %s"), DescribeNode(map).c_str())
                                 : IsA(where, map);
    problems.Add(map.Mark(), what,
                 FormatText(Tr("expected a mapping with keys %s"), JoinWords(known).c_str()));
    return;
  }
  std::map<std::string, int> seen_on_line;
  for (auto it = map.begin(); it != map.end(); ++it) {
    // Copies: yaml-cpp's iterator hands out a proxy that dies with the expression.
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (!key.IsScalar()) {
      problems.Add(key.Mark(),
                   FormatText(Tr("a key is %s, not a plain word"), DescribeNode(key).c_str()),
                   expected_keys);
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      // TRANSLATORS: the second %s is the section ("idle") of the unknown key.
      std::string what = where.empty() ? FormatText(Tr("unknown key %s"), Quote(name).c_str())
                                       : FormatText(Tr("unknown key %s in %s"), Quote(name).c_str(),
                                                    std::string(where).c_str());
      what += DidYouMean(ClosestWord(name, known));
      problems.Add(key.Mark(), what, expected_keys);
      continue;
    }
    const auto [previous, inserted] = seen_on_line.emplace(name, key.Mark().line + 1);
    if (!inserted) {
      problems.Add(key.Mark(),
                   FormatText(Tr("duplicate key %s (first set on line %d)"),
                              Quote(prefix + name).c_str(), previous->second),
                   Tr("expected each key at most once"));
      continue;
    }
    visit(key, value, prefix + name);
  }
}

std::optional<std::string> TextOf(const YAML::Node& key, const YAML::Node& value,
                                  const std::string& path, std::string_view expected,
                                  Problems& problems) {
  if (value.IsScalar()) return value.Scalar();
  problems.Add(MarkOf(key, value), IsA(path, value), expected);
  return std::nullopt;
}

std::optional<Duration> PositiveDurationOf(const YAML::Node& key, const YAML::Node& value,
                                           const std::string& path, Problems& problems) {
  const std::optional<std::string> text = TextOf(key, value, path, DurationExpected(), problems);
  if (!text) return std::nullopt;
  const YAML::Mark mark = value.Mark();
  if (const std::optional<Duration> d = ParseDuration(*text)) {
    if (d->count() == 0) {
      problems.Add(mark, FormatText(Tr("%s is zero (%s)"), path.c_str(), Quote(*text).c_str()),
                   Tr("expected a duration greater than zero, like 5m"));
    } else if (*d < kMinDuration || *d > kMaxDuration) {
      const bool shorter = *d < kMinDuration;
      // TRANSLATORS: the first %s is a config key, the second a duration
      // ("1s"), the third the value as written.
      problems.Add(
          mark,
          FormatText(shorter ? Tr("%s is shorter than %s (%s)") : Tr("%s is longer than %s (%s)"),
                     path.c_str(), FormatDuration(shorter ? kMinDuration : kMaxDuration).c_str(),
                     Quote(*text).c_str()),
          FormatText(Tr("expected a duration from %s to %s, like 5m"),
                     FormatDuration(kMinDuration).c_str(), FormatDuration(kMaxDuration).c_str()));
    } else {
      return d;
    }
    return std::nullopt;
  }
  if (text->size() > 1 && text->front() == '-' &&
      ParseDuration(std::string_view(*text).substr(1))) {
    problems.Add(mark, FormatText(Tr("%s is negative (%s)"), path.c_str(), Quote(*text).c_str()),
                 Tr("expected a duration greater than zero, like 5m"));
  } else if (AllDigits(*text)) {
    problems.Add(mark, FormatText(Tr("%s: %s has no unit"), path.c_str(), Quote(*text).c_str()),
                 FormatText(Tr("expected a duration with a unit, like %sm or %ss"), text->c_str(),
                            text->c_str()));
  } else {
    problems.Add(mark,
                 FormatText(Tr("%s: %s is not a duration"), path.c_str(), Quote(*text).c_str()),
                 DurationExpected() + " " + Tr("(units ms, s, m, h, d)"));
  }
  return std::nullopt;
}

std::optional<std::size_t> ChoiceOf(const YAML::Node& key, const YAML::Node& value,
                                    const std::string& path,
                                    std::span<const std::string_view> allowed, Problems& problems) {
  const std::string expected = FormatText(Tr("expected one of: %s"), JoinWords(allowed).c_str());
  const std::optional<std::string> text = TextOf(key, value, path, expected, problems);
  if (!text) return std::nullopt;
  const auto found = std::find(allowed.begin(), allowed.end(), *text);
  if (found != allowed.end()) return static_cast<std::size_t>(found - allowed.begin());
  const std::string what =
      FormatText(Tr("%s: %s is not allowed"), path.c_str(), Quote(*text).c_str()) +
      DidYouMean(ClosestWord(*text, allowed));
  problems.Add(value.Mark(), what, expected);
  return std::nullopt;
}

}  // namespace unsit::config_internal
