#pragma once

// The frame shared by the busy sources that live on the GLib thread: the io
// side that holds the callback, posting reports to it, and the BusySource that
// owns a `Watch` on the GLib thread.
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <memory>
#include <string_view>

#include "core/result.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"
#include "platform/gdbus_util.h"
#include "platform/glib_thread.h"

namespace unsit::busy {

// What the io_context thread keeps of a source: the callback to report to.
struct IoSide {
  BusySource::Callback callback;
};

// From the GLib thread: reports `reasons` on the io thread, unless the source is gone.
inline void Post(boost::asio::io_context& io, const std::weak_ptr<IoSide>& side,
                 HoldReasons reasons) {
  boost::asio::post(io, [side, reasons] {
    if (auto locked = side.lock(); locked && locked->callback) locked->callback(reasons);
  });
}

// The part every `Watch` shares (CRTP: Derived is the Watch): where it
// reports, and the weak references to itself that GLib callbacks carry as
// their user data, so a callback after Stop finds nothing. GLib thread only.
template <typename Derived>
class WatchBase : public std::enable_shared_from_this<Derived> {
 public:
  WatchBase(boost::asio::io_context& io, std::weak_ptr<IoSide> io_side)
      : io_(io), io_side_(std::move(io_side)) {}

 protected:
  // A weak reference to this on the heap, for a callback's user data.
  std::weak_ptr<Derived>* NewWeak() { return new std::weak_ptr<Derived>(this->weak_from_this()); }
  // Frees what NewWeak made (a GDestroyNotify).
  static void FreeWeak(gpointer data) { delete static_cast<std::weak_ptr<Derived>*>(data); }
  // The Watch behind a callback's user data; null once it is gone.
  static std::shared_ptr<Derived> Lock(gpointer data) {
    return static_cast<std::weak_ptr<Derived>*>(data)->lock();
  }
  // Reports `reasons` on the io thread.
  void Send(HoldReasons reasons) { Post(io_, io_side_, reasons); }

 private:
  boost::asio::io_context& io_;
  std::weak_ptr<IoSide> io_side_;
};

// A Watch with a private connection to the session bus of its own, made by
// Probe and closed by CloseBus (in Stop); its signals and name watches die
// with it.
template <typename Derived>
class SessionBusWatch : public WatchBase<Derived> {
 public:
  using WatchBase<Derived>::WatchBase;
  ~SessionBusWatch() {
    if (bus_ != nullptr) g_object_unref(bus_);
  }

  Status Probe() {
    Result<GDBusConnection*> bus = gdbus::Connect(G_BUS_TYPE_SESSION);
    if (!bus) return bus.error();
    bus_ = *bus;
    return Ok{};
  }

 protected:
  void CloseBus() {
    if (bus_ != nullptr) g_dbus_connection_close(bus_, nullptr, nullptr, nullptr);
  }

  GDBusConnection* bus_ = nullptr;
};

// `Watch` lives on the GLib thread: Watch(io, weak_ptr<IoSide>), Status Probe()
// (run once while making, on the GLib thread), void Start(), void Stop().
template <typename Watch>
class GlibSource : public BusySource {
 public:
  GlibSource(GlibThread& glib, std::shared_ptr<IoSide> io_side, std::shared_ptr<Watch> watch,
             std::string_view name, std::string_view watches)
      : glib_(glib),
        io_side_(std::move(io_side)),
        watch_(std::move(watch)),
        name_(name),
        watches_(watches) {}
  ~GlibSource() override {
    glib_.Post([watch = std::move(watch_)] { watch->Stop(); });
  }
  std::string_view Name() const override { return name_; }
  std::string_view Watches() const override { return watches_; }
  void Start(Callback callback) override {
    io_side_->callback = std::move(callback);
    glib_.Post([watch = watch_] { watch->Start(); });
  }

 private:
  GlibThread& glib_;
  std::shared_ptr<IoSide> io_side_;
  std::shared_ptr<Watch> watch_;
  std::string_view name_;
  std::string_view watches_;
};

// Makes the source after its Probe succeeded; the Probe's error otherwise.
// `name` and `watches` must outlive the source (string literals).
template <typename Watch>
Result<std::unique_ptr<BusySource>> MakeGlibSource(const PlatformContext& context,
                                                   std::string_view name,
                                                   std::string_view watches) {
  if (context.glib == nullptr || !context.glib->running()) {
    return Error{errc::kUnavailable, "the GLib thread is not running"};
  }
  auto io_side = std::make_shared<IoSide>();
  auto watch = std::make_shared<Watch>(context.io, io_side);
  std::optional<Status> probed = gdbus::RunOnGlib<Status>(
      *context.glib, [watch] { return watch->Probe(); }, std::chrono::milliseconds(3000));
  if (!probed) return Error{errc::kUnavailable, "the GLib thread did not answer in time"};
  if (!*probed) return probed->error();
  return std::unique_ptr<BusySource>(std::make_unique<GlibSource<Watch>>(
      *context.glib, std::move(io_side), std::move(watch), name, watches));
}

}  // namespace unsit::busy
