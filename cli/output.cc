#include "output.h"

#include <algorithm>
#include <ctime>
#include <sstream>

#include "core/duration.h"
#include "i18n/tr.h"
#include "json_read.h"
#include "protocol/wire_time.h"

namespace unsit::cli {
namespace {

using protocol::Json;

// `x` rounded to the nearest integer, halves away from zero, as std::lround
// does. Here because std::lround is the CLI's only use of libm: without it the
// library is not loaded at all, on every run.
long Round(double x) { return static_cast<long>(x < 0 ? x - 0.5 : x + 0.5); }

// A horizontal bar of `cells` character cells (fractions in eighths).
std::string Bar(double cells) {
  static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (!(cells > 0)) return "";
  long eighths = Round(cells * 8);
  std::string bar;
  for (long i = 0; i < eighths / 8; ++i) bar += "█";
  bar += kEighths[eighths % 8];
  return bar;
}

// Pads `text` (which may hold multi-byte bar characters) to `cells` columns.
std::string PadCells(const std::string& text, int cells) {
  int width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return text + std::string(static_cast<std::size_t>(std::max(0, cells - width)), ' ');
}

// `text`, or `fallback` when it is empty.
std::string Or(std::string text, const char* fallback) {
  return text.empty() ? std::string(fallback) : text;
}

std::string Human(long long seconds) { return FormatHuman(Secs(seconds)); }

std::string Plural(long long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "5 reminders: 2 done, 1 up on your own, 2 snoozed": every outcome that
// happened, so the parts add up to the whole.
std::string RemindersPart(const Json& t) {
  std::string text = Plural(Int(t, "reminders"), "reminder", "reminders");
  const char* separator = ": ";
  for (const auto& [field, label] :
       {std::pair{"done", " done"}, std::pair{"up_on_own", " up on your own"},
        std::pair{"snoozed", " snoozed"}, std::pair{"skipped", " skipped"},
        std::pair{"dismissed", " dismissed"}, std::pair{"open", " open"}}) {
    if (Int(t, field) == 0) continue;
    text += separator + std::to_string(Int(t, field)) + label;
    separator = ", ";
  }
  return text;
}

std::string TotalsLine(const Json& t) {
  std::ostringstream out;
  out << Human(Int(t, "sitting_seconds")) << " sitting, longest bout "
      << Human(Int(t, "longest_bout_seconds")) << ", "
      << Plural(Int(t, "breaks"), "break", "breaks") << "; " << RemindersPart(t);
  return out.str();
}

// "Mon" for a "2026-11-16" date; "" when unparsable.
std::string Weekday(const std::string& date) {
  std::tm tm{};
  if (strptime(date.c_str(), "%Y-%m-%d", &tm) == nullptr) return "";
  tm.tm_hour = 12;
  std::time_t t = timegm(&tm);
  std::tm day{};
  gmtime_r(&t, &day);
  char buffer[8];
  std::size_t n = std::strftime(buffer, sizeof buffer, "%a", &day);
  return std::string(buffer, n);
}

long long SumSitting(const Json& days, std::size_t from, std::size_t to) {
  long long sum = 0;
  for (std::size_t i = from; i < to && i < days.size(); ++i) sum += Int(days[i], "sitting_seconds");
  return sum;
}

std::string WeekOverWeek(const Json& days) {
  std::size_t n = days.size();
  if (n < 14) return "";
  long long this_week = SumSitting(days, n - 7, n);
  long long last_week = SumSitting(days, n - 14, n - 7);
  std::ostringstream out;
  out << "Last 7 days " << Human(this_week) << ", the 7 before " << Human(last_week);
  if (last_week > 0) {
    double change =
        100.0 * static_cast<double>(this_week - last_week) / static_cast<double>(last_week);
    out << " (" << (change >= 0 ? "+" : "") << Round(change) << " %)";
  }
  return out.str() + "\n";
}

// The idle backends or busy sources of `doctor`: "* " before those in use.
void RenderCandidates(std::ostringstream& out, const Json& candidates) {
  if (!candidates.is_array()) return;
  for (const Json& c : candidates) {
    out << "  " << (Bool(c, "chosen") ? "* " : "  ") << Str(c, "name") << ": " << Str(c, "reason")
        << "\n";
  }
}

}  // namespace

std::string JoinNames(const Json& list) {
  std::string joined;
  if (!list.is_array()) return joined;
  for (const Json& name : list) {
    if (!name.is_string()) continue;
    if (!joined.empty()) joined += ", ";
    joined += name.get<std::string>();
  }
  return joined;
}

std::string LocalClock(const std::string& iso_utc) {
  auto wall = protocol::ParseIsoUtc(iso_utc);
  if (!wall) return iso_utc;
  std::time_t t = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(*wall));
  std::tm tm{};
  localtime_r(&t, &tm);
  char buffer[32];
  std::size_t n = std::strftime(buffer, sizeof buffer, "%H:%M", &tm);
  return std::string(buffer, n);
}

std::string RenderStatus(const Json& s) {
  std::ostringstream out;
  std::string state = Str(s, "state", "unknown");
  if (state == "sitting") {
    out << "Sitting for " << Human(Int(s, "bout_seconds")) << "\n";
  } else if (state == "standing") {
    out << "Standing (input does not count as sitting)\n";
  } else {
    out << "Away (on a break)\n";
  }
  if (Bool(s, "reminder_open")) out << "A reminder is open: time to stand up.\n";
  if (Bool(s, "paused")) {
    std::string until = Str(s, "paused_until");
    out << "Reminders paused "
        << (until.empty() ? "until `unsit resume`" : "until " + LocalClock(until)) << "\n";
  }
  if (std::string quiet = Str(s, "quiet_until"); !quiet.empty()) {
    out << "Quiet hours until " << LocalClock(quiet) << ": reminders wait until then\n";
  }
  const std::string held_by = JoinNames(Field(s, "held_by"));
  const std::string busy = JoinNames(Field(s, "busy"));
  if (!held_by.empty()) {
    out << "Reminder held while you are busy (" << held_by << "): it shows once that is over.\n";
  } else if (auto next = OptInt(s, "next_reminder_seconds")) {
    out << "Next reminder in " << Human(*next) << " (limit " << Human(Int(s, "sit_limit_seconds"))
        << ")\n";
  } else if (!Bool(s, "reminder_open")) {
    out << "No reminder scheduled\n";
  }
  if (held_by.empty() && !busy.empty()) {
    out << "Busy (" << busy << "): a reminder that falls due meanwhile waits.\n";
  }
  out << "Today: " << TotalsLine(Field(s, "today")) << "\n";
  if (Bool(s, "fixed_schedule")) {
    out << "No idle source: a reminder every " << Human(Int(s, "sit_limit_seconds"))
        << " on a fixed schedule (see `unsit doctor`).\n";
  }
  return out.str();
}

std::string RenderToday(const Json& day) {
  std::ostringstream out;
  out << "Today (" << Str(day, "date", "?") << "): " << TotalsLine(day) << "\n";
  const Json& hours = Field(day, "hours");
  int first = -1, last = -1;
  for (int h = 0; h < 24 && hours.is_array() && static_cast<std::size_t>(h) < hours.size(); ++h) {
    if (hours[static_cast<std::size_t>(h)].is_number() &&
        hours[static_cast<std::size_t>(h)].get<long long>() > 0) {
      if (first < 0) first = h;
      last = h;
    }
  }
  if (first < 0) return out.str() + "No sitting recorded yet.\n";
  out << "\n";
  for (int h = first; h <= last; ++h) {
    const Json& value = hours[static_cast<std::size_t>(h)];
    long long seconds = value.is_number() ? value.get<long long>() : 0;
    double minutes = static_cast<double>(seconds) / 60.0;
    char label[16];
    std::snprintf(label, sizeof label, "%02d ", h);
    out << label << "│" << PadCells(Bar(minutes / 2.0), 30) << " " << Round(minutes) << " min\n";
  }
  return out.str();
}

std::string RenderHistory(const Json& days, int shown) {
  if (!days.is_array() || days.empty()) return "No history recorded yet.\n";
  std::size_t n = days.size();
  std::size_t from = n > static_cast<std::size_t>(shown) ? n - static_cast<std::size_t>(shown) : 0;
  long long max_sitting = 1;
  for (std::size_t i = from; i < n; ++i)
    max_sitting = std::max(max_sitting, Int(days[i], "sitting_seconds"));
  std::ostringstream out;
  for (std::size_t i = from; i < n; ++i) {
    const Json& d = days[i];
    std::string date = Str(d, "date", "?");
    long long sitting = Int(d, "sitting_seconds");
    out << Weekday(date) << " " << date << "  "
        << PadCells(Bar(20.0 * static_cast<double>(sitting) / static_cast<double>(max_sitting)), 20)
        << "  " << PadCells(Human(sitting), 11) << "  "
        << Plural(Int(d, "breaks"), "break", "breaks") << ", "
        << Int(d, "done") + Int(d, "up_on_own") << "/" << Int(d, "reminders")
        << " reminders heeded\n";
  }
  long long total = SumSitting(days, from, n);
  auto count = static_cast<long long>(n - from);
  out << "Total " << Human(total) << " over " << Plural(count, "day", "days") << ", average "
      << Human(total / std::max(1LL, count)) << " a day\n";
  return out.str() + WeekOverWeek(days);
}

std::string RenderHistoryCsv(const Json& days, int shown) {
  std::ostringstream out;
  out << "date,sitting_seconds,longest_bout_seconds,bouts,breaks,reminders,done,snoozed,skipped,"
         "up_on_own,dismissed,open\n";
  if (!days.is_array()) return out.str();
  std::size_t n = days.size();
  std::size_t from = n > static_cast<std::size_t>(shown) ? n - static_cast<std::size_t>(shown) : 0;
  for (std::size_t i = from; i < n; ++i) {
    const Json& d = days[i];
    out << Str(d, "date") << "," << Int(d, "sitting_seconds") << ","
        << Int(d, "longest_bout_seconds") << "," << Int(d, "bouts") << "," << Int(d, "breaks")
        << "," << Int(d, "reminders") << "," << Int(d, "done") << "," << Int(d, "snoozed") << ","
        << Int(d, "skipped") << "," << Int(d, "up_on_own") << "," << Int(d, "dismissed") << ","
        << Int(d, "open") << "\n";
  }
  return out.str();
}

std::string RenderStretch(const Json& s) {
  std::ostringstream out;
  out << Str(s, "name", "Stretch") << " (" << Str(s, "where") << ", " << Int(s, "minutes", 1)
      << " min)\n";
  int step = 1;
  const Json& steps = Field(s, "steps");
  if (steps.is_array()) {
    for (const Json& text : steps) {
      if (text.is_string()) out << "  " << step++ << ". " << text.get<std::string>() << "\n";
    }
  }
  if (!Str(s, "cue").empty()) out << "Cue: " << Str(s, "cue") << "\n";
  if (!Str(s, "caution").empty()) out << "Caution: " << Str(s, "caution") << "\n";
  if (!Str(s, "picture").empty()) out << "Picture: " << Str(s, "picture") << "\n";
  return out.str();
}

std::string RenderDoctor(const Json& r) {
  std::ostringstream out;
  out << "session: " << Or(Str(r, "session_type"), "unknown") << " / "
      << Or(Str(r, "desktop"), "unknown") << "\n";
  if (!Str(r, "compositor").empty()) {
    out << "compositor: " << Str(r, "compositor") << ", version "
        << Or(Str(r, "compositor_version"), "not read") << "\n";
  }
  out << "idle backend: " << Str(r, "idle_backend", "?");
  if (!Str(r, "idle_protocol").empty()) out << " (" << Str(r, "idle_protocol") << ")";
  out << "\n";
  RenderCandidates(out, Field(r, "idle_candidates"));
  auto idle = OptInt(r, "idle_seconds");
  out << "since last input: " << (idle ? Human(*idle) : "unknown (no idle source tells)") << "\n";
  out << "locked: " << (Bool(r, "locked") ? "yes" : "no") << "\nnotifier: " << Str(r, "notifier")
      << " (" << Or(Str(r, "notification_server"), "no notification server") << ")\n";
  const Json& caps = Field(r, "notification_capabilities");
  if (caps.is_array() && !caps.empty()) {
    out << "  capabilities:";
    for (const Json& c : caps) {
      if (c.is_string()) out << " " << c.get<std::string>();
    }
    out << "\n";
  }
  if (!Str(r, "notification_actions").empty()) {
    out << "  buttons: " << Str(r, "notification_actions") << "\n";
  }
  if (!Str(r, "sound").empty()) out << "  " << Tr("sound:") << " " << Str(r, "sound") << "\n";
  out << "busy signals (hold reminders):\n";
  RenderCandidates(out, Field(r, "busy_sources"));
  if (!Str(r, "indicator").empty()) out << "indicator: " << Str(r, "indicator") << "\n";
  out << "config: " << Or(Str(r, "config_path"), "(none: built-in defaults)")
      << "\nhistory: " << Str(r, "history_path") << "\nsocket: " << Str(r, "socket_path")
      << "\nversions: unsitd " << Str(r, "daemon_version", "?") << ", protocol "
      << Int(r, "protocol", 0) << "\n";
  const Json& problems = Field(r, "problems");
  if (!problems.is_array() || problems.empty()) return out.str() + "No problems found.\n";
  out << "Problems:\n";
  for (const Json& p : problems) {
    if (p.is_string()) out << "  - " << p.get<std::string>() << "\n";
  }
  return out.str();
}

std::string RenderWaybar(const Json& s) {
  long long bout = Int(s, "bout_seconds");
  long long limit = std::max(1LL, Int(s, "sit_limit_seconds", 3600));
  std::string state = Str(s, "state", "away");
  std::string css = "sitting";
  std::string text = std::to_string(bout / 60) + "m";
  auto next = OptInt(s, "next_reminder_seconds");
  if (Bool(s, "paused")) {
    css = "paused";
    text = "paused";
  } else if (!JoinNames(Field(s, "held_by")).empty()) {
    css = "held";
    text = "held";
  } else if (Bool(s, "reminder_open") || Bool(s, "reminder_held") || (next && *next <= 0)) {
    css = "due";
  } else if (state != "sitting") {
    css = "away";
    text = state;
  }
  std::string tooltip = RenderStatus(s);
  if (!tooltip.empty() && tooltip.back() == '\n') tooltip.pop_back();
  Json json{{"text", text},
            {"tooltip", tooltip},
            {"class", css},
            {"percentage", std::min(100LL, bout * 100 / limit)}};
  return protocol::DumpJson(json) + "\n";
}

std::string WaybarOffline() {
  Json json{
      {"text", ""}, {"tooltip", "unsitd is not running"}, {"class", "away"}, {"percentage", 0}};
  return protocol::DumpJson(json) + "\n";
}

}  // namespace unsit::cli
