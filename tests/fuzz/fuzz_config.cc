// Any bytes as a config file: a Config, or a short error that starts with the
// file's name and a position.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config_loader.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const unsit::Result<unsit::Config> config = unsit::ParseConfig(text, "fuzz.yaml");
  if (!config.ok()) {
    const std::string& message = config.error().message;
    UNSIT_FUZZ_CHECK(message.rfind("fuzz.yaml:", 0) == 0);
    UNSIT_FUZZ_CHECK(message.size() <= 4096);
    for (const char c : message) {
      UNSIT_FUZZ_CHECK(c == '\n' || static_cast<unsigned char>(c) >= 0x20);
    }
  }
  return 0;
}
