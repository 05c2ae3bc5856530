#pragma once

// The words of the trace language that name a setting, a totals field, a plain
// input or a status flag, each listed once: the runner and the `expect` lines
// look them up here instead of in chains of comparisons.

#include <functional>
#include <map>
#include <string>

#include "core/config.h"
#include "core/day_totals.h"
#include "core/model.h"

namespace unsit::trace {

template <typename T>
using WordTable = std::map<std::string, T, std::less<>>;

// `config KEY=DURATION` (and `reconfigure`): the setting each key sets.
using ConfigDuration = Duration& (*)(Config&);
inline const WordTable<ConfigDuration> kConfigDurations = {
    {"sit_limit", [](Config& c) -> Duration& { return c.sit_limit; }},
    {"break_after", [](Config& c) -> Duration& { return c.break_after; }},
    {"up_min_break", [](Config& c) -> Duration& { return c.up_min_break; }},
    {"remind_every", [](Config& c) -> Duration& { return c.remind_every; }},
    {"snooze", [](Config& c) -> Duration& { return c.snooze; }},
    {"checkpoint", [](Config& c) -> Duration& { return c.history.checkpoint; }},
    {"settle", [](Config& c) -> Duration& { return c.hold.settle; }},
    {"hold_cap", [](Config& c) -> Duration& { return c.hold.cap; }},
    {"desk_sit", [](Config& c) -> Duration& { return c.standing_desk.sit; }},
    {"desk_stand", [](Config& c) -> Duration& { return c.standing_desk.stand; }},
};

// Totals fields by their trace names (`restore`, `expect today`, `expect
// day-rolled`); `hour H DURATION` and `open` (derived) are handled apart.
inline const WordTable<Duration DayTotals::*> kTotalsDurations = {
    {"sitting", &DayTotals::sitting},
    {"longest", &DayTotals::longest_bout},
    {"standing", &DayTotals::standing},
};
inline const WordTable<int DayTotals::*> kTotalsCounts = {
    {"bouts", &DayTotals::bouts},
    {"long-bouts", &DayTotals::long_bouts},
    {"breaks", &DayTotals::breaks},
    {"breaks-after-reminder", &DayTotals::breaks_after_reminder},
    {"reminders", &DayTotals::reminders},
    {"done", &DayTotals::done},
    {"up-on-own", &DayTotals::up_on_own},
    {"snoozed", &DayTotals::snoozed},
    {"skipped", &DayTotals::skipped},
    {"dismissed", &DayTotals::dismissed},
};

// Inputs that take no words after their name.
inline const WordTable<Input> kPlainInputs = {
    {"active", in::Active{}},   {"lock", in::Lock{}},     {"unlock", in::Unlock{}},
    {"tick", in::Tick{}},       {"done", in::Done{}},     {"skip", in::Skip{}},
    {"dismiss", in::Dismiss{}}, {"resume", in::Resume{}}, {"shutdown", in::Shutdown{}},
};

// `expect [no] FLAG`: the yes/no parts of the model's status.
inline const WordTable<bool Snapshot::*> kStatusFlags = {
    {"open", &Snapshot::reminder_open},
    {"held", &Snapshot::reminder_held},
    {"locked", &Snapshot::locked},
};

}  // namespace unsit::trace
