#pragma once

#include <string>

#include "support/child.h"
#include "support/temp_dir.h"

namespace unsit::test_support {

// A private dbus-daemon of the test's own: a session-type bus listening in a
// fresh directory, with no service directories, so nothing is started by D-Bus
// activation (a stray notification server would hide "no server"). It stands
// for the session or the system bus: address() is for DBUS_SESSION_BUS_ADDRESS
// or DBUS_SYSTEM_BUS_ADDRESS. Stopped, and its directory removed, when destroyed.
class PrivateBus {
 public:
  PrivateBus();
  bool ok() const { return !address_.empty(); }
  const std::string& address() const { return address_; }
  // The directory holding the bus's config and socket.
  const std::string& directory() const { return dir_.path(); }

 private:
  TempDir dir_;  // outlives the daemon that listens in it
  Child daemon_;
  std::string address_;
};

}  // namespace unsit::test_support
