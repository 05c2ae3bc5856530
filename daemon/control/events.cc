#include "control/events.h"

#include <utility>

#include "control/views.h"
#include "protocol/wire_time.h"

namespace unsit {
namespace {

using protocol::Event;
using protocol::FormatIsoUtc;
using protocol::Json;

struct EventMaker {
  WallTime now;

  std::vector<Event> operator()(const out::ShowReminder& d) const {
    return {Event{"reminder", Json{{"what", "shown"},
                                   {"sitting_seconds", Seconds(d.sitting)},
                                   {"shown", d.shown},
                                   {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::CloseReminder& d) const {
    return {Event{"reminder", Json{{"what", "closed"},
                                   {"outcome", ToString(d.outcome)},
                                   {"sitting_seconds", Seconds(d.sitting)},
                                   {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::BreakStarted& d) const {
    return {Event{
        "break",
        Json{{"what", "started"}, {"cause", ToString(d.cause)}, {"at", FormatIsoUtc(d.wall)}}}};
  }
  std::vector<Event> operator()(const out::BreakEnded& d) const {
    return {Event{"break", Json{{"what", "ended"},
                                {"cause", ToString(d.cause)},
                                {"seconds", Seconds(d.end - d.start)},
                                {"start", FormatIsoUtc(d.start_wall)},
                                {"at", FormatIsoUtc(d.end_wall)}}}};
  }
  std::vector<Event> operator()(const out::BoutStarted& d) const {
    return {Event{"bout", Json{{"what", "started"}, {"at", FormatIsoUtc(d.wall)}}}};
  }
  std::vector<Event> operator()(const out::BoutClosed& d) const {
    return {Event{"bout", Json{{"what", "closed"},
                               {"why", ToString(d.why)},
                               {"seconds", Seconds(d.length())},
                               {"start", FormatIsoUtc(d.start_wall)},
                               {"at", FormatIsoUtc(d.end_wall)}}}};
  }
  std::vector<Event> operator()(const out::StateChanged& d) const {
    return {Event{"state", Json{{"state", ToString(d.state)}, {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::PauseChanged& d) const {
    return {Event{"pause", Json{{"paused", d.paused},
                                {"until", d.until ? Json(FormatIsoUtc(*d.until)) : Json()},
                                {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::HoldChanged& d) const {
    return {Event{"hold", Json{{"busy", HoldJson(d.busy)},
                               {"held_by", HoldJson(d.held_by)},
                               {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::ShowDeskPrompt& d) const {
    return {Event{"desk", Json{{"what", "shown"},
                               {"prompt", ToString(d.prompt)},
                               {"seconds", Seconds(d.part)},
                               {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::CloseDeskPrompt& d) const {
    return {
        Event{"desk",
              Json{{"what", "closed"}, {"prompt", ToString(d.prompt)}, {"at", FormatIsoUtc(now)}}}};
  }
  std::vector<Event> operator()(const out::StandClosed& d) const {
    return {Event{"desk", Json{{"what", "stood"},
                               {"seconds", Seconds(d.length())},
                               {"start", FormatIsoUtc(d.start_wall)},
                               {"at", FormatIsoUtc(d.end_wall)}}}};
  }
  std::vector<Event> operator()(const out::DayRolled&) const { return {}; }
  std::vector<Event> operator()(const out::Checkpoint&) const { return {}; }
  std::vector<Event> operator()(const out::WatchBusy&) const { return {}; }
};

}  // namespace

std::vector<Event> EventsFor(const Decision& decision, WallTime now) {
  return std::visit(EventMaker{now}, decision);
}

}  // namespace unsit
