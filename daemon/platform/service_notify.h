#pragma once

namespace unsit {

// Tells the service manager about our state (sd_notify: "READY=1",
// "STOPPING=1", "RELOADING=1"). A no-op when not started by systemd with
// Type=notify or when built without libsystemd.
void ServiceNotify(const char* state);

// True when a systemd user manager runs unsit.service for this session, or will
// (graphical-session.target is up and the unit is enabled), so an XDG autostart
// copy must not start a second daemon. Asks the manager over its private socket;
// false when there is none.
bool SystemdUnitManagesUs();

}  // namespace unsit
