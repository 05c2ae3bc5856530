#include "trace_runner.h"

#include <cstdlib>
#include <ctime>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "clock/local_time.h"
#include "core/duration.h"
#include "support/scoped_tz.h"
#include "trace_words.h"

namespace unsit::trace {
namespace {

std::vector<std::string> Split(std::string_view line) {
  if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// "12:00-13:00,22:00-07:00": the quiet hours of a `config` line.
std::vector<QuietWindow> QuietWindows(const std::string& text) {
  std::vector<QuietWindow> windows;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    std::optional<QuietWindow> window = ParseQuietWindow(part);
    if (!window) throw BadLine("expected quiet=HH:MM-HH:MM[,HH:MM-HH:MM...], got '" + text + "'");
    windows.push_back(*window);
  }
  return windows;
}

// "dnd,call" (or "none"): hold reasons of a `config`, `busy` or `expect` line.
HoldReasons Reasons(const std::string& text) {
  HoldReasons reasons;
  if (text == "none") return reasons;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    std::optional<HoldReason> reason = ParseHoldReason(part);
    if (!reason) throw BadLine("expected dnd|call|screencast|fullscreen[,...], got '" + text + "'");
    reasons.Add(*reason);
  }
  return reasons;
}

}  // namespace

std::vector<Failure> RunTrace(const std::string& name, const std::string& text) {
  test_support::ScopedTz tz("UTC");
  Runner runner;
  std::vector<Failure> failures = runner.Run(text);
  for (Failure& failure : failures) {
    failure.message = name + ":" + std::to_string(failure.line) + ": " + failure.message;
  }
  return failures;
}

std::string LocalTime(WallTime wall, const char* format) {
  time_t t = std::chrono::floor<std::chrono::seconds>(wall).time_since_epoch().count();
  tm local{};
  localtime_r(&t, &local);
  char buffer[64];
  size_t n = strftime(buffer, sizeof buffer, format, &local);
  return std::string(buffer, n);
}

WallTime LocalToWall(const std::string& date, const std::string& time) {
  tm local{};
  if (sscanf(date.c_str(), "%d-%d-%d", &local.tm_year, &local.tm_mon, &local.tm_mday) != 3 ||
      sscanf(time.c_str(), "%d:%d", &local.tm_hour, &local.tm_min) != 2) {
    throw BadLine("expected YYYY-MM-DD HH:MM, got '" + date + " " + time + "'");
  }
  local.tm_year -= 1900;
  local.tm_mon -= 1;
  local.tm_isdst = -1;
  return WallTime(std::chrono::seconds(mktime(&local)));
}

std::vector<Failure> Runner::Run(const std::string& text) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    ++line_;
    Words words = Split(line);
    if (words.empty()) continue;
    try {
      Line(words);
    } catch (const BadLine& bad) {
      Fail(std::string("bad line: ") + bad.what());
    }
  }
  if (!model_) Fail("the trace never says 'start'");
  return failures_;
}

void Runner::Line(const Words& words) {
  const std::string& verb = words[0];
  if (verb == "tz" || verb == "config" || verb == "start" || verb == "quiet" || verb == "working") {
    return Setup(words);
  }
  if (!model_) throw BadLine("'" + verb + "' before 'start'");
  if (verb == "expect") return Expect(words);
  step_.clear();
  Action(words);
}

void Runner::Setup(const Words& words) {
  if (model_) throw BadLine("'" + words[0] + "' after 'start'");
  if (words[0] == "tz") {
    if (words.size() != 2) throw BadLine("usage: tz ZONE");
    test_support::ScopedTz::Set(words[1]);  // RunTrace restores TZ afterwards
  } else if (words[0] == "config") {
    SetConfig(config_, words, 1);
  } else if (words[0] == "quiet" || words[0] == "working") {
    // "quiet sat,sun", "working mon-fri 08:30-17:30": one span of the schedule.
    std::string text;
    for (size_t i = 1; i < words.size(); ++i) text += (i > 1 ? " " : "") + words[i];
    std::optional<QuietWindow> span = ParseSpan(text);
    if (!span) throw BadLine("expected a span like 'mon-fri 08:30-17:30' or 'sat,sun'");
    (words[0] == "quiet" ? config_.quiet_hours : config_.working_hours).push_back(*span);
  } else {
    Start(words);
  }
}

void Runner::Start(const Words& words) {
  if (words.size() != 3) throw BadLine("usage: start YYYY-MM-DD HH:MM");
  wall_ = LocalToWall(words[1], words[2]);
  model_.emplace(config_, MakeNowHere());
  // Like the daemon, ask once what to wait for (at least the day boundary).
  Feed(in::Tick{});
  step_.clear();
}

void Runner::SetConfig(Config& config, const Words& words, size_t from) {
  for (size_t i = from; i < words.size(); ++i) {
    auto eq = words[i].find('=');
    if (eq == std::string::npos) throw BadLine("expected KEY=VALUE, got '" + words[i] + "'");
    std::string key = words[i].substr(0, eq);
    std::string value = words[i].substr(eq + 1);
    if (auto field = kConfigDurations.find(key); field != kConfigDurations.end()) {
      field->second(config) = Dur(value);
    } else if (key == "day_starts") {
      config.history.day_starts = std::chrono::duration_cast<std::chrono::minutes>(Dur(value));
    } else if (key == "quiet") {
      config.quiet_hours = QuietWindows(value);
    } else if (key == "hold") {
      config.hold.reasons = Reasons(value);
    } else if (key == "on_dismiss" && (value == "snooze" || value == "skip")) {
      config.on_dismiss = value == "skip" ? OnDismiss::kSkip : OnDismiss::kSnooze;
    } else {
      throw BadLine("unknown config '" + words[i] + "'");
    }
  }
}

Now Runner::MakeNowHere() const { return MakeNow(boot_, wall_, config_.history.day_starts); }

void Runner::Action(const Words& words) {
  const std::string& verb = words[0];
  if (verb[0] == '+' && words.size() == 1) return AdvanceBy(Dur(verb.substr(1)));
  if (verb == "at" && words.size() == 2) {
    // The next moment the local clock shows HH:MM.
    std::string date = LocalTime(wall_, "%Y-%m-%d");
    WallTime target = LocalToWall(date, words[1]);
    if (target <= wall_) {
      // Noon plus a day is on the next date, also across a DST change.
      date = LocalTime(LocalToWall(date, "12:00") + std::chrono::hours(24), "%Y-%m-%d");
      target = LocalToWall(date, words[1]);
    }
    return AdvanceBy(target - wall_);
  }
  if (verb == "wall" && words.size() == 2 && (words[1][0] == '+' || words[1][0] == '-')) {
    Duration jump = Dur(words[1].substr(1));
    wall_ += words[1][0] == '+' ? jump : -jump;
    return;
  }
  Input(words);
}

void Runner::Input(const Words& words) {
  const std::string& verb = words[0];
  auto optional_length = [&]() -> std::optional<Duration> {
    if (words.size() == 1) return std::nullopt;
    return Dur(words[1]);
  };
  if (auto plain = kPlainInputs.find(verb); plain != kPlainInputs.end() && words.size() == 1) {
    Feed(plain->second);
  } else if (verb == "idle") {
    // "idle" alone: the backend just crossed its probe threshold.
    BootTime since = boot_ - model_->IdleProbe();
    if (words.size() == 3 && words[1] == "since") {
      since = TimeAt(words[2]);
    } else if (words.size() != 1) {
      throw BadLine("usage: idle [since -DURATION|HH:MM]");
    }
    Feed(in::Idle{since});
  } else if (verb == "sleep") {
    Feed(in::Sleep{});
    asleep_ = true;
  } else if (verb == "wake") {
    asleep_ = false;
    Feed(in::Wake{});
  } else if (verb == "snooze") {
    Feed(in::Snooze{optional_length()});
  } else if (verb == "pause") {
    Feed(in::Pause{optional_length()});
  } else if (verb == "standing" && words.size() == 2 && (words[1] == "on" || words[1] == "off")) {
    Feed(in::Standing{words[1] == "on"});
  } else if (verb == "busy" || verb == "free") {
    // busy REASONS [unknown REASONS], free [unknown REASONS]
    const size_t at = verb == "busy" ? 2 : 1;
    if (words.size() != at && !(words.size() == at + 2 && words[at] == "unknown")) {
      throw BadLine("usage: busy REASONS [unknown REASONS] | free [unknown REASONS]");
    }
    in::Busy busy;
    if (verb == "busy") busy.reasons = Reasons(words[1]);
    if (words.size() == at + 2) busy.unknown = Reasons(words[at + 1]);
    Feed(busy);
  } else if (verb == "restore") {
    in::Restore restore;
    size_t from = 1;
    if (words.size() >= 3 && words[1] == "bout-start") {
      restore.bout_start = TimeAt(words[2]);
      from = 3;
    }
    restore.today = ReadTotals(words, from);
    Feed(restore);
  } else if (verb == "reconfigure") {
    SetConfig(config_, words, 1);
    Take(model_->Reconfigure(MakeNowHere(), config_));
  } else {
    throw BadLine("unknown command '" + verb + "'");
  }
}

// Restored totals: "hour H DURATION" (sitting in that local hour) and counts.
DayTotals Runner::ReadTotals(const Words& words, size_t from) {
  DayTotals totals;
  for (size_t i = from; i < words.size(); i += 2) {
    const std::string& field = words[i];
    if (i + 1 >= words.size()) throw BadLine("'" + field + "' needs a value");
    const std::string& value = words[i + 1];
    if (field == "hour" && i + 2 < words.size()) {
      Duration length = Dur(words[i + 2]);
      totals.hours.at(static_cast<size_t>(Int(value))) += length;
      totals.sitting += length;
      ++i;
    } else if (auto count = kTotalsCounts.find(field); count != kTotalsCounts.end()) {
      totals.*count->second = Int(value);
    } else if (field == "longest") {  // sitting is the sum of the hours
      totals.longest_bout = Dur(value);
    } else if (field == "standing") {
      totals.standing = Dur(value);
    } else {
      throw BadLine("cannot restore '" + field + "'");
    }
  }
  return totals;
}

void Runner::AdvanceBy(Duration length) {
  if (length < Duration::zero()) throw BadLine("time runs forward only");
  BootTime target = boot_ + length;
  // While suspended no timer fires: whatever fell due is handled at wake.
  int guard = 0;
  while (!asleep_ && deadline_ && *deadline_ <= target) {
    if (++guard > 100000) {
      Fail("the model keeps asking for deadlines");
      break;
    }
    Duration step = *deadline_ - boot_;
    boot_ += step;
    wall_ += step;
    Feed(in::Tick{});
  }
  Duration rest = target - boot_;
  boot_ += rest;
  wall_ += rest;
}

void Runner::Feed(const unsit::Input& input) { Take(model_->Handle(MakeNowHere(), input)); }

void Runner::Take(Output output) {
  for (const Decision& decision : output.decisions) {
    if (const auto* started = std::get_if<out::BreakStarted>(&decision)) open_break_ = *started;
    if (std::holds_alternative<out::BreakEnded>(decision)) open_break_.reset();
    if (const auto* rolled = std::get_if<out::DayRolled>(&decision)) {
      const DayTotals& totals = rolled->totals;
      Duration sum = std::accumulate(totals.hours.begin(), totals.hours.end(), Duration::zero());
      if (sum != totals.sitting) {
        Fail("day-rolled hours add up to " + FormatDuration(sum) + ", sitting is " +
             FormatDuration(totals.sitting));
      }
    }
    step_.push_back(decision);
  }
  deadline_ = output.next_deadline;
  if (deadline_ && *deadline_ <= boot_) {
    Fail("next deadline is not in the future (" + FormatDuration(boot_ - *deadline_) + " ago)");
    deadline_.reset();
  }
}

void Runner::Fail(const std::string& message) { failures_.push_back({line_, message}); }

Duration Runner::Dur(const std::string& text) {
  std::optional<Duration> d = ParseDuration(text);
  if (!d) throw BadLine("expected a duration like 5m or 1h02m, got '" + text + "'");
  return *d;
}

int Runner::Int(const std::string& text) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') throw BadLine("expected a number, got '" + text + "'");
  return static_cast<int>(value);
}

BootTime Runner::TimeAt(const std::string& spec) {
  if (spec[0] == '-') return boot_ - Dur(spec.substr(1));
  // Local HH:MM today: the boot instant by the current mapping.
  WallTime wall = LocalToWall(LocalTime(wall_, "%Y-%m-%d"), spec);
  return boot_ + (wall - wall_);
}

bool Runner::TimeMatches(const std::string& spec, BootTime boot, WallTime wall) {
  if (spec[0] == '-') return boot == boot_ - Dur(spec.substr(1));
  if (spec == "now") return boot == boot_;
  return LocalTime(wall, "%H:%M") == spec;
}

}  // namespace unsit::trace
