#include "daemon.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "config/stretch_catalogue.h"
#include "control/events.h"
#include "control/server.h"
#include "core/duration.h"
#include "core/reminder_text.h"
#include "platform/clock.h"
#include "platform/stretch_pictures.h"

namespace unsit {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

Daemon::Daemon(boost::asio::io_context& io, DaemonOptions options, Config config,
               std::string config_problem, InstanceLock lock)
    : io_(io),
      options_(std::move(options)),
      config_problem_(std::move(config_problem)),
      lock_(std::move(lock)),
      config_(std::move(config)),
      model_(config_, unsit::ReadNow(config_.history.day_starts)),
      timer_(io),
      input_grace_(io) {}

Daemon::~Daemon() { Shutdown(); }

Now Daemon::ReadNow() const { return unsit::ReadNow(config_.history.day_starts); }

Status Daemon::Start() {
  if (auto opened = timer_.Open(); !opened.ok()) return opened.error();
  if (auto opened = input_grace_.Open(); !opened.ok()) return opened.error();
#ifdef UNSIT_HAVE_GIO
  glib_ = std::make_unique<GlibThread>(/*global_default=*/true);  // for the indicator's menu
  if (auto started = glib_->Start(); !started.ok()) return started.error();
#endif
  context_ = std::make_unique<PlatformContext>(
      PlatformContext{io_, glib_.get(), config_, [this](const Input& input) { Feed(input); }});
  RebuildStretches();
  server_ = std::make_unique<ControlServer>(io_, ServerOptions{}, DispatchHandler(*this));
  if (auto listening = server_->Start(lock_); !listening.ok()) return listening.error();
  OpenHistory();
  StartNotifier();
  ChooseIdle();
  RestoreFromHistory();  // needs the idle source's idle time, before it reports
  BeginIdle();
  StartSessionWatch();
  StartTray();
  return Ok{};
}

void Daemon::Shutdown() {
  if (stopped_) return;
  stopped_ = true;
  if (context_) Feed(in::Shutdown{});
  timer_.Disarm();
  input_grace_.Disarm();
  if (notifier_) notifier_->Close();
  server_.reset();
  tray_.reset();
  session_.reset();
  idle_.reset();
  notifier_.reset();
  ReportUnwritten();
  store_.reset();  // closes the database: everything is on disk from here
  if (glib_) glib_->Stop();
}

void Daemon::Feed(const Input& input) {
  Now now = ReadNow();
  // A suspend that no D-Bus signal told us about still shows as a jump of
  // CLOCK_BOOTTIME over CLOCK_MONOTONIC: nobody typed while the machine slept.
  if (auto slept = suspend_.Check(); slept && *slept >= model_.IdleProbe()) {
    spdlog::info("the machine was suspended for {}", FormatHuman(*slept));
    ApplyOutput(now, model_.Handle(now, in::Idle{now.boot - *slept}));
  }
  ApplyOutput(now, model_.Handle(now, input));
  // After "I'm up" the bout goes on until up_min_break passes without input
  // (core/model.h); the backend reports input only after idle, so ask for it.
  if (std::holds_alternative<in::Done>(input) && model_.Status(now).state == State::kSitting) {
    WatchNextInputSoon();
  }
}

void Daemon::ApplyOutput(const Now& now, const Output& output) {
  for (const Decision& decision : output.decisions) ApplyDecision(now, decision);
  // The indicator's minute label shares the one timer with the model.
  std::optional<BootTime> deadline = output.next_deadline;
  if (std::optional<BootTime> label = UpdateTray(now); label && (!deadline || *label < *deadline)) {
    deadline = label;
  }
  if (stopped_ || !deadline) {
    timer_.Disarm();
    return;
  }
  NoteTimer(timer_.Arm(*deadline, [this] { Feed(in::Tick{}); }));
}

// A deadline that cannot be set is logged once and shown by doctor; it is set
// again at the next input or command, which feeds the model and arms anew.
void Daemon::NoteTimer(const Result<Ok>& armed) {
  if (armed.ok()) {
    if (!timer_problem_.empty()) spdlog::info("timer: set again");
    timer_problem_.clear();
    return;
  }
  if (armed.error().message == timer_problem_) return;
  timer_problem_ = armed.error().message;
  spdlog::error("timer: {}; the next reminder waits for the next input or command", timer_problem_);
}

void Daemon::ApplyDecision(const Now& now, const Decision& decision) {
  Record(now, decision);
  if (server_) {
    for (const protocol::Event& event : EventsFor(decision, now.wall)) server_->Broadcast(event);
  }
  std::visit(Overloaded{
                 [&](const out::ShowReminder& show) { ShowReminder(show.sitting, show.shown); },
                 [&](const out::CloseReminder& close) {
                   spdlog::info("reminder closed: {}", ToString(close.outcome));
                   current_stretch_.reset();
                   last_view_.reset();
                   if (notifier_) notifier_->Close();
                 },
                 [&](const out::BreakStarted& started) {
                   spdlog::info("break began ({}), {} ago", ToString(started.cause),
                                FormatHuman(now.boot - started.at));
                   // The backend reports input only after idle; after "I'm up",
                   // a lock or a suspend, ask it for the next input.
                   if (started.cause == BreakCause::kDone) {
                     WatchNextInputSoon();
                   } else if (started.cause != BreakCause::kIdle && idle_) {
                     idle_->WatchNextInput();
                   }
                 },
                 [&](const out::BreakEnded& ended) {
                   spdlog::info("break ended after {}", FormatHuman(ended.end - ended.start));
                 },
                 [&](const out::BoutClosed& closed) {
                   spdlog::info("sitting bout closed after {} ({})", FormatHuman(closed.length()),
                                ToString(closed.why));
                 },
                 [&](const auto&) {},
             },
             decision);
}

// The release of the button that said "I'm up" is itself input: wait out the
// click before asking for the next input, or the break would end at once.
void Daemon::WatchNextInputSoon() {
  Result<Ok> armed = input_grace_.Arm(ReadBootClock() + kInputGrace, [this] {
    if (idle_ && !stopped_) idle_->WatchNextInput();
  });
  if (armed.ok()) return;
  // Without the grace, watch at once: a click may end the break early, but
  // the break is still seen to end.
  spdlog::warn("timer: {}; watching for input without the grace", armed.error().message);
  if (idle_) idle_->WatchNextInput();
}

void Daemon::ShowReminder(Duration sitting, int shown) {
  if (shown == 1 || !current_stretch_) current_stretch_ = TakeStretch();
  if (!notifier_) return;
  NotifierInfo info = notifier_->Info();
  last_view_ = ComposeReminder(sitting, *current_stretch_, config_.snooze);
  notifier_->Show(*last_view_);
  // While no notification server answers, the log is where the reminder shows
  // (a server lost since the last Show is reported by the status callback).
  if (libnotify_ != nullptr && !info.problem.empty()) {
    spdlog::warn("reminder: {} — {}", last_view_->summary, BodyFor(*last_view_, false));
  } else if (libnotify_ != nullptr) {
    spdlog::info("reminder shown ({}): {} — {}", shown, last_view_->summary,
                 BodyFor(*last_view_, info.actions, ActionMenuCommand(info)));
  }
}

Stretch Daemon::TakeStretch() {
  Stretch stretch = rotation_.Next();
  stretch.picture = FindStretchPicture(stretch.id);
  if (store_) {
    if (unsit::Status saved = store_->SaveRotation(rotation_.State()); !saved.ok()) {
      spdlog::warn("history: {}", saved.error().message);
    }
  }
  return stretch;
}

void Daemon::Record(const Now& now, const Decision& decision) {
  if (!store_ && history_retry_) OpenHistory();
  if (!store_) return;
  auto recorded = store_->Record(now, decision);
  if (recorded.ok()) {
    if (!last_store_error_.empty()) spdlog::info("history: recording again");
    last_store_error_.clear();
    return;
  }
  // Log a failure once, not at every transition while it lasts (e.g. a full disk).
  if (recorded.error().message != last_store_error_) {
    last_store_error_ = recorded.error().message;
    spdlog::error("history: {}", last_store_error_);
  }
}

// Records that waited in memory get one last try; what still fails is said
// with its count rather than dropped without a word.
void Daemon::ReportUnwritten() {
  if (!store_ || store_->Unwritten() == 0) return;
  if (store_->WritePending().ok()) {
    spdlog::info("history: the records that waited are written");
    return;
  }
  spdlog::error("history: {} record(s) could not be written before exit and are lost",
                store_->Unwritten());
}

void Daemon::RebuildStretches() {
  auto builtin = BuiltinStretches();
  if (!builtin.ok()) spdlog::error("stretch catalogue: {}", builtin.error().message);
  rotation_.Reconfigure(
      EligibleStretches(builtin.ok() ? builtin.value() : std::vector<Stretch>{}, config_));
}

}  // namespace unsit
