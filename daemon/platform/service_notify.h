#pragma once

namespace unsit {

// Tells the service manager about our state (sd_notify: "READY=1",
// "STOPPING=1", "RELOADING=1"). A no-op when not started by systemd with
// Type=notify or when built without libsystemd.
void ServiceNotify(const char* state);

// True when a systemd user manager runs this session and the unsit.service
// unit is known to it, so an XDG autostart copy must not start a second daemon.
bool SystemdUnitManagesUs();

}  // namespace unsit
