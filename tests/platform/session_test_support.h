#pragma once

// D-Bus helpers for the tests of the Mutter and logind backends: synchronous
// calls on a bus, waiting for a name, and python-dbusmock's logind template.
// Child processes, private buses and RunUntil are in tests/support.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/child.h"

namespace unsit::test_support {

// Calls a method on `bus_address` synchronously (from the test thread, on its own
// connection). `args` is a GVariant text ("('s', 42)") or empty. Returns the reply
// printed as GVariant text, or nullopt on error.
std::optional<std::string> CallMethod(const std::string& bus_address, const std::string& name,
                                      const std::string& path, const std::string& interface,
                                      const std::string& method, const std::string& args);

// True once `name` has an owner on the bus, waiting up to `timeout`.
bool WaitForName(const std::string& bus_address, const std::string& name,
                 std::chrono::milliseconds timeout);

// Whether python3-dbusmock can be imported; the tests that need it skip without.
bool HaveDbusmock();

// The names of python-dbusmock's logind template, and the session that
// StartLogindMock adds (id c7, of this user, on seat0).
inline constexpr char kLogind[] = "org.freedesktop.login1";
inline constexpr char kLogindManagerPath[] = "/org/freedesktop/login1";
inline constexpr char kLogindSession[] = "org.freedesktop.login1.Session";
inline constexpr char kLogindSessionPath[] = "/org/freedesktop/login1/session/c7";
inline constexpr char kMock[] = "org.freedesktop.DBus.Mock";

// python-dbusmock's logind template on `system_bus` (a private bus standing for
// the system bus), once it owns its name; with `with_session`, session c7 of this
// user added. nullopt (the mock stopped again) if either step failed.
std::optional<Child> StartLogindMock(const std::string& system_bus, bool with_session = true);

}  // namespace unsit::test_support
