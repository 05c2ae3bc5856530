// Any text as a schedule span, a list of days or a time of day: nullopt or a
// value inside the week that prints and reads back the same, and that the
// schedule can place.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/schedule.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using std::chrono::minutes;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const std::optional<unsit::QuietWindow> window = unsit::ParseQuietWindow(text)) {
    UNSIT_FUZZ_CHECK(window->start != window->end && window->days == unsit::kEveryDay);
    UNSIT_FUZZ_CHECK(unsit::ParseSpan(unsit::FormatSpan(*window)) == window);
  }
  if (const std::optional<unsit::QuietWindow> span = unsit::ParseSpan(text)) {
    UNSIT_FUZZ_CHECK(span->start >= minutes(0) && span->start < minutes(24 * 60));
    UNSIT_FUZZ_CHECK(span->end >= minutes(0) && span->end < minutes(24 * 60));
    UNSIT_FUZZ_CHECK(span->start != span->end || span->start == minutes(0));
    UNSIT_FUZZ_CHECK(span->days != 0 && (span->days & ~unsit::kEveryDay) == 0);
    UNSIT_FUZZ_CHECK(unsit::ParseSpan(unsit::FormatSpan(*span)) == span);
    const unsit::Now now{};
    const std::optional<unsit::ScheduleState> state = unsit::ScheduleAt({*span}, {}, now, now.boot);
    UNSIT_FUZZ_CHECK(state && (!state->until || *state->until > now.wall));
    UNSIT_FUZZ_CHECK(unsit::LeavesNoTime({*span}, {}) ==
                     (span->days == unsit::kEveryDay && span->start == span->end));
  }
  if (const std::optional<unsit::Weekdays> days = unsit::ParseWeekdays(text)) {
    UNSIT_FUZZ_CHECK(*days != 0 && (*days & ~unsit::kEveryDay) == 0);
    UNSIT_FUZZ_CHECK(unsit::ParseWeekdays(unsit::FormatWeekdays(*days)) == days);
  }
  if (const std::optional<minutes> time = unsit::ParseTimeOfDay(text)) {
    UNSIT_FUZZ_CHECK(*time >= minutes(0) && *time < minutes(24 * 60));
  }
  return 0;
}
