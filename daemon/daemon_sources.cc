// The daemon's backends: choosing and replacing the idle source, the session
// watch, the notifier and the history store, and turning what they report into
// model inputs. All on the io_context thread.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "core/duration.h"
#include "daemon.h"
#include "platform/clock.h"
#include "storage/history_store_sqlite.h"
#include "storage/restore.h"
#ifdef UNSIT_HAVE_LIBNOTIFY
#include "platform/notifier_libnotify.h"
#endif

namespace unsit {
namespace {

void LogCandidates(const char* what, const std::vector<Candidate>& candidates) {
  for (const Candidate& candidate : candidates) {
    if (candidate.chosen) {
      spdlog::info("{}: using {}", what, candidate.name);
    } else {
      spdlog::info("{}: skipped {}: {}", what, candidate.name, candidate.reason);
    }
  }
}

Input ToInput(SessionEvent event) {
  switch (event) {
    case SessionEvent::kLock:
      return in::Lock{};
    case SessionEvent::kUnlock:
      return in::Unlock{};
    case SessionEvent::kSleep:
      return in::Sleep{};
    case SessionEvent::kWake:
      break;
  }
  return in::Wake{};
}

}  // namespace

std::string Daemon::IdleWanted() const {
  return options_.idle_backend.value_or(config_.idle.backend);
}

void Daemon::ChooseIdle() {
  IdleChoice choice = ChooseIdleSource(IdleWanted(), *context_);
  LogCandidates("idle", choice.candidates);
  AdoptIdleSource(std::move(choice));
}

// Takes `choice` as the idle source, or the fixed schedule when it has none.
void Daemon::AdoptIdleSource(IdleChoice choice) {
  idle_candidates_ = std::move(choice.candidates);
  idle_ = std::move(choice.source);
  if (idle_) return;
  spdlog::warn(
      "idle: no idle source works here; reminding on a fixed schedule, one every {} "
      "(see `unsit doctor`)",
      FormatHuman(config_.sit_limit));
  idle_ = std::move(ChooseIdleSource("none", *context_).source);
}

// Starts the chosen source and tells the model what it knows of the user now.
void Daemon::BeginIdle() {
  auto started =
      idle_->Start(model_.IdleProbe(), [this](const IdleReport& report) { OnIdleReport(report); });
  if (!started.ok()) {
    spdlog::error("idle: {} failed to start: {}", idle_->Name(), started.error().message);
    idle_candidates_.push_back({std::string(idle_->Name()), false, started.error().message});
    AdoptIdleSource(IdleChoice{});
    BeginIdle();
    return;
  }
  std::optional<Duration> idle_for = idle_->IdleTime();
  if (!idle_for) {
    idle_->WatchNextInput();
  } else if (*idle_for < model_.IdleProbe()) {
    Feed(in::Active{});
  } else {
    Feed(in::Idle{ReadBootClock() - *idle_for});
  }
}

void Daemon::OnIdleReport(const IdleReport& report) {
  switch (report.kind) {
    case IdleReport::Kind::kIdle:
      Feed(in::Idle{report.since});
      return;
    case IdleReport::Kind::kActive:
      Feed(in::Active{});
      return;
    case IdleReport::Kind::kLost:
      break;
  }
  std::string name(idle_ ? idle_->Name() : "idle source");
  spdlog::warn("idle: {} stopped working: {}; choosing again", name, report.reason);
  idle_lost_reason_ = name + ": " + report.reason;
  // Destroying the source from inside its own callback is not safe: defer.
  boost::asio::post(io_, [this, name] {
    if (stopped_) return;
    idle_.reset();
    IdleChoice choice = ChooseIdleSource(IdleWanted(), *context_);
    // The one just lost may still open (e.g. a display that is going away):
    // do not take it straight back; `unsit reload` probes it again.
    if (choice.source && choice.source->Name() == name) choice.source.reset();
    LogCandidates("idle", choice.candidates);
    AdoptIdleSource(std::move(choice));
    BeginIdle();
  });
}

void Daemon::StartSessionWatch() {
#ifdef UNSIT_HAVE_LOGIND
  auto made = MakeLogindSessionWatch(*context_);
  if (!made.ok()) {
    session_problem_ = made.error().message;
    spdlog::info("session: lock and suspend are not watched: {}", session_problem_);
    return;
  }
  session_ = std::move(made.value());
  auto started = session_->Start([this](SessionEvent event) { Feed(ToInput(event)); });
  if (!started.ok()) {
    // Logged once; the watch still follows the session bus's screensaver.
    session_problem_ = started.error().message;
    spdlog::info("session: {}", session_problem_);
  }
#else
  session_problem_ = "built without GLib: lock and suspend are seen only as idle time";
#endif
}

// The busy signals of hold.for (Do Not Disturb, calls, ...); each source that
// cannot run here is skipped with its reason. The model ignores reasons the
// config does not hold for, so a reload only needs a new watch for new ones.
void Daemon::StartBusyWatch() {
  busy_.reset();
  busy_ = std::make_unique<BusyWatch>(BusyWatch::Make(*context_, config_.hold.reasons));
  LogCandidates("busy", busy_->candidates());
  busy_->Start([this](HoldReasons reasons) {
    spdlog::info("busy: {}", reasons.empty() ? "free" : JoinHoldReasons(reasons));
    Feed(in::Busy{reasons});
  });
}

void Daemon::OnNotifyAction(NotifyAction action) {
  switch (action) {
    case NotifyAction::kDone:
      Feed(in::Done{});
      break;
    case NotifyAction::kSnooze:
      Feed(in::Snooze{std::nullopt});
      break;
    case NotifyAction::kSkip:
      Feed(in::Skip{});
      break;
    case NotifyAction::kDismissed:
      Feed(in::Dismiss{});
      break;
  }
}

void Daemon::StartNotifier() {
  NotifierChoice choice =
      ChooseNotifier(options_.notifier.value_or(config_.notify.backend), *context_,
                     [](const std::string& line) { spdlog::warn("{}", line); });
  LogCandidates("notify", choice.candidates);
  notifier_candidates_ = std::move(choice.candidates);
  notifier_ = std::move(choice.notifier);
  libnotify_ = choice.libnotify;
  notifier_->SetActionCallback([this](NotifyAction action) { OnNotifyAction(action); });
#ifdef UNSIT_HAVE_LIBNOTIFY
  if (libnotify_ == nullptr) return;
  libnotify_->SetStatusCallback([this](const NotifierInfo& info) {
    if (info.problem.empty()) {
      spdlog::info("notify: {} answers; reminders are shown again", info.server);
      return;
    }
    spdlog::warn("notify: {}; reminders go to this log until a server answers", info.problem);
    // The Show that found the server gone carried a reminder: it goes here.
    if (last_view_)
      spdlog::warn("reminder: {} — {}", last_view_->summary, BodyFor(*last_view_, false));
  });
  if (auto problem = libnotify_->Info().problem; !problem.empty()) {
    spdlog::warn("notify: {}", problem);
  }
#endif
}

// A file locked by another process (or another passing I/O error) is opened
// again on the next decision to record, not by a timer of its own.
void Daemon::OpenHistory() {
  std::optional<Error> notice;
  auto opened = OpenHistoryStore(options_.history_path, config_.history, &notice);
  if (notice) spdlog::warn("history: {}", notice->message);
  if (!opened.ok()) {
    bool was_retrying = history_retry_;
    history_retry_ = opened.error().code == "history_io";
    if (was_retrying && opened.error().message == history_problem_) return;
    history_problem_ = opened.error().message;
    spdlog::error("history: {}; reminders go on without a record{}", history_problem_,
                  history_retry_ ? " until it opens (tried again at the next change)" : "");
    return;
  }
  store_ = std::move(opened.value());
  if (history_retry_) spdlog::info("history: opened after all");
  history_retry_ = false;
  history_problem_.clear();
  spdlog::info("history: {}", store_->Path());
  auto rotation = store_->LoadRotation();
  if (rotation.ok()) {
    rotation_.Resume(*rotation);
  } else {
    spdlog::warn("history: {}; the stretches start from the first", rotation.error().message);
  }
}

void Daemon::RestoreFromHistory() {
  if (!store_) return;
  Now now = ReadNow();
  auto restore =
      ResumeFromHistory(*store_, now, ReadBootId(), idle_->IdleTime(), config_.break_after);
  if (!restore.ok()) {
    spdlog::error("history: cannot read what was recorded: {}", restore.error().message);
    return;
  }
  if (restore->bout_start) {
    spdlog::info("history: the bout of an earlier run goes on ({} so far)",
                 FormatHuman(now.boot - *restore->bout_start));
  }
  ApplyOutput(now, model_.Handle(now, *restore));
}

}  // namespace unsit
