// Any line as a control request (what the daemon reads from a client) and as a
// server message (what the CLI reads from the daemon): an answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "protocol/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const unsit::protocol::ParsedRequest parsed = unsit::protocol::ParseRequest(line);
  if (parsed.error) {
    UNSIT_FUZZ_CHECK(!parsed.error->code.empty());
    // The error must be sendable: encoding never throws and stays one line.
    const std::string reply = unsit::protocol::EncodeReply(
        unsit::protocol::ErrorReply(parsed.request.id, parsed.error->code, parsed.error->message));
    UNSIT_FUZZ_CHECK(reply.find('\n') == reply.size() - 1);
  } else {
    const std::string again = unsit::protocol::EncodeRequest(parsed.request);
    UNSIT_FUZZ_CHECK(!unsit::protocol::ParseRequest(again.substr(0, again.size() - 1)).error);
  }
  (void)unsit::protocol::ParseServerMessage(line);
  return 0;
}
