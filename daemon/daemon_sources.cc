// The daemon's backends: the session watch, the notifier and the bout restored
// from history, and turning what they report into model inputs (the idle source
// and the history store have their own classes in shell/). All on the
// io_context thread.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "clock/clock.h"
#include "core/duration.h"
#include "daemon.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/service_notify.h"
#include "storage/history_store_sqlite.h"
#include "storage/restore.h"

namespace unsit {
namespace {

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

void Daemon::StartSessionWatch() {
#ifdef UNSIT_HAVE_LOGIND
  auto made = MakeLogindSessionWatch(*context_);
  if (!made.ok()) {
    session_problem_ = ErrorText(made.error());
    spdlog::info("session: lock and suspend are not watched: {}", made.error().message);
    return;
  }
  session_ = std::move(made.value());
  auto started = session_->Start([this](SessionEvent event) { Feed(ToInput(event)); });
  if (!started.ok()) {
    // Logged once; the watch still follows the session bus's screensaver.
    session_problem_ = ErrorText(started.error());
    spdlog::info("session: {}", started.error().message);
  }
#else
  session_problem_ = Tr("built without GLib: lock and suspend are seen only as idle time");
#endif
}

void Daemon::StartBusLossWatch() {
#ifdef UNSIT_HAVE_GIO
  auto started = BusLossWatch::Start(*glib_, io_,
                                     [this](const std::string& reason) { LoseSessionBus(reason); });
  if (!started.ok()) {
    spdlog::info("session bus: not watched: {}", started.error().message);
    return;
  }
  bus_loss_ = std::move(started.value());
#endif
}

// What lives on the session bus cannot all move to a new one in place
// (bus_loss.h): end with a failure status, history written, so that the
// service manager starts the daemon again where the bus is now.
void Daemon::LoseSessionBus(const std::string& reason) {
  if (stopped_) return;
  spdlog::error(
      "session bus: lost ({}); unsitd ends with status 1 so that its service starts it again on "
      "the session bus there is then",
      reason);
  ServiceNotify("STOPPING=1");
  exit_status_ = 1;
  Shutdown();
  io_.stop();
}

// The busy signals of hold.for (Do Not Disturb, calls, ...); each source that
// cannot run here is skipped with its reason. The model ignores reasons the
// config does not hold for, so a reload only needs a new watch for new ones.
// A new watch's on-demand sources watch if the model last asked them to.
void Daemon::StartBusyWatch() {
  busy_.reset();
  busy_ = std::make_unique<BusyWatch>(BusyWatch::Make(*context_, config_.hold.reasons));
  LogCandidates("busy", busy_->candidates());
  busy_->Start([this](HoldReasons reasons, HoldReasons unknown) {
    if (reasons != busy_said_) {
      spdlog::info("busy: {}", reasons.empty() ? "free" : JoinHoldReasons(reasons));
      busy_said_ = reasons;
    }
    Feed(in::Busy{reasons, unknown});
  });
  busy_->SetWatching(busy_watching_);
}

// From the model's out::WatchBusy: posted, so that what the watch reports
// feeds the model after the current step, not inside it.
void Daemon::WatchBusy(bool on) {
  busy_watching_ = on;
  boost::asio::post(io_, [this, on] {
    if (busy_ && !stopped_ && busy_watching_ == on) busy_->SetWatching(on);
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
    case NotifyAction::kDesk:  // "Desk is up" / "Sitting now": as unsit standing on / off
      if (desk_prompt_) Feed(in::Standing{*desk_prompt_ == DeskPrompt::kRaise});
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
  notifier_->SetActionCallback([this](NotifyAction action) { OnNotifyAction(action); });
  if (!notifier_->OnScreen()) return;  // the log notifier's problem is in its candidates
  notifier_->SetStatusCallback([this](const NotifierInfo& info) {
    if (info.problem.empty()) {
      spdlog::info("notify: {} answers; reminders are shown again", info.server);
      return;
    }
    spdlog::warn("notify: {}; reminders go to this log until a server answers", info.problem);
    // The Show that found the server gone carried a reminder: it goes here.
    if (last_view_)
      spdlog::warn("reminder: {} — {}", last_view_->summary, BodyFor(*last_view_, false));
  });
  if (auto problem = notifier_->Info().problem; !problem.empty()) {
    spdlog::warn("notify: {}", problem);
  }
  LogSound(notifier_->Info());
}

// How reminders sound, as probed when the notifier started: told once here,
// and by `doctor` whenever asked.
void Daemon::LogSound(const NotifierInfo& info) {
  if (!info.sound.empty()) spdlog::info("notify: sound: {}", info.sound);
  if (!info.sound_problem.empty()) spdlog::warn("notify: sound: {}", info.sound_problem);
}

void Daemon::RecordDayStarts(HistoryStore& store) {
  if (unsit::Status recorded = store.SetDayStarts(config_.history.day_starts); !recorded.ok()) {
    spdlog::warn("history: {}; with the daemon stopped, unsit may split days elsewhere",
                 recorded.error().message);
  }
}

void Daemon::RestoreFromHistory() {
  if (history_.store() == nullptr) return;
  Now now = ReadNow();
  auto restore = ResumeFromHistory(*history_.store(), now, ReadBootId(), idle_.source()->IdleTime(),
                                   config_.break_after);
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
