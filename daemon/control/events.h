#pragma once

#include <vector>

#include "core/model.h"
#include "protocol/protocol.h"

namespace unsit {

// The subscribe events a decision of the model produces (none for
// bookkeeping decisions such as DayRolled and Checkpoint). `now` stamps the
// events whose decision carries no time. Pure; call it for each decision in
// order and pass the events to ControlServer::Broadcast.
//   reminder {what: shown|closed, ...}   break {what: started|ended, ...}
//   bout {what: started|closed, ...}     state {state}   pause {paused, until}
std::vector<protocol::Event> EventsFor(const Decision& decision, WallTime now);

}  // namespace unsit
