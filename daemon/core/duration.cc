#include "core/duration.h"

#include <array>
#include <cstdint>
#include <limits>

namespace unsit {
namespace {

struct Unit {
  std::string_view name;
  Duration size;
};

// Largest first: the order in which a duration must be written.
constexpr std::array<Unit, 5> kUnits = {{
    {"d", std::chrono::hours(24)},
    {"h", std::chrono::hours(1)},
    {"m", std::chrono::minutes(1)},
    {"s", std::chrono::seconds(1)},
    {"ms", std::chrono::milliseconds(1)},
}};

// Reads the unit at the front of `text` ("ms" before "m"); kUnits.size() if none.
size_t ReadUnit(std::string_view text, size_t& length) {
  for (size_t i = 0; i < kUnits.size(); ++i) {
    std::string_view name = kUnits[i].name;
    bool longer_match = name == "m" && text.substr(0, 2) == "ms";
    if (text.substr(0, name.size()) == name && !longer_match) {
      length = name.size();
      return i;
    }
  }
  return kUnits.size();
}

std::string TwoDigits(int64_t value) {
  std::string text = std::to_string(value);
  return value < 10 ? "0" + text : text;
}

}  // namespace

std::optional<Duration> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t total = 0;
  size_t next_unit = 0;  // units must appear largest first, each once
  while (!text.empty()) {
    int64_t number = 0;
    size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
      int64_t digit = text[digits] - '0';
      if (number > (kMax - digit) / 10) return std::nullopt;
      number = number * 10 + digit;
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    text.remove_prefix(digits);
    size_t length = 0;
    size_t unit = ReadUnit(text, length);
    if (unit == kUnits.size() || unit < next_unit) return std::nullopt;
    text.remove_prefix(length);
    next_unit = unit + 1;
    int64_t size = kUnits[unit].size.count();
    if (number > kMax / size || number * size > kMax - total) return std::nullopt;
    total += number * size;
  }
  return Duration(total);
}

std::string FormatDuration(Duration d) {
  if (d == Duration::zero()) return "0s";
  std::string text = d < Duration::zero() ? "-" : "";
  int64_t left = d < Duration::zero() ? -d.count() : d.count();
  for (const Unit& unit : kUnits) {
    int64_t count = left / unit.size.count();
    if (count == 0) continue;
    text += std::to_string(count);
    text += unit.name;
    left -= count * unit.size.count();
  }
  return text;
}

std::string FormatHuman(Duration d) {
  using std::chrono::duration_cast;
  if (d < Duration::zero()) d = Duration::zero();
  auto hours = duration_cast<std::chrono::hours>(d).count();
  auto minutes = duration_cast<std::chrono::minutes>(d).count() % 60;
  if (hours > 0) return std::to_string(hours) + " h " + TwoDigits(minutes) + " min";
  if (minutes > 0) return std::to_string(minutes) + " min";
  return std::to_string(duration_cast<std::chrono::seconds>(d).count()) + " s";
}

}  // namespace unsit
