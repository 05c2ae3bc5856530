// The `expect` lines of a trace: what the last step decided, and what the
// model says now.
#include <cctype>
#include <numeric>
#include <sstream>

#include "core/duration.h"
#include "trace_runner.h"
#include "trace_words.h"

namespace unsit::trace {
namespace {

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

std::string Kind(const Decision& decision) {
  return std::visit(Overloaded{
                        [](const out::BoutStarted&) { return "bout-started"; },
                        [](const out::BoutClosed&) { return "bout-closed"; },
                        [](const out::BreakStarted&) { return "break-started"; },
                        [](const out::BreakEnded&) { return "break-ended"; },
                        [](const out::ShowReminder&) { return "reminder"; },
                        [](const out::CloseReminder&) { return "close"; },
                        [](const out::StateChanged&) { return "state-changed"; },
                        [](const out::PauseChanged&) { return "pause-changed"; },
                        [](const out::DayRolled&) { return "day-rolled"; },
                        [](const out::Checkpoint&) { return "checkpoint"; },
                        [](const out::HoldChanged&) { return "hold-changed"; },
                        [](const out::ShowDeskPrompt&) { return "desk"; },
                        [](const out::CloseDeskPrompt&) { return "desk-closed"; },
                        [](const out::StandClosed&) { return "stood"; },
                        [](const out::WatchBusy&) { return "watch"; },
                    },
                    decision);
}

std::string HoldText(HoldReasons reasons) {
  return reasons.empty() ? "none" : JoinHoldReasons(reasons);
}

const std::vector<std::string> kEventKinds = {
    "bout-started", "bout-closed",   "break-started", "break-ended", "reminder",
    "close",        "state-changed", "pause-changed", "day-rolled",  "checkpoint",
    "hold-changed", "desk",          "desk-closed",   "stood",       "watch"};

}  // namespace

std::string Describe(const Decision& decision) {
  std::ostringstream text;
  text << Kind(decision);
  std::visit(Overloaded{
                 [&](const out::BoutStarted& d) { text << " at " << LocalTime(d.wall, "%H:%M"); },
                 [&](const out::BoutClosed& d) {
                   text << " " << FormatDuration(d.length()) << " " << ToString(d.why) << " at "
                        << LocalTime(d.end_wall, "%H:%M");
                 },
                 [&](const out::BreakStarted& d) {
                   text << " " << ToString(d.cause) << " at " << LocalTime(d.wall, "%H:%M");
                 },
                 [&](const out::BreakEnded& d) {
                   text << " " << FormatDuration(d.end - d.start) << " " << ToString(d.cause);
                 },
                 [&](const out::ShowReminder& d) {
                   text << " " << FormatDuration(d.sitting) << " shown " << d.shown;
                   if (!d.after_hold.empty()) text << " after " << JoinHoldReasons(d.after_hold);
                 },
                 [&](const out::CloseReminder& d) {
                   text << " " << ToString(d.outcome) << " " << FormatDuration(d.sitting);
                 },
                 [&](const out::StateChanged& d) { text << " " << ToString(d.state); },
                 [&](const out::PauseChanged& d) { text << (d.paused ? " on" : " off"); },
                 [&](const out::DayRolled& d) {
                   text << " " << LocalTime(d.day_start, "%Y-%m-%d") << " sitting "
                        << FormatDuration(d.totals.sitting);
                 },
                 [&](const out::Checkpoint& d) { text << " " << FormatDuration(d.sitting); },
                 [&](const out::HoldChanged& d) {
                   text << " busy " << HoldText(d.busy) << " held-by " << HoldText(d.held_by);
                 },
                 [&](const out::ShowDeskPrompt& d) {
                   text << " " << ToString(d.prompt) << " " << FormatDuration(d.part);
                 },
                 [&](const out::CloseDeskPrompt& d) { text << " " << ToString(d.prompt); },
                 [&](const out::StandClosed& d) {
                   text << " " << FormatDuration(d.length()) << " at "
                        << LocalTime(d.end_wall, "%H:%M");
                 },
                 [&](const out::WatchBusy& d) { text << (d.on ? " on" : " off"); },
             },
             decision);
  return text.str();
}

std::string Runner::StepText() const {
  if (step_.empty()) return "nothing";
  std::string text;
  for (const Decision& decision : step_) text += (text.empty() ? "" : ", ") + Describe(decision);
  return text;
}

void Runner::Expect(const Words& words) {
  bool negated = words.size() > 1 && words[1] == "no";
  size_t at = negated ? 2 : 1;
  if (at >= words.size()) throw BadLine("expect what?");
  const std::string& what = words[at];
  Words args(words.begin() + static_cast<long>(at) + 1, words.end());
  if (what == "nothing") {
    if (!step_.empty()) Fail("expected no decisions, got " + StepText());
    return;
  }
  for (const std::string& kind : kEventKinds) {
    if (kind != what) continue;
    bool found = ExpectEvent(what, negated, args);
    if (found == negated) {
      std::string line;
      for (const std::string& word : words) line += (line.empty() ? "" : " ") + word;
      Fail("'" + line + "' did not hold; the last step decided: " + StepText());
    }
    return;
  }
  ExpectStatus(what, negated, args);
}

// True when some decision of the last step is `kind` and matches `args`; with
// `negated` and no args, any decision of that kind counts.
bool Runner::ExpectEvent(const std::string& kind, bool negated, const Words& args) {
  for (const Decision& decision : step_) {
    if (Kind(decision) != kind) continue;
    if (negated && args.empty()) return true;
    bool match = true;
    std::vector<Failure> saved = failures_;
    for (size_t i = 0; i < args.size() && match; ++i) {
      const std::string& arg = args[i];
      bool has_next = i + 1 < args.size();
      auto next = [&]() -> const std::string& {
        if (!has_next) throw BadLine("'" + arg + "' needs a value");
        return args[++i];
      };
      // A closed span (a bout, a standing spell): `at TIME`, `from TIME` or its
      // length; false for any other word.
      auto span_matches = [&](const auto& d) {
        if (arg == "at") return TimeMatches(next(), d.end, d.end_wall);
        if (arg == "from") return TimeMatches(next(), d.start, d.start_wall);
        return std::isdigit(static_cast<unsigned char>(arg[0])) && d.length() == Dur(arg);
      };
      std::visit(Overloaded{
                     [&](const out::BoutStarted& d) {
                       match = arg == "at" && TimeMatches(next(), d.at, d.wall);
                     },
                     [&](const out::BoutClosed& d) {
                       const bool why = arg == ToString(d.why);
                       match = why || span_matches(d);
                     },
                     [&](const out::BreakStarted& d) {
                       match = arg == "at" ? TimeMatches(next(), d.at, d.wall)
                                           : arg == ToString(d.cause);
                     },
                     [&](const out::BreakEnded& d) {
                       match = std::isdigit(static_cast<unsigned char>(arg[0]))
                                   ? d.end - d.start == Dur(arg)
                                   : arg == ToString(d.cause);
                     },
                     [&](const out::ShowReminder& d) {
                       if (arg == "after") {
                         match = JoinHoldReasons(d.after_hold) == next();
                       } else {
                         match = arg == "shown" ? d.shown == Int(next()) : d.sitting == Dur(arg);
                       }
                     },
                     [&](const out::CloseReminder& d) {
                       match = std::isdigit(static_cast<unsigned char>(arg[0]))
                                   ? d.sitting == Dur(arg)
                                   : arg == ToString(d.outcome);
                     },
                     [&](const out::StateChanged& d) { match = arg == ToString(d.state); },
                     [&](const out::PauseChanged& d) {
                       if (arg == "until") {
                         match = d.until && LocalTime(*d.until, "%H:%M") == next();
                       } else {
                         match = (arg == "on") == d.paused;
                       }
                     },
                     [&](const out::HoldChanged& d) {
                       // busy REASONS | held-by REASONS ("none" for the empty set)
                       const std::string& want = next();
                       match = HoldText(arg == "busy" ? d.busy : d.held_by) == want;
                     },
                     [&](const out::DayRolled& d) {
                       if (arg == "date") {
                         match = LocalTime(d.day_start, "%Y-%m-%d") == next();
                         return;
                       }
                       // The remaining args are totals fields; compare without failing.
                       Words rest(args.begin() + static_cast<long>(i), args.end());
                       rest.insert(rest.begin(), "-");
                       size_t before = failures_.size();
                       ExpectTotals(d.totals, rest, 1, "day-rolled");
                       match = failures_.size() == before;
                       i = args.size();
                     },
                     [&](const out::Checkpoint& d) { match = d.sitting == Dur(arg); },
                     [&](const out::ShowDeskPrompt& d) {
                       match = std::isdigit(static_cast<unsigned char>(arg[0]))
                                   ? d.part == Dur(arg)
                                   : arg == ToString(d.prompt);
                     },
                     [&](const out::CloseDeskPrompt& d) { match = arg == ToString(d.prompt); },
                     [&](const out::StandClosed& d) { match = span_matches(d); },
                     [&](const out::WatchBusy& d) { match = (arg == "on") == d.on; },
                 },
                 decision);
    }
    failures_ = saved;  // a non-matching candidate is not a failure by itself
    if (match) return true;
  }
  return false;
}

void Runner::ExpectStatus(const std::string& what, bool negated, const Words& args) {
  Now now = MakeNowHere();
  Snapshot status = model_->Status(now);
  auto check = [&](bool holds, const std::string& got) {
    if (holds == negated) {
      Fail(std::string("expected ") + (negated ? "no " : "") + what +
           (args.empty() ? "" : " " + args[0]) + ", got " + got);
    }
  };
  auto arg = [&](size_t i) -> const std::string& {
    if (i >= args.size()) throw BadLine("'expect " + what + "' needs more words");
    return args[i];
  };
  if (what == "state") {
    check(ToString(status.state) == arg(0), ToString(status.state));
  } else if (what == "bout") {
    check(negated ? status.bout > Duration::zero() : status.bout == Dur(arg(0)),
          FormatDuration(status.bout));
  } else if (what == "break") {
    std::string got = "none";
    bool holds = open_break_.has_value();
    if (open_break_) {
      Duration so_far = boot_ - open_break_->at;
      got = FormatDuration(so_far) + " " + ToString(open_break_->cause);
      for (const std::string& word : args) {
        holds = holds && (std::isdigit(static_cast<unsigned char>(word[0]))
                              ? so_far == Dur(word)
                              : word == ToString(open_break_->cause));
      }
    }
    check(holds, got);
  } else if (auto flag = kStatusFlags.find(what); flag != kStatusFlags.end()) {
    bool holds = status.*flag->second;
    check(holds, holds ? what : "not " + what);
  } else if (what == "held-by" || what == "busy") {
    const HoldReasons reasons = what == "busy" ? status.busy : status.held_by;
    const std::string got = reasons.empty() ? "nothing" : JoinHoldReasons(reasons);
    check(!reasons.empty() && (args.empty() || got == args[0]), got);
  } else if (what == "paused") {
    std::string got = status.paused ? "paused" : "not paused";
    if (status.paused_until) got += " until " + LocalTime(*status.paused_until, "%H:%M");
    bool holds = status.paused;
    if (args.size() == 2 && args[0] == "until") {
      holds = holds && status.paused_until && LocalTime(*status.paused_until, "%H:%M") == args[1];
    }
    check(holds, got);
  } else if (what == "quiet") {
    std::string got = status.quiet_until
                          ? "quiet until " + LocalTime(*status.quiet_until, "%a %H:%M")
                          : "not quiet";
    bool holds = status.quiet_until.has_value();
    if (holds && !args.empty() && args[0] == "until") {
      holds = UntilMatches(*status.quiet_until, args, 1);
    }
    check(holds, got);
  } else if (what == "schedule") {
    ExpectSchedule(status, negated, args);
  } else if (what == "next-reminder") {
    std::string got = status.next_reminder ? FormatDuration(*status.next_reminder) : "none";
    check(negated ? status.next_reminder.has_value()
                  : status.next_reminder && *status.next_reminder == Dur(arg(0)),
          got);
  } else if (what == "next-desk") {
    std::string got = status.next_desk ? FormatDuration(*status.next_desk) : "none";
    check(negated ? status.next_desk.has_value()
                  : status.next_desk && *status.next_desk == Dur(arg(0)),
          got);
  } else if (what == "desk-open") {
    std::string got = status.desk_open ? ToString(*status.desk_open) : "none";
    check(status.desk_open && (args.empty() || got == args[0]), got);
  } else if (what == "deadline") {
    std::string got = deadline_ ? "+" + FormatDuration(*deadline_ - boot_) : "none";
    bool holds = deadline_.has_value();
    if (holds && !negated) {
      const std::string& spec = arg(0);
      holds = spec[0] == '+' ? *deadline_ - boot_ == Dur(spec.substr(1))
                             : LocalTime(now.WallAt(*deadline_), "%H:%M") == spec;
    }
    check(holds, got);
  } else if (what == "idle-probe") {
    check(model_->IdleProbe() == Dur(arg(0)), FormatDuration(model_->IdleProbe()));
  } else if (what == "idle-for") {
    std::string got = status.idle_for ? FormatDuration(*status.idle_for) : "none";
    check(
        negated ? status.idle_for.has_value() : status.idle_for && *status.idle_for == Dur(arg(0)),
        got);
  } else if (what == "today" && !negated) {
    Duration sum =
        std::accumulate(status.today.hours.begin(), status.today.hours.end(), Duration::zero());
    if (sum != status.today.sitting) Fail("today's hours do not add up to its sitting");
    Words fields = args;
    fields.insert(fields.begin(), "-");
    ExpectTotals(status.today, fields, 1, "today");
  } else {
    throw BadLine("unknown expectation '" + what + "'");
  }
}

// Compares FIELD VALUE pairs of `args` (from `from`) with `totals`.
void Runner::ExpectTotals(const DayTotals& totals, const Words& args, size_t from,
                          const std::string& what) {
  for (size_t i = from; i < args.size(); i += 2) {
    const std::string& field = args[i];
    if (i + 1 >= args.size()) throw BadLine("'" + field + "' needs a value");
    const std::string& value = args[i + 1];
    auto duration = [&](Duration got) {
      if (got != Dur(value)) {
        Fail(what + " " + field + ": expected " + value + ", got " + FormatDuration(got));
      }
    };
    auto count = [&](int got) {
      if (got != Int(value)) {
        Fail(what + " " + field + ": expected " + value + ", got " + std::to_string(got));
      }
    };
    if (auto length = kTotalsDurations.find(field); length != kTotalsDurations.end()) {
      duration(totals.*length->second);
    } else if (auto number = kTotalsCounts.find(field); number != kTotalsCounts.end()) {
      count(totals.*number->second);
    } else if (field == "hour" && i + 2 < args.size()) {
      Duration got = totals.hours.at(static_cast<size_t>(Int(value)));
      if (got != Dur(args[i + 2])) {
        Fail(what + " hour " + value + ": expected " + args[i + 2] + ", got " +
             FormatDuration(got));
      }
      ++i;
    } else if (field == "open") {
      count(OpenReminders(totals));
    } else {
      throw BadLine("unknown totals field '" + field + "'");
    }
  }
}

// "until 13:00" (today's clock) or "until Mon 09:00" from args[from].
bool Runner::UntilMatches(WallTime until, const Words& args, size_t from) {
  if (from + 1 == args.size()) return LocalTime(until, "%H:%M") == args[from];
  if (from + 2 == args.size())
    return LocalTime(until, "%a %H:%M") == args[from] + " " + args[from + 1];
  throw BadLine("expected 'until HH:MM' or 'until Mon HH:MM'");
}

// "expect schedule quiet_hours sat,sun until Mon 09:00": where in the schedule
// now falls, the span in force (as FormatSpan writes it) and when the quiet or
// the time for reminders ends.
void Runner::ExpectSchedule(const Snapshot& status, bool negated, const Words& args) {
  const std::optional<ScheduleState>& s = status.schedule;
  std::string got = "no schedule";
  if (s) {
    got = std::string(ToString(s->in)) + (s->span ? " " + FormatSpan(*s->span) : "") +
          (s->until ? " until " + LocalTime(*s->until, "%a %H:%M") : "");
  }
  bool holds = s.has_value();
  size_t until = args.size();
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "until") until = i;
  }
  if (holds && !args.empty()) {
    std::string span;
    for (size_t i = 1; i < until; ++i) span += (i > 1 ? " " : "") + args[i];
    holds = ToString(s->in) == args[0] && span == (s->span ? FormatSpan(*s->span) : "");
    if (until < args.size()) holds = holds && s->until && UntilMatches(*s->until, args, until + 1);
  }
  if (holds == negated)
    Fail(std::string("expected ") + (negated ? "no " : "") + "schedule, got " + got);
}

}  // namespace unsit::trace
