#include "platform/busy_watch.h"

#include <string>

#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/busy_camera.h"
#include "platform/busy_sway_fullscreen.h"

namespace unsit {

#if UNSIT_HAVE_GIO
Result<std::unique_ptr<BusySource>> MakeNotificationsBusySource(const PlatformContext& context);
Result<std::unique_ptr<BusySource>> MakeGsettingsBusySource(const PlatformContext& context);
Result<std::unique_ptr<BusySource>> MakeXfconfBusySource(const PlatformContext& context);
#endif
#if UNSIT_HAVE_PIPEWIRE
Result<std::unique_ptr<BusySource>> MakePipewireBusySource(const PlatformContext& context);
#endif
#if UNSIT_HAVE_X11
Result<std::unique_ptr<BusySource>> MakeX11FullscreenBusySource(const PlatformContext& context);
#endif

namespace {
// Cameras are the video4linux nodes in /dev.
Result<std::unique_ptr<BusySource>> MakeDevCameraBusySource(const PlatformContext& context) {
  return MakeCameraBusySource(context.io, "/dev");
}
}  // namespace

std::vector<BusyBackend> BusyBackends() {
  std::vector<BusyBackend> backends;
#if UNSIT_HAVE_GIO
  backends.push_back({"notifications", {HoldReason::kDnd}, &MakeNotificationsBusySource});
  backends.push_back({"gsettings", {HoldReason::kDnd}, &MakeGsettingsBusySource});
  backends.push_back({"xfconf", {HoldReason::kDnd}, &MakeXfconfBusySource});
#endif
#if UNSIT_HAVE_PIPEWIRE
  backends.push_back(
      {"pipewire", {HoldReason::kCall, HoldReason::kScreencast}, &MakePipewireBusySource});
#endif
  backends.push_back({"camera", {HoldReason::kCall}, &MakeDevCameraBusySource});
#if UNSIT_HAVE_X11
  backends.push_back({"x11-fullscreen", {HoldReason::kFullscreen}, &MakeX11FullscreenBusySource});
#endif
  backends.push_back({"sway-fullscreen", {HoldReason::kFullscreen}, &MakeSwayFullscreenBusySource});
  return backends;
}

BusyWatch BusyWatch::Make(const PlatformContext& context, HoldReasons wanted) {
  BusyWatch watch;
  for (const BusyBackend& backend : BusyBackends()) {
    Candidate candidate{backend.name, false, {}};
    if ((backend.reasons & wanted).empty()) {
      const std::string reasons = JoinHoldReasons(backend.reasons);
      candidate.reason = "not started: hold.for lists none of " + reasons;
      // TRANSLATORS: %s lists hold.for's words (call, screencast, ...), kept in English.
      candidate.reason_text =
          FormatText(Tr("not started: hold.for lists none of %s"), reasons.c_str());
    } else if (auto made = backend.make(context); !made) {
      candidate.reason = made.error().message;
      candidate.reason_text = made.error().text;
    } else {
      candidate.chosen = true;
      const std::string watches((*made)->Watches());
      candidate.reason = "watching " + watches;
      // TRANSLATORS: %s is what a busy source watches, itself translated.
      candidate.reason_text = FormatText(Tr("watching %s"), Tr(watches.c_str()));
      if ((*made)->OnDemand()) {
        candidate.reason += "; connected only while a reminder is due";
        candidate.reason_text += "; ";
        candidate.reason_text += Tr("connected only while a reminder is due");
      }
      watch.running_.push_back(
          std::make_unique<Running>(Running{std::move(*made), backend.reasons, {}, false}));
    }
    watch.candidates_.push_back(std::move(candidate));
  }
  return watch;
}

void BusyWatch::Start(Callback callback) {
  callback_ = std::move(callback);
  for (std::size_t i = 0; i < running_.size(); ++i) {
    running_[i]->known = !running_[i]->source->OnDemand();
    running_[i]->source->Start([this, i](HoldReasons reasons) { Report(i, reasons); });
  }
  Join();
}

void BusyWatch::SetWatching(bool on) {
  if (on == watching_) return;
  watching_ = on;
  for (const auto& running : running_) {
    if (!running->source->OnDemand()) continue;
    running->known = false;
    running->reported = {};
    running->source->SetWatching(on);
  }
  Join();
}

void BusyWatch::Report(std::size_t index, HoldReasons reasons) {
  Running& running = *running_[index];
  if (running.source->OnDemand() && !watching_) return;  // queued before it stopped
  running.reported = reasons;
  running.known = true;
  Join();
}

void BusyWatch::Join() {
  HoldReasons joined;
  HoldReasons unknown;
  for (const auto& running : running_) {
    joined = joined | running->reported;
    if (!running->known) unknown = unknown | running->can_report;
  }
  if (joined == joined_ && unknown_ == unknown) return;
  joined_ = joined;
  unknown_ = unknown;
  if (callback_) callback_(joined_, unknown);
}

}  // namespace unsit
