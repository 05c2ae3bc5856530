// ext-idle-notify-v1: the standard Wayland idle protocol (wlroots 0.17+, KWin 6,
// Mutter 46+). A thin adapter over the shared Wayland source.
//
// Version 2 adds get_input_idle_notification, which ignores idle inhibitors (a
// playing video); it is used when the config says `idle.inhibitors: ignore`, the
// compositor offers v2 and the protocol XML this was built with has it
// (wayland-protocols >= 1.36). Otherwise get_idle_notification, which respects them.
#include <wayland-client.h>

#include <algorithm>

#include "ext-idle-notify-v1-client-protocol.h"
#include "platform/idle_wayland.h"

namespace unsit {
namespace {

#ifdef UNSIT_EXT_IDLE_NOTIFY_V2
constexpr uint32_t kBuiltVersion = 2;
#else
constexpr uint32_t kBuiltVersion = 1;
#endif

class ExtNotification : public wayland::IdleNotification {
 public:
  ExtNotification(ext_idle_notification_v1* notification, wayland::IdleListener* listener)
      : notification_(notification), listener_(listener) {
    ext_idle_notification_v1_add_listener(notification_, &kListener, this);
  }
  ~ExtNotification() override { ext_idle_notification_v1_destroy(notification_); }

 private:
  static void OnIdled(void* data, ext_idle_notification_v1*) {
    static_cast<ExtNotification*>(data)->listener_->Idled();
  }
  static void OnResumed(void* data, ext_idle_notification_v1*) {
    static_cast<ExtNotification*>(data)->listener_->Resumed();
  }
  static constexpr ext_idle_notification_v1_listener kListener = {&OnIdled, &OnResumed};

  ext_idle_notification_v1* notification_;
  wayland::IdleListener* listener_;
};

class ExtIdleProtocol : public wayland::IdleProtocol {
 public:
  explicit ExtIdleProtocol(bool input_only) : input_only_(input_only) {}
  ~ExtIdleProtocol() override {
    if (notifier_ != nullptr) ext_idle_notifier_v1_destroy(notifier_);
  }
  std::string_view Name() const override { return "ext-idle-notify"; }
  std::string_view GlobalName() const override { return ext_idle_notifier_v1_interface.name; }
  void OnGlobal(wl_registry* registry, uint32_t name, std::string_view interface,
                uint32_t version) override {
    if (notifier_ != nullptr || interface != ext_idle_notifier_v1_interface.name) return;
    version_ = std::min(version, kBuiltVersion);
    notifier_ = static_cast<ext_idle_notifier_v1*>(
        wl_registry_bind(registry, name, &ext_idle_notifier_v1_interface, version_));
  }
  bool bound() const override { return notifier_ != nullptr; }
  uint32_t bound_version() const override { return version_; }
  std::unique_ptr<wayland::IdleNotification> Watch(wl_seat* seat, Duration timeout,
                                                   wayland::IdleListener* listener) override {
    const uint32_t ms = wayland::TimeoutMs(timeout);
#ifdef UNSIT_EXT_IDLE_NOTIFY_V2
    if (input_only_ && version_ >= 2) {
      return std::make_unique<ExtNotification>(
          ext_idle_notifier_v1_get_input_idle_notification(notifier_, ms, seat), listener);
    }
#endif
    return std::make_unique<ExtNotification>(
        ext_idle_notifier_v1_get_idle_notification(notifier_, ms, seat), listener);
  }

 private:
  [[maybe_unused]] bool input_only_;  // used only with the v2 protocol code
  uint32_t version_ = 0;
  ext_idle_notifier_v1* notifier_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeExtIdleNotifySource(const PlatformContext& context) {
  const bool input_only = !context.config.idle.respect_inhibitors;
  return wayland::MakeSource(context, std::make_unique<ExtIdleProtocol>(input_only));
}

}  // namespace unsit
