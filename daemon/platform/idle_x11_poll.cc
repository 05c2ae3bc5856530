// X11 idle through MIT-SCREEN-SAVER, polled (see idle_x11.h for the contract and
// the wakeup cost). One timer (loop/boot_timer.h); its next expiry is the earliest moment the
// answer could change what we report:
//   active: when idle could first reach the threshold (threshold - idle), since
//           idle cannot grow faster than the clock;
//   idle, or watching for input: input ends idle at an unknown moment, so poll
//           with a backoff of idle/10 between 1 s and 10 s. A late kActive only
//           delays the start of the next bout by that much.
// The connection's socket is watched too, so the server dying is noticed at once.

#include <algorithm>
#include <boost/asio/post.hpp>

#include "clock/clock.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "loop/boot_timer.h"
#include "platform/idle_x11.h"
#include "platform/x11_connection.h"

// Xlib last: it defines macros (Status, Bool, None...) that clash with our names.
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#undef Status

namespace unsit {
namespace {

constexpr Duration kMinPoll{1000};
constexpr Duration kMaxPoll{10000};
constexpr Duration kMinDelay{10};
// How far the last-input moment may move between readings without an input
// (request latency, clock granularity).
constexpr Duration kJitter{100};

class X11PollIdleSource final : public IdleSource {
 public:
  X11PollIdleSource(boost::asio::io_context& io, std::unique_ptr<X11Connection> x)
      : io_(io), x_(std::move(x)), timer_(io.get_executor()), info_(XScreenSaverAllocInfo()) {}

  ~X11PollIdleSource() override {
    *alive_ = false;
    timer_.Cancel();
    if (info_ != nullptr) XFree(info_);
  }

  std::string_view Name() const override { return "x11-poll"; }

  Status Start(Duration threshold, Callback callback) override {
    if (Status valid = CheckIdleThreshold(threshold); !valid) return valid;
    if (x_->lost()) return Error{errc::kUnavailable, x_->LostReason()};
    threshold_ = threshold;
    callback_ = std::move(callback);
    started_ = true;
    x_->Watch([this] { DrainForLoss(); });
    PostPoll();
    return Ok{};
  }

  void WatchNextInput() override {
    if (watch_input_ || idle_reported_) return;  // idempotent until it fires
    watch_input_ = true;
    if (auto idle = QueryIdle()) last_input_ = ReadBootClock() - *idle;
    if (started_) PostPoll();
  }

  std::optional<Duration> IdleTime() override { return QueryIdle(); }

 private:
  std::optional<Duration> QueryIdle() {
    Display* display = x_->display();
    if (display == nullptr || info_ == nullptr ||
        !XScreenSaverQueryInfo(display, DefaultRootWindow(display), info_) || x_->lost()) {
      PostLost();
      return std::nullopt;
    }
    return Duration(info_->idle);
  }

  void PostPoll() {
    boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
      if (auto token = alive.lock(); token && *token) Poll();
    });
  }

  void Poll() {
    auto idle = QueryIdle();
    if (!idle) return;
    BootTime now = ReadBootClock();
    BootTime last_input = now - *idle;
    bool input = last_input_ && last_input > *last_input_ + kJitter;
    last_input_ = last_input;
    std::shared_ptr<bool> alive = alive_;  // false once a callback destroyed us
    if (input && (idle_reported_ || watch_input_)) {
      idle_reported_ = false;
      watch_input_ = false;
      Report({IdleReport::Kind::kActive, {}, {}});
      if (!*alive) return;
    }
    if (!idle_reported_ && *idle >= threshold_) {
      idle_reported_ = true;
      Report({IdleReport::Kind::kIdle, last_input, {}});
      if (!*alive) return;
    }
    Schedule(*idle);
  }

  void Schedule(Duration idle) {
    Duration delay = kMaxPoll;
    if (idle_reported_ || watch_input_) delay = std::clamp(idle / 10, kMinPoll, kMaxPoll);
    if (!idle_reported_) delay = std::min(delay, threshold_ - idle);
    // The timer never runs its callback once it is gone, and it goes with us.
    Status armed = timer_.ArmAfter(std::max(delay, kMinDelay), [this] { Poll(); });
    // Without its timer the poller cannot see anything change: it is lost.
    if (!armed.ok()) PostLost(armed.error().message);
  }

  // Nothing is selected on this connection; readable means an error or EOF.
  void DrainForLoss() {
    Display* display = x_->display();
    while (display != nullptr && XPending(display) > 0) {
      XEvent event;
      XNextEvent(display, &event);
      display = x_->display();
    }
    if (x_->lost()) PostLost();
  }

  void Report(const IdleReport& report) {
    if (callback_) callback_(report);
  }

  // Reports kLost once: the connection's reason, or `reason` when it is not lost.
  void PostLost(std::string reason = {}) {
    if (lost_posted_ || (!x_->lost() && reason.empty())) return;
    lost_posted_ = true;
    timer_.Cancel();
    boost::asio::post(io_, [this, reason, alive = std::weak_ptr<bool>(alive_)] {
      auto token = alive.lock();
      if (!token || !*token) return;
      Report({IdleReport::Kind::kLost, {}, x_->lost() ? x_->LostReason() : reason});
    });
  }

  boost::asio::io_context& io_;
  std::unique_ptr<X11Connection> x_;
  BootTimer timer_;
  XScreenSaverInfo* info_;
  Duration threshold_{0};
  Callback callback_;
  bool started_ = false;
  bool idle_reported_ = false;
  bool watch_input_ = false;
  bool lost_posted_ = false;
  std::optional<BootTime> last_input_;  // as of the last reading
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeX11PollIdleSource(const PlatformContext& context) {
  auto x = X11Connection::Open(context.io);
  if (!x.ok()) return x.error();
  int event_base = 0;
  int error_base = 0;
  if (!XScreenSaverQueryExtension((*x)->display(), &event_base, &error_base)) {
    // TRANSLATORS: %s is an X display name (:0).
    return ErrorWithText(errc::kUnavailable,
                         TrNoop("the X server on %s has no MIT-SCREEN-SAVER extension"),
                         (*x)->name().c_str());
  }
  return std::unique_ptr<IdleSource>(new X11PollIdleSource(context.io, std::move(x.value())));
}

}  // namespace unsit
