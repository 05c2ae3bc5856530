#include "daemon.h"

#include <spdlog/spdlog.h>

#include "clock/clock.h"
#include "config/stretch_catalogue.h"
#include "control/events.h"
#include "control/server.h"
#include "core/duration.h"
#include "i18n/reminder_text.h"
#include "platform/stretch_pictures.h"
#include "shell/desk_text.h"
#include "storage/history_store_sqlite.h"

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
      timer_(io.get_executor()),
      grace_timer_(io.get_executor()),
      grace_([this](BootTime at) { return grace_timer_.Arm(at, [this] { grace_.Fire(); }); },
             [this] {
               if (idle_.source() != nullptr && !stopped_) idle_.source()->WatchNextInput();
             }),
      idle_(
          io, config_,
          [this](const std::string& wanted) { return ChooseIdleSource(wanted, *context_); },
          ReadBootClock, [this](const Input& input) { Feed(input); }),
      history_(
          [this](std::optional<Error>* notice) {
            return OpenHistoryStore(options_.history_path, config_.history, notice);
          },
          [this](HistoryStore& store) {
            auto rotation = store.LoadRotation();
            if (rotation.ok()) {
              rotation_.Resume(*rotation);
            } else {
              spdlog::warn("history: {}; the stretches start from the first",
                           rotation.error().message);
            }
            RecordDayStarts(store);
          }) {}

Daemon::~Daemon() { Shutdown(); }

Now Daemon::ReadNow() const { return unsit::ReadNow(config_.history.day_starts); }

Status Daemon::Start() {
  if (auto opened = timer_.Opened(); !opened.ok()) return opened.error();
  if (auto opened = grace_timer_.Opened(); !opened.ok()) return opened.error();
#ifdef UNSIT_HAVE_GIO
  glib_ = std::make_unique<GlibThread>(/*global_default=*/true);  // for the indicator's menu
  if (auto started = glib_->Start(); !started.ok()) return started.error();
#endif
  context_ = std::make_unique<PlatformContext>(
      PlatformContext{io_, glib_.get(), config_, [this](const Input& input) { Feed(input); }});
  RebuildStretches();
  ServerOptions server_options;
  server_options.on_timer_error = [](const Error& error) {
    spdlog::error("control socket: {}; that connection is closed", error.message);
  };
  server_ = std::make_unique<ControlServer>(io_, server_options, DispatchHandler(*this));
  if (auto listening = server_->Start(lock_); !listening.ok()) return listening.error();
  history_.Open();
  StartNotifier();
  idle_.Choose(IdleWanted());
  RestoreFromHistory();  // needs the idle source's idle time, before it reports
  idle_.Begin(model_.IdleProbe());
  StartSessionWatch();
  StartBusLossWatch();
  StartBusyWatch();
  StartTray();
  return Ok{};
}

void Daemon::Shutdown() {
  if (stopped_) return;
  stopped_ = true;
  if (context_) Feed(in::Shutdown{});
  timer_.Cancel();
  grace_timer_.Cancel();
  if (notifier_) notifier_->Close();
  server_.reset();
  tray_.reset();
  session_.reset();
  bus_loss_.reset();
  idle_.Stop();
  notifier_.reset();
  history_.Close();
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
    if (unsit::Status armed = grace_.Pressed(now.boot); !armed.ok()) {
      spdlog::warn("timer: {}; watching for input without the grace", armed.error().message);
    }
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
    timer_.Cancel();
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
  history_.Record(now, decision);
  if (server_) {
    for (const protocol::Event& event : EventsFor(decision, now.wall)) server_->Broadcast(event);
  }
  std::visit(Overloaded{
                 [&](const out::ShowReminder& show) {
                   ShowReminder(show.sitting, show.shown, show.after_hold);
                 },
                 [&](const out::CloseReminder& close) {
                   spdlog::info("reminder closed: {}", ToString(close.outcome));
                   current_stretch_.reset();
                   last_view_.reset();
                   if (notifier_) notifier_->Close();
                 },
                 [&](const out::ShowDeskPrompt& show) { ShowDeskPrompt(show); },
                 [&](const out::CloseDeskPrompt& close) {
                   spdlog::info("desk prompt closed ({})", ToString(close.prompt));
                   desk_prompt_.reset();
                   last_view_.reset();
                   if (notifier_) notifier_->Close();
                 },
                 [&](const out::BreakStarted& started) {
                   spdlog::info("break began ({}), {} ago", ToString(started.cause),
                                FormatHuman(now.boot - started.at));
                   grace_.BreakStarted(started.cause);
                 },
                 [&](const out::BreakEnded& ended) {
                   spdlog::info("break ended after {}", FormatHuman(ended.end - ended.start));
                 },
                 [&](const out::BoutClosed& closed) {
                   spdlog::info("sitting bout closed after {} ({})", FormatHuman(closed.length()),
                                ToString(closed.why));
                 },
                 [&](const out::WatchBusy& watch) { WatchBusy(watch.on); },
                 [&](const auto&) {},
             },
             decision);
}

void Daemon::ShowReminder(Duration sitting, int shown, HoldReasons after_hold) {
  if (shown == 1 || !current_stretch_) current_stretch_ = TakeStretch();
  if (!notifier_) return;
  NotifierInfo info = notifier_->Info();
  last_view_ = ComposeReminder(sitting, *current_stretch_, config_.snooze, after_hold);
  notifier_->Show(*last_view_);
  // While no notification server answers, the log is where the reminder shows
  // (a server lost since the last Show is reported by the status callback).
  if (!notifier_->OnScreen()) return;  // it wrote the reminder to the log itself
  if (!info.problem.empty()) {
    spdlog::warn("reminder: {} — {}", last_view_->summary, BodyFor(*last_view_, false));
  } else {
    spdlog::info("reminder shown ({}): {} — {}", shown, last_view_->summary,
                 BodyFor(*last_view_, info.actions, ActionMenuCommand(info)));
  }
}

// The prompt goes the reminder's way (replacing nothing: the model never has
// both on screen), and is logged as one.
void Daemon::ShowDeskPrompt(const out::ShowDeskPrompt& show) {
  desk_prompt_ = show.prompt;
  if (!notifier_) return;
  last_view_ = ComposeDeskPrompt(show.prompt, show.part, config_.standing_desk, config_.snooze);
  notifier_->Show(*last_view_);
  if (!notifier_->OnScreen()) return;  // it wrote the prompt to the log itself
  NotifierInfo info = notifier_->Info();
  spdlog::info("desk prompt shown ({}): {} — {}", ToString(show.prompt), last_view_->summary,
               BodyFor(*last_view_, info.problem.empty() && info.actions, ActionMenuCommand(info)));
}

Stretch Daemon::TakeStretch() {
  Stretch stretch = rotation_.Next();
  stretch.picture = FindStretchPicture(stretch.id);
  history_.SaveRotation(rotation_.State());
  return stretch;
}

void Daemon::RebuildStretches() {
  auto builtin = BuiltinStretches();
  if (!builtin.ok()) spdlog::error("stretch catalogue: {}", builtin.error().message);
  rotation_.Reconfigure(
      EligibleStretches(builtin.ok() ? builtin.value() : std::vector<Stretch>{}, config_));
}

}  // namespace unsit
