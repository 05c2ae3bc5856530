#include "core/quiet_hours.h"

#include <charconv>

namespace unsit {
namespace {

using std::chrono::minutes;

constexpr minutes kDay = std::chrono::hours(24);

// Milliseconds after local midnight at wall time `wall`, by `offset`.
Duration TimeOfDay(WallTime wall, std::chrono::seconds offset) {
  const Duration local = (wall + offset).time_since_epoch();
  const Duration into = local % Duration(kDay);
  return into < Duration::zero() ? into + Duration(kDay) : into;
}

// How long from time of day `t` until the window ends, if `t` is inside it.
std::optional<Duration> LeftIn(const QuietWindow& window, Duration t) {
  const Duration start = window.start;
  Duration end = window.end;
  if (end <= start) end += kDay;  // runs past midnight
  if (t < start) t += kDay;       // maybe in the part after midnight
  if (t >= start && t < end) return end - t;
  return std::nullopt;
}

}  // namespace

std::optional<minutes> ParseTimeOfDay(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = -1;
  int mins = -1;
  const char* begin = text.data();
  const auto h = std::from_chars(begin, begin + colon, hours);
  const auto m = std::from_chars(begin + colon + 1, begin + text.size(), mins);
  if (h.ec != std::errc() || h.ptr != begin + colon || m.ec != std::errc() ||
      m.ptr != begin + text.size()) {
    return std::nullopt;
  }
  if (hours < 0 || hours > 23 || mins < 0 || mins > 59) return std::nullopt;
  return minutes(hours * 60 + mins);
}

std::optional<QuietWindow> ParseQuietWindow(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto start = ParseTimeOfDay(text.substr(0, dash));
  const auto end = ParseTimeOfDay(text.substr(dash + 1));
  if (!start || !end || *start == *end) return std::nullopt;
  return QuietWindow{*start, *end};
}

std::string FormatQuietWindow(const QuietWindow& window) {
  auto hhmm = [](minutes m) {
    const auto h = m.count() / 60;
    const auto rest = m.count() % 60;
    return std::string(h < 10 ? "0" : "") + std::to_string(h) + (rest < 10 ? ":0" : ":") +
           std::to_string(rest);
  };
  return hhmm(window.start) + "-" + hhmm(window.end);
}

bool CoversWholeDay(const std::vector<QuietWindow>& windows) {
  for (minutes t{0}; t < kDay; ++t) {
    bool inside = false;
    for (const QuietWindow& window : windows) inside = inside || LeftIn(window, t).has_value();
    if (!inside) return false;
  }
  return !windows.empty();
}

std::optional<BootTime> QuietUntil(const std::vector<QuietWindow>& windows, const Now& now,
                                   BootTime at) {
  std::optional<BootTime> until;
  BootTime probe = at;
  // Each step moves past the end of one window. Windows that cover the whole
  // day (which the config refuses) would need more steps than there are.
  for (std::size_t step = 0; step <= windows.size(); ++step) {
    const Duration t = TimeOfDay(now.WallAt(probe), now.utc_offset);
    std::optional<Duration> left;
    for (const QuietWindow& window : windows) {
      if (auto l = LeftIn(window, t); l && (!left || *l > *left)) left = l;
    }
    if (!left) break;
    probe += *left;
    until = probe;
  }
  return until;
}

}  // namespace unsit
