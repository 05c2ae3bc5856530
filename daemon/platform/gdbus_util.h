#pragma once

// Small GDBus helpers shared by every GDBus backend (Mutter and logind idle,
// the session watch, the compositor version for doctor).
// Everything here except RunOnGlib runs on the GLib thread only.

#include <gio/gio.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "platform/glib_thread.h"

namespace unsit::gdbus {

// A private connection to the session or system bus (never GLib's shared
// singleton, whose exit-on-close would end the daemon when the bus goes away).
// The session bus is found by DBUS_SESSION_BUS_ADDRESS or $XDG_RUNTIME_DIR/bus and
// never autolaunched. The caller owns the returned reference (g_object_unref).
Result<GDBusConnection*> Connect(GBusType type);

// Calls a method synchronously with a timeout; the reply (owned) or an Error.
Result<GVariant*> Call(GDBusConnection* bus, const char* name, const char* path,
                       const char* interface, const char* method, GVariant* args,
                       const GVariantType* reply_type, std::chrono::milliseconds timeout);

// Reads one property synchronously; the unboxed value (owned) or an Error.
Result<GVariant*> GetProperty(GDBusConnection* bus, const char* name, const char* path,
                              const char* interface, const char* property);

// Takes ownership of a GError and turns it into an Error with `what` in front;
// its text has `what` through the catalogue (mark it with TrNoop) and GLib's
// message as GLib wrote it (already in the user's language where GLib is).
Error TakeError(GError* error, const std::string& what);

// Runs `fn` on the GLib thread and waits for its result, at most `timeout`.
// Called from the io_context thread at start-up only (makers, Start).
template <typename T>
std::optional<T> RunOnGlib(GlibThread& glib, std::function<T()> fn,
                           std::chrono::milliseconds timeout) {
  auto promise = std::make_shared<std::promise<T>>();
  std::future<T> future = promise->get_future();
  glib.Post([promise, fn = std::move(fn)] { promise->set_value(fn()); });
  if (future.wait_for(timeout) != std::future_status::ready) return std::nullopt;
  return future.get();
}

}  // namespace unsit::gdbus
