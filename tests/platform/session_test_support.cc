#include "session_test_support.h"

#include <gio/gio.h>
#include <unistd.h>

#include <thread>

namespace unsit::test_support {

bool HaveDbusmock() { return Shell("/usr/bin/python3 -c 'import dbusmock' 2>/dev/null") == 0; }

std::optional<Child> StartLogindMock(const std::string& system_bus, bool with_session) {
  Child mock({"/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind"});
  if (!WaitForName(system_bus, kLogind, std::chrono::seconds(10))) return std::nullopt;
  if (with_session &&
      !CallMethod(system_bus, kLogind, kLogindManagerPath, kMock, "AddSession",
                  "('c7', 'seat0', uint32 " + std::to_string(getuid()) + ", 'someone', true)")) {
    return std::nullopt;
  }
  return mock;
}

std::optional<std::string> CallMethod(const std::string& bus_address, const std::string& name,
                                      const std::string& path, const std::string& interface,
                                      const std::string& method, const std::string& args) {
  auto flags = static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION);
  GDBusConnection* bus =
      g_dbus_connection_new_for_address_sync(bus_address.c_str(), flags, nullptr, nullptr, nullptr);
  if (bus == nullptr) return std::nullopt;
  GVariant* parameters = nullptr;
  if (!args.empty()) {
    parameters = g_variant_parse(nullptr, args.c_str(), nullptr, nullptr, nullptr);
    if (parameters == nullptr) {
      g_object_unref(bus);
      return std::nullopt;
    }
  }
  GVariant* reply = g_dbus_connection_call_sync(bus, name.c_str(), path.c_str(), interface.c_str(),
                                                method.c_str(), parameters, nullptr,
                                                G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, nullptr);
  g_dbus_connection_close_sync(bus, nullptr, nullptr);
  g_object_unref(bus);
  if (reply == nullptr) return std::nullopt;
  gchar* text = g_variant_print(reply, TRUE);
  std::string result = text;
  g_free(text);
  g_variant_unref(reply);
  return result;
}

bool WaitForName(const std::string& bus_address, const std::string& name,
                 std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto reply = CallMethod(bus_address, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                            "org.freedesktop.DBus", "NameHasOwner", "('" + name + "',)");
    if (reply && reply->find("true") != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace unsit::test_support
