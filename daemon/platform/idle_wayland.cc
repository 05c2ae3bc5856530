// The Wayland idle source shared by the ext-idle-notify-v1 and org_kde_kwin_idle
// adapters: connection, registry, seat, and the display fd in the Asio loop.
#include "platform/idle_wayland.h"

#include <wayland-client.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "clock/clock.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::wayland {

uint32_t TimeoutMs(Duration timeout) {
  constexpr auto kMax = static_cast<Duration::rep>(std::numeric_limits<uint32_t>::max());
  return static_cast<uint32_t>(std::clamp<Duration::rep>(timeout.count(), 1, kMax));
}

namespace {

// How long without input the "next input" probe waits before it can see input:
// shorter than the gap between two key presses or pointer motion events, so that
// even unbroken input is seen at once. See WatchNextInput.
constexpr Duration kProbeTimeout = std::chrono::milliseconds(5);

// Forwards one notification's events to the Core with a tag saying which one.
class Tagged : public IdleListener {
 public:
  Tagged(std::function<void()> idled, std::function<void()> resumed)
      : idled_(std::move(idled)), resumed_(std::move(resumed)) {}
  void Idled() override { idled_(); }
  void Resumed() override { resumed_(); }

 private:
  std::function<void()> idled_, resumed_;
};

// Everything tied to the connection. Shared so that queued Asio handlers can hold
// a weak reference and do nothing once the source is gone. io_context thread only.
class Core : public std::enable_shared_from_this<Core> {
 public:
  Core(boost::asio::io_context& io, std::unique_ptr<IdleProtocol> protocol)
      : io_(io), descriptor_(io), protocol_(std::move(protocol)) {}
  ~Core() { Close(); }

  Status Connect();
  void Start(Duration threshold, IdleSource::Callback callback);
  void WatchNextInput();
  std::optional<Duration> IdleTime() const;
  std::string_view Name() const { return protocol_->Name(); }
  std::string Protocol() const {
    return std::string(protocol_->GlobalName()) + " version " +
           std::to_string(protocol_->bound_version());
  }

 private:
  static void OnGlobal(void* data, wl_registry* registry, uint32_t name, const char* interface,
                       uint32_t version);
  static void OnGlobalRemove(void*, wl_registry*, uint32_t) {}
  static constexpr wl_registry_listener kRegistryListener = {&OnGlobal, &OnGlobalRemove};

  void Arm();
  void OnReadable(const boost::system::error_code& error);
  void Flush();
  void Lose(std::string reason);
  void Report(IdleReport report);
  void Close();

  void MainIdled();
  void MainResumed();
  void ProbeResumed();

  boost::asio::io_context& io_;
  boost::asio::posix::stream_descriptor descriptor_;  // does not own the fd: released on close
  std::unique_ptr<IdleProtocol> protocol_;
  wl_display* display_ = nullptr;
  wl_registry* registry_ = nullptr;
  wl_seat* seat_ = nullptr;

  IdleSource::Callback callback_;
  Duration threshold_{};
  Tagged main_listener_{[this] { MainIdled(); }, [this] { MainResumed(); }};
  Tagged probe_listener_{[] {}, [this] { ProbeResumed(); }};
  std::unique_ptr<IdleNotification> main_;
  std::unique_ptr<IdleNotification> probe_;
  std::optional<BootTime> idle_since_;  // set while the last report was kIdle
  bool reading_ = false;                // between prepare_read and read/cancel
  bool lost_ = false;
};

void Core::OnGlobal(void* data, wl_registry* registry, uint32_t name, const char* interface,
                    uint32_t version) {
  auto* self = static_cast<Core*>(data);
  if (std::strcmp(interface, wl_seat_interface.name) == 0 && self->seat_ == nullptr) {
    self->seat_ = static_cast<wl_seat*>(wl_registry_bind(registry, name, &wl_seat_interface, 1));
    return;
  }
  self->protocol_->OnGlobal(registry, name, interface, version);
}

Status Core::Connect() {
  const char* name = std::getenv("WAYLAND_DISPLAY");
  if (name == nullptr || *name == '\0') {
    return Error{errc::kUnavailable, TrNoop("WAYLAND_DISPLAY is not set.")};
  }
  display_ = wl_display_connect(nullptr);
  if (display_ == nullptr) {
    // TRANSLATORS: the first %s is a Wayland display name (wayland-0), the second why.
    return ErrorWithText(errc::kUnavailable,
                         TrNoop("cannot connect to the Wayland compositor at %s: %s."), name,
                         std::strerror(errno));
  }
  registry_ = wl_display_get_registry(display_);
  wl_registry_add_listener(registry_, &kRegistryListener, this);
  if (wl_display_roundtrip(display_) < 0) {
    return Error{errc::kUnavailable,
                 TrNoop("the Wayland compositor closed the connection at start-up.")};
  }
  if (seat_ == nullptr) {
    return Error{errc::kUnavailable, TrNoop("the Wayland compositor offers no seat.")};
  }
  if (!protocol_->bound()) {
    // TRANSLATORS: %s names a Wayland protocol (ext_idle_notifier_v1).
    return ErrorWithText(errc::kUnavailable, TrNoop("the Wayland compositor does not offer %s."),
                         std::string(protocol_->GlobalName()).c_str());
  }
  return Ok{};
}

void Core::Start(Duration threshold, IdleSource::Callback callback) {
  threshold_ = threshold;
  callback_ = std::move(callback);
  main_ = protocol_->Watch(seat_, threshold_, &main_listener_);
  descriptor_.assign(wl_display_get_fd(display_));
  Arm();
}

// The libwayland read protocol: prepare_read (dispatching whatever is queued until
// it succeeds), flush, wait for the fd, then read_events + dispatch_pending, or
// cancel_read when the wait is aborted.
void Core::Arm() {
  if (lost_) return;
  while (wl_display_prepare_read(display_) != 0) {
    if (wl_display_dispatch_pending(display_) < 0) {
      return Lose(std::string("Wayland dispatch failed: ") + std::strerror(errno));
    }
  }
  reading_ = true;
  if (wl_display_flush(display_) < 0 && errno != EAGAIN) {
    return Lose(std::string("the Wayland compositor went away: ") + std::strerror(errno));
  }
  std::weak_ptr<Core> weak = weak_from_this();
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [weak](const boost::system::error_code& error) {
                           if (auto self = weak.lock()) self->OnReadable(error);
                         });
}

void Core::OnReadable(const boost::system::error_code& error) {
  if (lost_ || !reading_) return;  // closed or lost meanwhile: cancel_read already done
  reading_ = false;
  if (error) {
    wl_display_cancel_read(display_);
    if (error != boost::asio::error::operation_aborted)
      Lose("Wayland fd error: " + error.message());
    return;
  }
  // EOF (compositor exited) comes back as -1 with errno EPIPE.
  if (wl_display_read_events(display_) < 0 || wl_display_dispatch_pending(display_) < 0) {
    return Lose(std::string("the Wayland compositor went away: ") + std::strerror(errno));
  }
  Arm();
}

// Sends requests made outside the read cycle (new notifications) right away.
void Core::Flush() {
  if (lost_ || display_ == nullptr) return;
  if (wl_display_flush(display_) < 0 && errno != EAGAIN) {
    Lose(std::string("the Wayland compositor went away: ") + std::strerror(errno));
  }
}

// Reports kLost once and stops watching the fd, so a dead socket cannot spin.
void Core::Lose(std::string reason) {
  if (lost_) return;
  lost_ = true;
  if (reading_) {
    wl_display_cancel_read(display_);
    reading_ = false;
  }
  if (descriptor_.is_open()) descriptor_.release();
  idle_since_.reset();
  Report({IdleReport::Kind::kLost, {}, std::move(reason)});
}

// Reports go through the loop: the callback may destroy the source, which must not
// happen inside wl_display dispatch.
void Core::Report(IdleReport report) {
  std::weak_ptr<Core> weak = weak_from_this();
  boost::asio::post(io_, [weak, report = std::move(report)] {
    if (auto self = weak.lock(); self && self->callback_) self->callback_(report);
  });
}

void Core::Close() {
  if (reading_) wl_display_cancel_read(display_);
  reading_ = false;
  lost_ = true;
  if (descriptor_.is_open()) descriptor_.release();  // the fd belongs to wl_display
  probe_.reset();
  main_.reset();
  protocol_.reset();
  if (seat_ != nullptr) wl_seat_destroy(seat_);
  if (registry_ != nullptr) wl_registry_destroy(registry_);
  if (display_ != nullptr) wl_display_disconnect(display_);
  seat_ = nullptr;
  registry_ = nullptr;
  display_ = nullptr;
}

void Core::MainIdled() {
  // The compositor says "no input for threshold": the last input was that long ago.
  idle_since_ = ReadBootClock() - threshold_;
  Report({IdleReport::Kind::kIdle, *idle_since_, {}});
}

void Core::MainResumed() {
  probe_.reset();
  idle_since_.reset();
  Report({IdleReport::Kind::kActive, {}, {}});
}

void Core::ProbeResumed() {
  probe_.reset();           // safe: libwayland has finished reading this event's arguments
  if (idle_since_) return;  // the main notification reports this input itself
  Report({IdleReport::Kind::kActive, {}, {}});
}

// Both protocols only send "resumed" after "idled", so there is no way to ask for
// "the next input" directly. Approximation: a second, one-shot notification with
// a tiny timeout (kProbeTimeout). It idles a few ms after the last input (or at
// once), and its "resumed" then marks the next input. Input that never pauses for
// kProbeTimeout would be seen only at its first such pause, so kActive can be late
// by that, never early; the probe is destroyed at its first "resumed", so it costs
// two events in all.
void Core::WatchNextInput() {
  if (lost_ || probe_ || idle_since_) return;  // pending already, or main will report
  probe_ = protocol_->Watch(seat_, kProbeTimeout, &probe_listener_);
  Flush();
}

std::optional<Duration> Core::IdleTime() const {
  // The protocols report edges only; the idle time is known while idle.
  if (!idle_since_) return std::nullopt;
  return ReadBootClock() - *idle_since_;
}

class WaylandIdleSource : public IdleSource {
 public:
  explicit WaylandIdleSource(std::shared_ptr<Core> core) : core_(std::move(core)) {}
  std::string_view Name() const override { return core_->Name(); }
  std::string Protocol() const override { return core_->Protocol(); }
  Status Start(Duration threshold, Callback callback) override {
    if (Status valid = CheckIdleThreshold(threshold); !valid) return valid;
    core_->Start(threshold, std::move(callback));
    return Ok{};
  }
  void WatchNextInput() override { core_->WatchNextInput(); }
  std::optional<Duration> IdleTime() override { return core_->IdleTime(); }

 private:
  std::shared_ptr<Core> core_;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeSource(const PlatformContext& context,
                                               std::unique_ptr<IdleProtocol> protocol) {
  auto core = std::make_shared<Core>(context.io, std::move(protocol));
  if (Status status = core->Connect(); !status) return status.error();
  return std::unique_ptr<IdleSource>(std::make_unique<WaylandIdleSource>(std::move(core)));
}

}  // namespace unsit::wayland
