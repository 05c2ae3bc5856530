// X11 idle through XSync IDLETIME alarms (see idle_x11.h for the contract).
//
// Two alarms, each armed only while it is needed:
//   idle alarm   PositiveComparison IDLETIME >= threshold: fires once when the user
//                has been idle that long (at once if already so when armed).
//   input alarm  NegativeComparison IDLETIME <= (idle when armed - 1 ms): fires at
//                the next input, which resets the counter to about 0.
// Both have delta 0, so the server deactivates them after one notification; we
// destroy them as they fire and create them afresh when needed.

#include <algorithm>
#include <boost/asio/post.hpp>
#include <cstdint>
#include <cstring>

#include "clock/clock.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/idle_x11.h"
#include "platform/x11_connection.h"

// Xlib last: it defines macros (Status, Bool, None...) that clash with our names.
#include <X11/Xlib.h>
#include <X11/extensions/sync.h>
#undef Status

namespace unsit {
namespace {

XSyncValue ToSyncValue(Duration d) {
  auto ms = static_cast<std::int64_t>(d.count());
  XSyncValue value;
  XSyncIntsToValue(&value, static_cast<unsigned int>(ms & 0xffffffff), static_cast<int>(ms >> 32));
  return value;
}

Duration FromSyncValue(const XSyncValue& value) {
  auto hi = static_cast<std::int64_t>(XSyncValueHigh32(value));
  auto lo = static_cast<std::int64_t>(XSyncValueLow32(value));
  return Duration(hi * (std::int64_t{1} << 32) + lo);
}

class X11SyncIdleSource final : public IdleSource {
 public:
  X11SyncIdleSource(boost::asio::io_context& io, std::unique_ptr<X11Connection> x, int event_base,
                    XSyncCounter idletime)
      : io_(io), x_(std::move(x)), event_base_(event_base), idletime_(idletime) {}

  ~X11SyncIdleSource() override {
    *alive_ = false;
    DestroyAlarm(idle_alarm_);
    DestroyAlarm(input_alarm_);
    if (Display* display = x_->display()) XFlush(display);
  }

  std::string_view Name() const override { return "x11"; }
  std::string Protocol() const override { return "XSync IDLETIME counter"; }

  Status Start(Duration threshold, Callback callback) override {
    if (Status valid = CheckIdleThreshold(threshold); !valid) return valid;
    if (x_->lost()) return Error{errc::kUnavailable, x_->LostReason()};
    threshold_ = threshold;
    callback_ = std::move(callback);
    started_ = true;
    x_->Watch([this] { Drain(); });
    ArmIdleAlarm();
    if (watch_input_) ArmInputAlarm();
    Flush();
    return Ok{};
  }

  void WatchNextInput() override {
    if (input_alarm_ != None || x_->lost()) return;  // idempotent until it fires
    watch_input_ = true;
    if (!started_) return;  // armed by Start
    ArmInputAlarm();
    Flush();
  }

  std::optional<Duration> IdleTime() override {
    auto idle = QueryIdle();
    x_->PostDrain();  // the round trip may have queued alarm events
    return idle;
  }

 private:
  std::optional<Duration> QueryIdle() {
    Display* display = x_->display();
    XSyncValue value;
    if (display == nullptr || !XSyncQueryCounter(display, idletime_, &value) || x_->lost()) {
      PostLost();
      return std::nullopt;
    }
    return FromSyncValue(value);
  }

  XSyncAlarm CreateAlarm(XSyncTestType test, Duration value) {
    Display* display = x_->display();
    if (display == nullptr) return None;
    XSyncAlarmAttributes attributes;
    std::memset(&attributes, 0, sizeof attributes);
    attributes.trigger.counter = idletime_;
    attributes.trigger.value_type = XSyncAbsolute;
    attributes.trigger.wait_value = ToSyncValue(value);
    attributes.trigger.test_type = test;
    XSyncIntToValue(&attributes.delta, 0);
    attributes.events = True;
    unsigned long mask = XSyncCACounter | XSyncCAValueType | XSyncCAValue | XSyncCATestType |
                         XSyncCADelta | XSyncCAEvents;
    return XSyncCreateAlarm(display, mask, &attributes);
  }

  void DestroyAlarm(XSyncAlarm& alarm) {
    if (alarm != None && x_->display() != nullptr) XSyncDestroyAlarm(x_->display(), alarm);
    alarm = None;
  }

  void ArmIdleAlarm() {
    DestroyAlarm(idle_alarm_);
    idle_alarm_ = CreateAlarm(XSyncPositiveComparison, threshold_);
  }

  // Fires at the next input. The server compares against its last reading of the
  // counter, so we read it first: that both refreshes the server's value and
  // gives the level just below which only an input can bring the counter.
  void ArmInputAlarm() {
    if (input_alarm_ != None) return;
    auto idle = QueryIdle();
    if (!idle) return;
    input_alarm_ =
        CreateAlarm(XSyncNegativeComparison, std::max(Duration::zero(), *idle - Duration(1)));
  }

  void Flush() {
    if (Display* display = x_->display()) XFlush(display);
    x_->PostDrain();
  }

  // Handles every event Xlib has or can read now. Runs on the io_context thread.
  void Drain() {
    std::shared_ptr<bool> alive = alive_;  // false once a callback destroyed us
    Display* display = x_->display();
    while (display != nullptr && XPending(display) > 0) {
      XEvent event;
      XNextEvent(display, &event);
      if (event.type != event_base_ + XSyncAlarmNotify) continue;
      OnAlarm(reinterpret_cast<const XSyncAlarmNotifyEvent&>(event).alarm);
      if (!*alive) return;
      display = x_->display();
    }
    if (x_->lost()) PostLost();
  }

  void OnAlarm(XSyncAlarm alarm) {
    if (alarm == None) return;
    if (alarm == input_alarm_) return OnInput();
    if (alarm == idle_alarm_) return OnIdleReached();
    // A notification from an alarm already destroyed: ignore.
  }

  void OnIdleReached() {
    auto idle = QueryIdle();
    if (!idle) return;
    if (*idle < threshold_) {  // input between the alarm and now: wait again
      ArmIdleAlarm();
      return;
    }
    DestroyAlarm(idle_alarm_);
    idle_reported_ = true;
    ArmInputAlarm();
    Flush();
    Report({IdleReport::Kind::kIdle, ReadBootClock() - *idle, {}});
  }

  void OnInput() {
    DestroyAlarm(input_alarm_);
    bool was_watching = idle_reported_ || watch_input_;
    idle_reported_ = false;
    watch_input_ = false;
    if (idle_alarm_ == None) ArmIdleAlarm();
    Flush();
    if (was_watching) Report({IdleReport::Kind::kActive, {}, {}});
  }

  void Report(const IdleReport& report) {
    if (callback_) callback_(report);
  }

  // kLost once, from the loop (never from inside a call the shell made).
  void PostLost() {
    if (lost_posted_ || !x_->lost()) return;
    lost_posted_ = true;
    boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
      auto token = alive.lock();
      if (!token || !*token) return;
      Report({IdleReport::Kind::kLost, {}, x_->LostReason()});
    });
  }

  boost::asio::io_context& io_;
  std::unique_ptr<X11Connection> x_;
  int event_base_;
  XSyncCounter idletime_;
  Duration threshold_{0};
  Callback callback_;
  bool started_ = false;
  bool idle_reported_ = false;  // kIdle sent, kActive not yet
  bool watch_input_ = false;    // WatchNextInput pending
  bool lost_posted_ = false;
  XSyncAlarm idle_alarm_ = None;
  XSyncAlarm input_alarm_ = None;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// The IDLETIME system counter, if the server has one.
std::optional<XSyncCounter> FindIdleTimeCounter(Display* display) {
  int count = 0;
  XSyncSystemCounter* counters = XSyncListSystemCounters(display, &count);
  std::optional<XSyncCounter> found;
  for (int i = 0; i < count; ++i) {
    if (std::strcmp(counters[i].name, "IDLETIME") == 0) found = counters[i].counter;
  }
  if (counters != nullptr) XSyncFreeSystemCounterList(counters);
  return found;
}

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeX11SyncIdleSource(const PlatformContext& context) {
  auto x = X11Connection::Open(context.io);
  if (!x.ok()) return x.error();
  Display* display = (*x)->display();
  int event_base = 0;
  int error_base = 0;
  int major = 0;
  int minor = 0;
  if (!XSyncQueryExtension(display, &event_base, &error_base) ||
      !XSyncInitialize(display, &major, &minor)) {
    // TRANSLATORS: %s is an X display name (:0).
    return ErrorWithText(errc::kUnavailable, TrNoop("the X server on %s has no SYNC extension"),
                         (*x)->name().c_str());
  }
  auto idletime = FindIdleTimeCounter(display);
  if (!idletime) {
    // TRANSLATORS: %s is an X display name (:0).
    return ErrorWithText(errc::kUnavailable,
                         TrNoop("the X server on %s has no SYNC IDLETIME counter"),
                         (*x)->name().c_str());
  }
  return std::unique_ptr<IdleSource>(
      new X11SyncIdleSource(context.io, std::move(x.value()), event_base, *idletime));
}

Result<std::unique_ptr<IdleSource>> MakeX11IdleSource(const PlatformContext& context) {
  auto sync = MakeX11SyncIdleSource(context);
  if (sync.ok()) return std::move(sync.value());
  auto poll = MakeX11PollIdleSource(context);
  if (poll.ok()) return std::move(poll.value());
  if (sync.error().message == poll.error().message) return sync.error();
  Error both{errc::kUnavailable, sync.error().message + "; " + poll.error().message};
  both.text = ErrorText(sync.error()) + "; " + ErrorText(poll.error());
  return both;
}

}  // namespace unsit
