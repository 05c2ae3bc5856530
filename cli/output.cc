#include "output.h"

#include <algorithm>
#include <ctime>
#include <sstream>
#include <string_view>

#include "core/duration.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "json_read.h"
#include "protocol/wire_time.h"
#include "schedule_text.h"

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

std::string Human(long long seconds) { return HumanSeconds(seconds); }

// A count for TrN, which takes an unsigned long: negative counts (a broken
// reply) read as 0.
unsigned long Count(long long n) { return n > 0 ? static_cast<unsigned long>(n) : 0; }

std::string Breaks(long long n) {
  return FormatText(TrN("%lld break", "%lld breaks", Count(n)), n);
}

// How many reminders ended one way ("2 snoozed"), for the outcome `field`
// of the protocol's day totals.
std::string OutcomeCount(std::string_view field, long long n) {
  const unsigned long c = Count(n);
  // TRANSLATORS: how many reminders ended this way ("2 done": answered with
  // "I'm up"; "1 up on your own": the user got up before answering).
  const char* format = field == "done"        ? TrN("%lld done", "%lld done", c)
                       : field == "up_on_own" ? TrN("%lld up on your own", "%lld up on your own", c)
                       : field == "snoozed"   ? TrN("%lld snoozed", "%lld snoozed", c)
                       : field == "skipped"   ? TrN("%lld skipped", "%lld skipped", c)
                       : field == "dismissed" ? TrN("%lld dismissed", "%lld dismissed", c)
                                              : TrN("%lld open", "%lld open", c);
  return FormatText(format, n);
}

// "5 reminders: 2 done, 1 up on your own, 2 snoozed": every outcome that
// happened, so the parts add up to the whole.
std::string RemindersPart(const Json& t) {
  const long long reminders = Int(t, "reminders");
  std::string text =
      FormatText(TrN("%lld reminder", "%lld reminders", Count(reminders)), reminders);
  std::string outcomes;
  for (const char* field : {"done", "up_on_own", "snoozed", "skipped", "dismissed", "open"}) {
    if (Int(t, field) == 0) continue;
    if (!outcomes.empty()) outcomes += TrC("list", ", ");
    outcomes += OutcomeCount(field, Int(t, field));
  }
  if (outcomes.empty()) return text;
  // TRANSLATORS: "5 reminders: 2 done, 1 snoozed".
  return FormatText(TrC("reminder outcomes", "%s: %s"), text.c_str(), outcomes.c_str());
}

std::string TotalsLine(const Json& t) {
  const std::string sitting = Human(Int(t, "sitting_seconds"));
  const std::string longest = Human(Int(t, "longest_bout_seconds"));
  const std::string breaks = Breaks(Int(t, "breaks"));
  const std::string reminders = RemindersPart(t);
  if (long long standing = Int(t, "standing_seconds"); standing > 0) {
    // TRANSLATORS: today's totals: time sitting, time standing, the longest bout,
    // "3 breaks", "5 reminders: 2 done, ...".
    return FormatText(Tr("%s sitting, %s standing, longest bout %s, %s; %s"), sitting.c_str(),
                      Human(standing).c_str(), longest.c_str(), breaks.c_str(), reminders.c_str());
  }
  // TRANSLATORS: today's totals: the first %s time sitting, the second %s the longest bout,
  // %s "3 breaks", %s "5 reminders: 2 done, ...".
  return FormatText(Tr("%s sitting, longest bout %s, %s; %s"), sitting.c_str(), longest.c_str(),
                    breaks.c_str(), reminders.c_str());
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
  // TRANSLATORS: the first %s and the second %s are times sitting.
  out << FormatText(Tr("Last 7 days %s, the 7 before %s"), Human(this_week).c_str(),
                    Human(last_week).c_str());
  if (last_week > 0) {
    double change =
        100.0 * static_cast<double>(this_week - last_week) / static_cast<double>(last_week);
    // TRANSLATORS: a change in percent, with its sign: "+12 %".
    out << " (" << FormatText(Tr("%+ld %%"), Round(change)) << ")";
  }
  return out.str() + "\n";
}

// A stretch's place as the protocol names it (standing, desk, floor), in words.
std::string PlaceWords(const std::string& place) {
  if (place == "standing") return TrC("place", "standing");
  if (place == "desk") return TrC("place", "desk");
  if (place == "floor") return TrC("place", "floor");
  return place;
}

// The idle backends or busy sources of `doctor`: "* " before those in use. A
// reason comes in English (the protocol's words); its reason_text, when the
// daemon sends one, is the same in the daemon's language and shown instead; a
// fixed reason the daemon marked with TrNoop is shown in the user's language,
// any other as it came (never Tr(""): that is the catalogue's header).
void RenderCandidates(std::ostringstream& out, const Json& candidates) {
  if (!candidates.is_array()) return;
  for (const Json& c : candidates) {
    const std::string reason = Str(c, "reason");
    const std::string text = Str(c, "reason_text");
    out << "  " << (Bool(c, "chosen") ? "* " : "  ") << Str(c, "name") << ": "
        << (!text.empty()    ? text
            : reason.empty() ? ""
                             : Tr(reason.c_str()))
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
  return LocalClockOf(std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(*wall)));
}

std::string RenderStatus(const Json& s) {
  std::ostringstream out;
  std::string state = Str(s, "state", "unknown");
  if (state == "sitting") {
    out << FormatText(Tr("Sitting for %s"), Human(Int(s, "bout_seconds")).c_str()) << "\n";
  } else if (state == "standing") {
    out << Tr("Standing (input does not count as sitting)") << "\n";
  } else {
    out << Tr("Away (on a break)") << "\n";
  }
  if (Bool(s, "reminder_open")) out << Tr("A reminder is open: time to stand up.") << "\n";
  if (Bool(s, "paused")) {
    std::string until = Str(s, "paused_until");
    // TRANSLATORS: %s is a clock time.
    out << (until.empty() ? std::string(Tr("Reminders paused until `unsit resume`"))
                          : FormatText(Tr("Reminders paused until %s"), LocalClock(until).c_str()))
        << "\n";
  }
  if (std::string line = RenderSchedule(Field(s, "schedule")); !line.empty()) {
    out << line << "\n";
  } else if (std::string quiet = Str(s, "quiet_until"); !quiet.empty()) {
    out << FormatText(Tr("Quiet hours until %s: reminders wait until then"),
                      LocalClock(quiet).c_str())
        << "\n";
  }
  // The reasons (dnd, call, ...) are the names of the config's hold.for, as they are.
  const std::string held_by = JoinNames(Field(s, "held_by"));
  const std::string busy = JoinNames(Field(s, "busy"));
  if (!held_by.empty()) {
    out << FormatText(Tr("Reminder held while you are busy (%s): it shows once that is over."),
                      held_by.c_str())
        << "\n";
  } else if (auto next = OptInt(s, "next_reminder_seconds")) {
    // TRANSLATORS: the first %s is how long until the reminder, the second %s the sit limit.
    out << FormatText(Tr("Next reminder in %s (limit %s)"), Human(*next).c_str(),
                      Human(Int(s, "sit_limit_seconds")).c_str())
        << "\n";
  } else if (!Bool(s, "reminder_open")) {
    out << Tr("No reminder scheduled") << "\n";
  }
  if (std::string desk = Str(s, "desk_prompt"); !desk.empty()) {
    out << (desk == "raise" ? Tr("Time to raise the desk") : Tr("You may sit")) << "\n";
  } else if (auto next = OptInt(s, "next_desk_prompt_seconds")) {
    // TRANSLATORS: %s is how long until the sit-stand rhythm's next prompt.
    out << FormatText(state == "standing" ? Tr("You may sit in %s") : Tr("Raise the desk in %s"),
                      Human(*next).c_str())
        << "\n";
  }
  if (held_by.empty() && !busy.empty()) {
    out << FormatText(Tr("Busy (%s): a reminder that falls due meanwhile waits."), busy.c_str())
        << "\n";
  }
  out << FormatText(Tr("Today: %s"), TotalsLine(Field(s, "today")).c_str()) << "\n";
  if (Bool(s, "fixed_schedule")) {
    out << FormatText(Tr("No idle source: a reminder every %s on a fixed schedule (see `unsit "
                         "doctor`)."),
                      Human(Int(s, "sit_limit_seconds")).c_str())
        << "\n";
  }
  return out.str();
}

std::string RenderToday(const Json& day) {
  std::ostringstream out;
  // TRANSLATORS: the first %s is a date (2026-11-16), the second %s today's totals.
  out << FormatText(Tr("Today (%s): %s"), Str(day, "date", "?").c_str(), TotalsLine(day).c_str())
      << "\n";
  const Json& hours = Field(day, "hours");
  int first = -1, last = -1;
  for (int h = 0; h < 24 && hours.is_array() && static_cast<std::size_t>(h) < hours.size(); ++h) {
    if (hours[static_cast<std::size_t>(h)].is_number() &&
        hours[static_cast<std::size_t>(h)].get<long long>() > 0) {
      if (first < 0) first = h;
      last = h;
    }
  }
  if (first < 0) return out.str() + Tr("No sitting recorded yet.") + "\n";
  out << "\n";
  for (int h = first; h <= last; ++h) {
    const Json& value = hours[static_cast<std::size_t>(h)];
    long long seconds = value.is_number() ? value.get<long long>() : 0;
    double minutes = static_cast<double>(seconds) / 60.0;
    char label[16];
    std::snprintf(label, sizeof label, "%02d ", h);
    out << label << "│" << PadCells(Bar(minutes / 2.0), 30) << " "
        << FormatText(TrC("duration", "%d min"), static_cast<int>(Round(minutes))) << "\n";
  }
  return out.str();
}

std::string RenderHistory(const Json& days, int shown) {
  if (!days.is_array() || days.empty()) return std::string(Tr("No history recorded yet.")) + "\n";
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
        << "  " << PadCells(Human(sitting), 11) << "  " << Breaks(Int(d, "breaks"))
        << ", "
        // TRANSLATORS: how many reminders (the first %lld) of all (the second) were
        // followed by a break.
        << FormatText(TrN("%lld/%lld reminder heeded", "%lld/%lld reminders heeded",
                          Count(Int(d, "reminders"))),
                      Int(d, "done") + Int(d, "up_on_own"), Int(d, "reminders"));
    if (long long standing = Int(d, "standing_seconds"); standing > 0) {
      // TRANSLATORS: time spent standing that day, after the day's other totals.
      out << FormatText(Tr(", %s standing"), Human(standing).c_str());
    }
    out << "\n";
  }
  long long total = SumSitting(days, from, n);
  auto count = static_cast<long long>(n - from);
  const std::string over = FormatText(TrN("%lld day", "%lld days", Count(count)), count);
  // TRANSLATORS: %s is the total time sitting, %s "7 days", %s the average.
  out << FormatText(Tr("Total %s over %s, average %s a day"), Human(total).c_str(), over.c_str(),
                    Human(total / std::max(1LL, count)).c_str())
      << "\n";
  return out.str() + WeekOverWeek(days);
}

std::string RenderHistoryCsv(const Json& days, int shown) {
  std::ostringstream out;
  out << "date,sitting_seconds,longest_bout_seconds,bouts,breaks,reminders,done,snoozed,skipped,"
         "up_on_own,dismissed,open,standing_seconds\n";
  if (!days.is_array()) return out.str();
  std::size_t n = days.size();
  std::size_t from = n > static_cast<std::size_t>(shown) ? n - static_cast<std::size_t>(shown) : 0;
  for (std::size_t i = from; i < n; ++i) {
    const Json& d = days[i];
    out << Str(d, "date") << "," << Int(d, "sitting_seconds") << ","
        << Int(d, "longest_bout_seconds") << "," << Int(d, "bouts") << "," << Int(d, "breaks")
        << "," << Int(d, "reminders") << "," << Int(d, "done") << "," << Int(d, "snoozed") << ","
        << Int(d, "skipped") << "," << Int(d, "up_on_own") << "," << Int(d, "dismissed") << ","
        << Int(d, "open") << "," << Int(d, "standing_seconds") << "\n";
  }
  return out.str();
}

std::string RenderStretch(const Json& s) {
  std::ostringstream out;
  // TRANSLATORS: a stretch's heading: the first %s its name, the second %s where (floor, chair,
  // standing), %s how long ("2 min").
  const std::string minutes =
      FormatText(TrC("duration", "%d min"), static_cast<int>(Int(s, "minutes", 1)));
  out << FormatText(Tr("%s (%s, %s)"), Str(s, "name", Tr("Stretch")).c_str(),
                    PlaceWords(Str(s, "where")).c_str(), minutes.c_str())
      << "\n";
  int step = 1;
  const Json& steps = Field(s, "steps");
  if (steps.is_array()) {
    for (const Json& text : steps) {
      if (text.is_string()) out << "  " << step++ << ". " << text.get<std::string>() << "\n";
    }
  }
  if (!Str(s, "cue").empty()) out << FormatText(Tr("Cue: %s"), Str(s, "cue").c_str()) << "\n";
  if (!Str(s, "caution").empty())
    out << FormatText(Tr("Caution: %s"), Str(s, "caution").c_str()) << "\n";
  if (!Str(s, "picture").empty())
    out << FormatText(Tr("Picture: %s"), Str(s, "picture").c_str()) << "\n";
  return out.str();
}

// "yes" or "no" as `doctor` answers.
const char* YesNo(bool yes) { return yes ? Tr("yes") : Tr("no"); }

std::string RenderDoctor(const Json& r) {
  // The labels are words; the values that name programs, backends, paths and
  // capabilities are names and stay as the daemon reports them. The problems
  // come in the daemon's language.
  std::ostringstream out;
  const std::string unknown = Tr("unknown");
  out << FormatText(Tr("session: %s / %s"), Or(Str(r, "session_type"), unknown.c_str()).c_str(),
                    Or(Str(r, "desktop"), unknown.c_str()).c_str())
      << "\n";
  if (!Str(r, "compositor").empty()) {
    out << FormatText(Tr("compositor: %s, version %s"), Str(r, "compositor").c_str(),
                      Or(Str(r, "compositor_version"), Tr("not read")).c_str())
        << "\n";
  }
  out << FormatText(Tr("idle backend: %s"), Str(r, "idle_backend", "?").c_str());
  if (!Str(r, "idle_protocol").empty()) out << " (" << Str(r, "idle_protocol") << ")";
  out << "\n";
  RenderCandidates(out, Field(r, "idle_candidates"));
  auto idle = OptInt(r, "idle_seconds");
  out << FormatText(Tr("since last input: %s"),
                    idle ? Human(*idle).c_str() : Tr("unknown (no idle source tells)"))
      << "\n";
  out << FormatText(Tr("locked: %s"), YesNo(Bool(r, "locked"))) << "\n";
  out << FormatText(Tr("notifier: %s (%s)"), Str(r, "notifier").c_str(),
                    Or(Str(r, "notification_server"), Tr("no notification server")).c_str())
      << "\n";
  const Json& caps = Field(r, "notification_capabilities");
  if (caps.is_array() && !caps.empty()) {
    out << "  " << Tr("capabilities:");
    for (const Json& c : caps) {
      if (c.is_string()) out << " " << c.get<std::string>();
    }
    out << "\n";
  }
  if (!Str(r, "notification_actions").empty()) {
    out << "  " << FormatText(Tr("buttons: %s"), Str(r, "notification_actions").c_str()) << "\n";
  }
  if (!Str(r, "sound").empty())
    out << "  " << FormatText(Tr("sound: %s"), Str(r, "sound").c_str()) << "\n";
  out << Tr("busy signals (hold reminders):") << "\n";
  RenderCandidates(out, Field(r, "busy_sources"));
  if (!Str(r, "indicator").empty())
    out << FormatText(Tr("indicator: %s"),
                      Or(Str(r, "indicator_text"), Str(r, "indicator").c_str()).c_str())
        << "\n";
  if (!Str(r, "locale").empty())
    out << FormatText(Tr("locale: %s"), Str(r, "locale").c_str()) << "\n";
  const std::string schedule = RenderSchedule(Field(r, "schedule"));
  out << FormatText(Tr("schedule: %s"),
                    schedule.empty() ? Tr("none (reminders at any time)") : schedule.c_str())
      << "\n";
  out << FormatText(Tr("config: %s"),
                    Or(Str(r, "config_path"), Tr("(none: built-in defaults)")).c_str())
      << "\n"
      << FormatText(Tr("history: %s"), Str(r, "history_path").c_str()) << "\n"
      << FormatText(Tr("socket: %s"), Str(r, "socket_path").c_str()) << "\n"
      << FormatText(Tr("versions: unsitd %s, protocol %lld"), Str(r, "daemon_version", "?").c_str(),
                    Int(r, "protocol", 0))
      << "\n";
  const Json& problems = Field(r, "problems");
  if (!problems.is_array() || problems.empty()) return out.str() + Tr("No problems found.") + "\n";
  out << Tr("Problems:") << "\n";
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
      {"text", ""}, {"tooltip", Tr("unsitd is not running")}, {"class", "away"}, {"percentage", 0}};
  return protocol::DumpJson(json) + "\n";
}

}  // namespace unsit::cli
