#pragma once

// Helpers shared by the config loader and the stretch catalogue: they read a
// yaml-cpp node tree and turn every problem into one line of the form
//   FILE:LINE:COLUMN: what is wrong, what was expected
// Internal to daemon/config; nothing outside this folder includes yaml-cpp.

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace unsit::config_internal {

// The problems found in one file, kept in file order.
class Problems {
 public:
  explicit Problems(std::string file_name) : file_(std::move(file_name)) {}

  // Records "FILE:LINE:COLUMN: `what`, `expected`". A null mark (no position
  // known) is reported as line 1, column 1. Control characters in `what` (which
  // quotes the user's values) are escaped.
  void Add(const YAML::Mark& mark, std::string_view what, std::string_view expected);

  bool empty() const { return entries_.empty(); }
  const std::string& file() const { return file_; }

  // The problems, one per line sorted by position, as an Error with code
  // "config": at most kMaxShown lines of at most kMaxLineBytes, then a count of
  // the rest, so that the text stays short whatever the file holds.
  Error ToError() const;

  static constexpr std::size_t kMaxShown = 10;
  static constexpr std::size_t kMaxLineBytes = 360;

 private:
  struct Entry {
    int line;
    int column;
    std::string text;
  };
  std::string file_;
  std::vector<Entry> entries_;
};

// Parses `text` as one YAML document. Malformed YAML becomes an Error (code
// "config") pointing at the place yaml-cpp gave up; no exception escapes.
Result<YAML::Node> LoadYaml(std::string_view text, const std::string& file_name);

// "a mapping", "a list", "text", "empty" (in the user's language): for
// messages about wrong types.
std::string DescribeNode(const YAML::Node& node);
// "PATH has no value" or "PATH is a list": what is wrong with a value of the
// wrong type.
std::string IsA(std::string_view path, const YAML::Node& value);

// The known word nearest to `word` by edit distance, or empty when none is close
// enough to be a plausible typo.
std::string_view ClosestWord(std::string_view word, std::span<const std::string_view> known);

// "a, b, c" from a word list.
std::string JoinWords(std::span<const std::string_view> words);

// Visits each key of `map` that is in `known`, in file order. Unknown keys (with
// the closest known one suggested), keys that are not plain text and keys given
// twice are reported and skipped. `where` names the map in messages ("idle"),
// empty for the top level. A null `map` (a section with every key commented out)
// visits nothing; any other non-mapping is reported.
void ForEachKnownKey(const YAML::Node& map, std::string_view where,
                     std::span<const std::string_view> known, Problems& problems,
                     const std::function<void(const YAML::Node& key, const YAML::Node& value,
                                              const std::string& path)>& visit);

// The text of a scalar value. Lists, mappings and missing values are reported
// (at `key` when the value has no text of its own) and give nullopt.
std::optional<std::string> TextOf(const YAML::Node& key, const YAML::Node& value,
                                  const std::string& path, std::string_view expected,
                                  Problems& problems);

// The range of every duration in the file: shorter ones are typos that would
// keep the daemon busy, longer ones overflow the model's arithmetic.
inline constexpr Duration kMinDuration = std::chrono::seconds(1);
inline constexpr Duration kMaxDuration = std::chrono::hours(24);

// A duration from kMinDuration to kMaxDuration ("45s", "5m", "1h30m"), else
// reported (zero, negative, out of range, no unit, not a duration).
std::optional<Duration> PositiveDurationOf(const YAML::Node& key, const YAML::Node& value,
                                           const std::string& path, Problems& problems);

// The index of the value in `allowed`, else reported with the allowed list.
std::optional<std::size_t> ChoiceOf(const YAML::Node& key, const YAML::Node& value,
                                    const std::string& path,
                                    std::span<const std::string_view> allowed, Problems& problems);

// The position of `value`, or of `key` when the value is null: yaml-cpp places
// an empty value at the start of the next line, which would mislead.
YAML::Mark MarkOf(const YAML::Node& key, const YAML::Node& value);

}  // namespace unsit::config_internal
