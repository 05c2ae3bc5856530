#pragma once

#include "control/daemon_api.h"
#include "core/config.h"
#include "core/day_totals.h"
#include "core/model.h"
#include "protocol/day_json.h"
#include "protocol/protocol.h"

// The JSON shapes of results and events (unsit-ipc(7) is their reference).
// Durations are whole seconds; wall times ISO 8601 UTC strings.
namespace unsit {

// The wire name of a stretch place: "standing" | "desk" | "floor". States, causes
// and outcomes use the core's ToString names, which history stores too.
const char* WireName(StretchPlace place);

using protocol::DayJson;
using protocol::Seconds;
using protocol::SecondsLeft;
using protocol::TotalsJson;

// The `status` result.
protocol::Json StatusJson(const StatusView& view);
protocol::Json StretchJson(const Stretch& stretch);
protocol::Json DoctorJson(const DoctorReport& report);
// Hold reasons as a list of names (["call", "dnd"]), in the order of kAllHoldReasons.
protocol::Json HoldJson(HoldReasons reasons);

}  // namespace unsit
