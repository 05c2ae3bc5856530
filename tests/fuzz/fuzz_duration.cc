// Any text as a duration: nullopt or a value that prints and reads back the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/duration.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<unsit::Duration> duration = unsit::ParseDuration(text);
  if (duration) {
    UNSIT_FUZZ_CHECK(duration->count() >= 0);
    UNSIT_FUZZ_CHECK(unsit::ParseDuration(unsit::FormatDuration(*duration)) == duration);
    (void)unsit::FormatHuman(*duration);
  }
  return 0;
}
