// Any text as a quiet-hours span or a time of day: nullopt or a value inside
// the day that prints and reads back the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/quiet_hours.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using std::chrono::minutes;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const std::optional<unsit::QuietWindow> window = unsit::ParseQuietWindow(text)) {
    UNSIT_FUZZ_CHECK(window->start != window->end);
    UNSIT_FUZZ_CHECK(window->start >= minutes(0) && window->start < minutes(24 * 60));
    UNSIT_FUZZ_CHECK(window->end >= minutes(0) && window->end < minutes(24 * 60));
    UNSIT_FUZZ_CHECK(unsit::ParseQuietWindow(unsit::FormatQuietWindow(*window)) == window);
    (void)unsit::CoversWholeDay({*window});
  }
  if (const std::optional<minutes> time = unsit::ParseTimeOfDay(text)) {
    UNSIT_FUZZ_CHECK(*time >= minutes(0) && *time < minutes(24 * 60));
  }
  return 0;
}
