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

// "sitting" | "away" | "standing": the wire names, independent of logging names.
const char* WireName(State state);
const char* WireName(BreakCause cause);
const char* WireName(BoutEnd end);
const char* WireName(ReminderOutcome outcome);
const char* WireName(StretchPlace place);

using protocol::DayJson;
using protocol::Seconds;
using protocol::SecondsLeft;
using protocol::TotalsJson;

// The `status` result.
protocol::Json StatusJson(const StatusView& view);
protocol::Json StretchJson(const Stretch& stretch);
protocol::Json DoctorJson(const DoctorReport& report);

}  // namespace unsit
