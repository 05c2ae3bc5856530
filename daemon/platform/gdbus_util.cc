#include "platform/gdbus_util.h"

#include <cstdlib>
#include <filesystem>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::gdbus {
namespace {

// The session bus address without autolaunch: the variable, else the per-user
// socket systemd and dbus-broker create.
std::optional<std::string> SessionAddress() {
  if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address) {
    return std::string(address);
  }
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime == nullptr || *runtime == '\0') return std::nullopt;
  std::error_code error;
  const auto socket = std::filesystem::path(runtime) / "bus";
  if (!std::filesystem::exists(socket, error)) return std::nullopt;
  return "unix:path=" + socket.string();
}

}  // namespace

Error TakeError(GError* error, const std::string& what) {
  const std::string why = error != nullptr ? error->message : "unknown error";
  if (error != nullptr) g_error_free(error);
  Error taken{errc::kDbus, what + ": " + why};
  // TRANSLATORS: what failed, then why (GLib's words).
  taken.text = FormatText(TrC("error", "%s: %s"), Tr(what.c_str()), why.c_str());
  return taken;
}

Result<GDBusConnection*> Connect(GBusType type) {
  std::string address;
  if (type == G_BUS_TYPE_SESSION) {
    std::optional<std::string> found = SessionAddress();
    if (!found) {
      return Error{errc::kDbus, TrNoop("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)")};
    }
    address = *found;
  } else {
    GError* error = nullptr;
    gchar* found = g_dbus_address_get_for_bus_sync(type, nullptr, &error);
    if (found == nullptr) return TakeError(error, TrNoop("no system bus address"));
    address = found;
    g_free(found);
  }
  GError* error = nullptr;
  auto flags = static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION);
  GDBusConnection* bus =
      g_dbus_connection_new_for_address_sync(address.c_str(), flags, nullptr, nullptr, &error);
  if (bus == nullptr) {
    return TakeError(error, type == G_BUS_TYPE_SESSION
                                ? TrNoop("cannot connect to the session bus")
                                : TrNoop("cannot connect to the system bus"));
  }
  g_dbus_connection_set_exit_on_close(bus, FALSE);
  return bus;
}

Result<GVariant*> Call(GDBusConnection* bus, const char* name, const char* path,
                       const char* interface, const char* method, GVariant* args,
                       const GVariantType* reply_type, std::chrono::milliseconds timeout) {
  GError* error = nullptr;
  GVariant* reply = g_dbus_connection_call_sync(
      bus, name, path, interface, method, args, reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START,
      static_cast<gint>(timeout.count()), nullptr, &error);
  if (reply == nullptr) return TakeError(error, std::string(interface) + "." + method);
  return reply;
}

Result<GVariant*> GetProperty(GDBusConnection* bus, const char* name, const char* path,
                              const char* interface, const char* property) {
  Result<GVariant*> reply = Call(bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                                 g_variant_new("(ss)", interface, property), G_VARIANT_TYPE("(v)"),
                                 std::chrono::milliseconds(2000));
  if (!reply) return reply.error();
  GVariant* value = nullptr;
  g_variant_get(*reply, "(v)", &value);
  g_variant_unref(*reply);
  return value;
}

}  // namespace unsit::gdbus
