#include "commands.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

#include "client.h"
#include "core/duration.h"
#include "doctor_offline.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "offline.h"
#include "output.h"
#include "report.h"
#include "unsit/version.h"
#include "watch.h"

namespace unsit::cli {
namespace {

using protocol::Json;

int Fail(const Failure& failure) {
  std::cerr << failure.message << "\n";
  return failure.exit_code;
}

int Print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitOk;
}

// Sends `cmd` and prints the result with `render` (or as JSON).
int Run(const Options& o, const std::string& cmd, Json args,
        const std::function<std::string(const Json&)>& render) {
  CallResult call = Call(o.socket, cmd, std::move(args));
  if (!call.ok) return Fail(call.failure);
  return Print(o.json ? protocol::DumpJson(call.result, 2) + "\n" : render(call.result));
}

// A command that changes the daemon's state: a confirmation, then the status.
std::function<std::string(const Json&)> Confirm(std::string what) {
  return [what](const Json& status) { return what + "\n" + RenderStatus(status); };
}

// The output of status and watch. An explicit --format waybar wins over --json
// (the Waybar line is JSON too); otherwise --json is --format json.
enum class Format { kPlain, kJson, kWaybar };
Format FormatOf(const Options& o) {
  if (o.format == "waybar") return Format::kWaybar;
  return o.json || o.format == "json" ? Format::kJson : Format::kPlain;
}

int Status(const Options& o) {
  CallResult call = Call(o.socket, "status");
  Format format = FormatOf(o);
  if (format == Format::kWaybar) {
    // Waybar shows the module even while the daemon is down.
    Print(call.ok ? RenderWaybar(call.result) : WaybarOffline());
    return call.ok ? kExitOk : Fail(call.failure);
  }
  if (!call.ok) return Fail(call.failure);
  return Print(format == Format::kJson ? protocol::DumpJson(call.result, 2) + "\n"
                                       : RenderStatus(call.result));
}

// today/history: from the daemon, or from the database when it is not running.
int Days(const Options& o, bool today) {
  int wanted = today ? 1 : o.days;
  // Two weeks at least, for the week-over-week comparison.
  int fetch = today ? 1 : std::max(wanted, 14);
  CallResult call =
      today ? Call(o.socket, "today") : Call(o.socket, "history", Json{{"days", fetch}});
  Json result;
  if (call.ok) {
    result = std::move(call.result);
  } else if (call.failure.exit_code == kExitUnreachable) {
    auto offline = ReadDaysOffline(fetch);
    if (!offline) return Fail(call.failure);
    std::cerr << Tr("unsit: the daemon is not running; showing the recorded history.") << "\n";
    if (today)
      result = offline->empty() ? Json::object() : offline->back();
    else
      result = Json{{"days", std::move(offline).value()}};
  } else {
    return Fail(call.failure);
  }
  if (o.json) {
    Json shown = result;
    if (!today && result.contains("days") && result["days"].is_array()) {
      Json& list = shown["days"];
      while (list.size() > static_cast<std::size_t>(wanted)) list.erase(list.begin());
    }
    return Print(protocol::DumpJson(shown, 2) + "\n");
  }
  if (today) return Print(RenderToday(result));
  const Json& days = result.is_object() && result.contains("days") ? result["days"] : Json();
  return Print(o.csv ? RenderHistoryCsv(days, wanted) : RenderHistory(days, wanted));
}

// doctor: the daemon's report, or what can be checked without it.
int Doctor(const Options& o) {
  CallResult call = Call(o.socket, "doctor");
  if (call.ok)
    return Print(o.json ? protocol::DumpJson(call.result, 2) + "\n" : RenderDoctor(call.result));
  if (call.failure.exit_code != kExitUnreachable || o.json) return Fail(call.failure);
  Print(OfflineDoctor());
  return call.failure.exit_code;
}

int Version(const Options& o) {
  CallResult call = Call(o.socket, "version");
  if (o.json) {
    Json json{{"cli", kVersion}, {"protocol", protocol::kProtocolVersion}};
    if (call.ok) json["daemon"] = call.result;
    Print(protocol::DumpJson(json, 2) + "\n");
  } else {
    // TRANSLATORS: the first %s is a program, the second %s its version, the third %d the
    // protocol's.
    const char* line = Tr("%s %s (protocol %d)");
    Print(FormatText(line, "unsit", kVersion, protocol::kProtocolVersion) + "\n");
    if (call.ok) {
      const std::string daemon = call.result.value("daemon", std::string("?"));
      Print(FormatText(line, "unsitd", daemon.c_str(), call.result.value("protocol", 0)) + "\n");
    }
  }
  return call.ok ? kExitOk : Fail(call.failure);
}

Json DurationArgs(const std::string& duration) {
  return duration.empty() ? Json::object() : Json{{"for", duration}};
}

std::string Pretty(const std::string& duration) {
  auto d = ParseDuration(duration);
  return d ? HumanDuration(*d) : duration;
}

}  // namespace

const std::vector<VerbSpec>& Verbs() {
  static const auto* verbs = new std::vector<VerbSpec>{
      {"status", TrNoop("Show the current bout, the next reminder and today's totals."),
       "unsit status        unsit status --format json        unsit status --format waybar",
       Status},
      {"today", TrNoop("Today's totals and an hour-by-hour chart of sitting minutes."),
       "unsit today", [](const Options& o) { return Days(o, true); }},
      {"history", TrNoop("One line per day with totals, and a week-over-week comparison."),
       "unsit history --days 14        unsit history --csv > sitting.csv",
       [](const Options& o) { return Days(o, false); }},
      {"report",
       TrNoop("A picture of the last days (SVG and an HTML page), from the history file."),
       "unsit report        unsit report --days 30 --output ~/sitting",
       [](const Options& o) { return WriteReport(o.days, o.output); }},
      {"snooze", TrNoop("Postpone the reminder (default: the configured snooze, 10 min)."),
       "unsit snooze 15m",
       [](const Options& o) {
         return Run(o, "snooze", DurationArgs(o.duration),
                    Confirm(o.duration.empty()
                                ? Tr("Snoozed.")
                                // TRANSLATORS: %s is how long, e.g. "15 min".
                                : FormatText(Tr("Snoozed for %s."), Pretty(o.duration).c_str())));
       }},
      {"done", TrNoop("I'm up: a break begins now and the reminder closes."), "unsit done",
       [](const Options& o) { return Run(o, "done", {}, Confirm(Tr("Good: enjoy the break."))); }},
      {"skip", TrNoop("Skip this reminder: the next one comes after a full sit limit."),
       "unsit skip",
       [](const Options& o) { return Run(o, "skip", {}, Confirm(Tr("Skipped this reminder."))); }},
      {"pause", TrNoop("Mute reminders (tracking goes on) for a while or until resume."),
       "unsit pause 45m        unsit pause",
       [](const Options& o) {
         return Run(o, "pause", Json{{"for", o.duration.empty() ? Json() : Json(o.duration)}},
                    Confirm(o.duration.empty() ? Tr("Reminders paused until `unsit resume`.")
                                               : FormatText(Tr("Reminders paused for %s."),
                                                            Pretty(o.duration).c_str())));
       }},
      {"resume", TrNoop("End a pause; a reminder that fell due meanwhile shows now."),
       "unsit resume",
       [](const Options& o) { return Run(o, "resume", {}, Confirm(Tr("Reminders resumed."))); }},
      {"standing", TrNoop("Standing desk: while on, input does not count as sitting."),
       "unsit standing on        unsit standing off",
       [](const Options& o) {
         bool on = o.standing == "on";
         return Run(o, "standing", Json{{"on", on}},
                    Confirm(on ? Tr("Standing: input does not count as sitting.")
                               : Tr("Sitting again: input counts as sitting.")));
       }},
      {"stretch", TrNoop("Show the next stretch of the rotation, step by step."), "unsit stretch",
       [](const Options& o) { return Run(o, "stretch", {}, RenderStretch); }},
      {"watch", TrNoop("Print one line per event as it happens; reconnects when unsitd restarts."),
       "unsit watch        unsit watch --format waybar",
       [](const Options& o) {
         Format format = FormatOf(o);
         return Watch(o.socket, format == Format::kJson     ? WatchFormat::kJson
                                : format == Format::kWaybar ? WatchFormat::kWaybar
                                                            : WatchFormat::kPlain);
       }},
      {"doctor", TrNoop("Explain which idle source and notifier are in use, and what is wrong."),
       "unsit doctor", Doctor},
      {"reload", TrNoop("Re-read the config file; on an error the old config stays in force."),
       "unsit reload",
       [](const Options& o) {
         return Run(o, "reload", {},
                    [](const Json&) { return std::string(Tr("Config reloaded.")) + "\n"; });
       }},
      {"version", TrNoop("Print the versions of unsit, unsitd and the protocol."), "unsit version",
       Version},
  };
  return *verbs;
}

}  // namespace unsit::cli
