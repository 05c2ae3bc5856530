// The daemon's answers to the control dispatcher (DaemonApi).
#include <spdlog/spdlog.h>

#include <cstdlib>

#include "clock/clock.h"
#include "config/config_loader.h"
#include "core/duration.h"
#include "daemon.h"
#include "i18n/locale.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/desktop_info.h"
#ifdef UNSIT_HAVE_GIO
#include "platform/compositor_version.h"
#endif
#include "platform/doctor_hints.h"
#include "platform/idle_auto.h"

namespace unsit {
namespace {

std::string Env(const char* name, const char* fallback) {
  const char* value = getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

}  // namespace

StatusView Daemon::Status() {
  Now now = ReadNow();
  StatusView view;
  view.snapshot = model_.Status(now);
  view.sit_limit = config_.sit_limit;
  view.idle_backend = idle_.source() ? std::string(idle_.source()->Name()) : "none";
  view.fixed_schedule = view.idle_backend == "none";
  view.notifier = notifier_ ? std::string(notifier_->Name()) : "log";
  view.now = now.wall;
  return view;
}

StatusView Daemon::Apply(const Input& command) {
  Feed(command);
  return Status();
}

unsit::Status Daemon::Reload() {
  auto loaded = LoadConfig(options_.config_path);
  if (!loaded.ok()) {
    spdlog::error("reload: {}; the config in force stays", loaded.error().message);
    return loaded.error();
  }
  Duration old_probe = model_.IdleProbe();
  const HoldReasons old_hold = config_.hold.reasons;
  std::string old_idle = IdleWanted();
  config_ = std::move(loaded.value());
  config_problem_.clear();
  Now now = ReadNow();
  ApplyOutput(now, model_.Reconfigure(now, config_));
  RebuildStretches();
  if (HistoryStore* store = history_.store()) RecordDayStarts(*store);
  spdlog::info("reload: config {} in force",
               config_.source.empty() ? "(defaults)" : config_.source);
  // A new threshold or backend needs a new idle source; reloading also probes
  // again after a source was lost.
  if (old_probe != model_.IdleProbe() || old_idle != IdleWanted() || !idle_.lost_reason().empty()) {
    idle_.Choose(IdleWanted());
    idle_.Begin(model_.IdleProbe());
  }
  if (old_hold != config_.hold.reasons) StartBusyWatch();
  return Ok{};
}

DayView Daemon::Today() {
  Now now = ReadNow();
  return DayView{now.day_start, FormatLocalDate(now.day_start), model_.Status(now).today};
}

Result<std::vector<DayView>> Daemon::History(int days) {
  HistoryStore* store = history_.store();
  if (store == nullptr) {
    if (days > 1) {
      return Error{errc::kNoHistory, "history is not available: " + history_.open_problem()};
    }
    return std::vector<DayView>{Today()};
  }
  auto stored = store->Days(ReadNow(), days);
  if (!stored.ok()) return stored.error();
  // Today's row from the model is exact to the moment; the store has it only
  // up to the last checkpoint.
  if (!stored->empty()) stored->back() = Today();
  return stored;
}

Stretch Daemon::NextStretch() {
  if (current_stretch_) return *current_stretch_;
  return TakeStretch();
}

DoctorReport Daemon::Doctor() {
  Now now = ReadNow();
  DoctorReport report;
  report.session_type = Env("XDG_SESSION_TYPE", "unknown");
  report.desktop = Env("XDG_CURRENT_DESKTOP", "unknown");
  if (auto compositor = WaylandCompositor()) {
    report.compositor = compositor->name + " (pid " + std::to_string(compositor->pid) + ")";
#ifdef UNSIT_HAVE_GIO
    report.compositor_version =
        CompositorVersion(glib_.get(), compositor->name, std::chrono::milliseconds(1000));
#endif
  }
  IdleSource* idle = idle_.source();
  report.idle_backend = idle != nullptr ? std::string(idle->Name()) : "none";
  report.idle_protocol = idle != nullptr ? idle->Protocol() : "";
  report.idle_candidates = idle_.candidates();
  report.idle_for = idle != nullptr ? idle->IdleTime() : std::nullopt;
  const Snapshot snapshot = model_.Status(now);
  report.locked = snapshot.locked;
  report.schedule = snapshot.schedule;
  if (notifier_) {
    NotifierInfo info = notifier_->Info();
    report.notifier = info.name;
    report.notification_server = info.server;
    report.notification_capabilities = info.capabilities;
    report.notification_actions = HiddenActionsHint(info.server.substr(0, info.server.find(' ')));
    if (!info.no_server.empty()) {
      report.problems.push_back(NoServerProblem(info.no_server, true));
    } else if (!info.refused.empty()) {
      // TRANSLATORS: %s is the notification server's error (its own words).
      report.problems.push_back(
          FormatText(Tr("the notification server refused the reminder: %s"), info.refused.c_str()));
    } else if (!info.problem.empty()) {
      report.problems.push_back(info.problem);
    }
    report.sound = info.sound;
    if (!info.sound_problem.empty()) report.problems.push_back(info.sound_problem + ".");
  }
  if (busy_) report.busy_candidates = busy_->candidates();
  TrayDoctor(report);
  report.locale = LocaleInEffect();
  report.config_path = config_.source;
  report.history_path = history_.store() ? history_.store()->Path() : options_.history_path;
  report.socket_path = lock_.socket_path();
  if (!config_problem_.empty()) {
    // TRANSLATORS: %s is the config error, FILE:LINE:COLUMN: what is wrong.
    report.problems.push_back(FormatText(Tr("the config file has an error, built-in defaults are "
                                            "in force: %s: fix it, then run `unsit reload`."),
                                         config_problem_.c_str()));
  }
  DoctorFacts facts;
  facts.environment = ReadIdleEnvironment();
  facts.wanted_backend = IdleWanted();
  facts.chosen_backend = report.idle_backend == "none" ? "" : report.idle_backend;
  facts.candidates = idle_.candidates();
  facts.session_watch_error = session_problem_;
  facts.respect_inhibitors = config_.idle.respect_inhibitors;
  ReadDoctorEnvironment(facts);
  for (const DoctorHint& hint : DoctorHints(facts)) {
    // TRANSLATORS: a doctor finding: the first %s what is wrong, the second %s how to fix it.
    report.problems.push_back(FormatText(Tr("%s: %s."), hint.problem.c_str(), hint.fix.c_str()));
  }
  if (!idle_.lost_reason().empty()) {
    report.problems.push_back(FormatText(Tr("the idle source stopped working (%s): run `unsit "
                                            "reload` to probe again once it is back."),
                                         idle_.lost_reason().c_str()));
  }
  if (session_) report.locked = session_->State().locked.value_or(report.locked);
  if (!history_.open_problem().empty()) {
    report.problems.push_back(
        FormatText(Tr("history is not being recorded: %s"), history_.open_problem().c_str()));
  }
  if (!timer_problem_.empty()) {
    report.problems.push_back(FormatText(
        Tr("the reminder timer cannot be set (%s): reminders come late; restart unsitd."),
        timer_problem_.c_str()));
  }
  if (!history_.write_problem().empty()) {
    report.problems.push_back(
        FormatText(Tr("recording history failed: %s: check the disk; recording resumes by itself."),
                   history_.write_problem().c_str()));
  }
  return report;
}

}  // namespace unsit
