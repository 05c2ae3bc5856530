// org_kde_kwin_idle: the idle protocol of KWin 5 and of sway up to 1.8 (Debian 12's
// sway 1.7 offers only this one). A thin adapter over the shared Wayland source.
#include <wayland-client.h>

#include <algorithm>

#include "kde-idle-client-protocol.h"
#include "platform/idle_wayland.h"

namespace unsit {
namespace {

class KdeNotification : public wayland::IdleNotification {
 public:
  KdeNotification(org_kde_kwin_idle_timeout* timeout, wayland::IdleListener* listener)
      : timeout_(timeout), listener_(listener) {
    org_kde_kwin_idle_timeout_add_listener(timeout_, &kListener, this);
  }
  ~KdeNotification() override { org_kde_kwin_idle_timeout_release(timeout_); }

 private:
  static void OnIdle(void* data, org_kde_kwin_idle_timeout*) {
    static_cast<KdeNotification*>(data)->listener_->Idled();
  }
  static void OnResumed(void* data, org_kde_kwin_idle_timeout*) {
    static_cast<KdeNotification*>(data)->listener_->Resumed();
  }
  static constexpr org_kde_kwin_idle_timeout_listener kListener = {&OnIdle, &OnResumed};

  org_kde_kwin_idle_timeout* timeout_;
  wayland::IdleListener* listener_;
};

class KdeIdleProtocol : public wayland::IdleProtocol {
 public:
  ~KdeIdleProtocol() override {
    if (idle_ != nullptr) org_kde_kwin_idle_destroy(idle_);
  }
  std::string_view Name() const override { return "kde-idle"; }
  std::string_view GlobalName() const override { return org_kde_kwin_idle_interface.name; }
  void OnGlobal(wl_registry* registry, uint32_t name, std::string_view interface,
                uint32_t version) override {
    if (idle_ != nullptr || interface != org_kde_kwin_idle_interface.name) return;
    (void)version;  // version 1 is the only one
    idle_ = static_cast<org_kde_kwin_idle*>(
        wl_registry_bind(registry, name, &org_kde_kwin_idle_interface, 1));
  }
  bool bound() const override { return idle_ != nullptr; }
  uint32_t bound_version() const override { return bound() ? 1 : 0; }
  std::unique_ptr<wayland::IdleNotification> Watch(wl_seat* seat, Duration timeout,
                                                   wayland::IdleListener* listener) override {
    auto* object = org_kde_kwin_idle_get_idle_timeout(idle_, seat, wayland::TimeoutMs(timeout));
    return std::make_unique<KdeNotification>(object, listener);
  }

 private:
  org_kde_kwin_idle* idle_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeKdeIdleSource(const PlatformContext& context) {
  return wayland::MakeSource(context, std::make_unique<KdeIdleProtocol>());
}

}  // namespace unsit
