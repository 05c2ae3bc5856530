#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"

// The control protocol v1 (see unsit-ipc(7)): one JSON object per line over a
// Unix stream socket. Shared by the daemon and the CLI. Every function here
// returns values; no exception escapes (nlohmann is called non-throwing).
namespace unsit::protocol {

using Json = nlohmann::json;

// The version this build speaks. Adding optional fields does not bump it.
inline constexpr int kProtocolVersion = 1;
// The longest request line the daemon accepts, newline excluded.
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;
// The longest line the daemon sends and a client must accept, newline
// excluded. Larger than kMaxLineBytes because replies carry data (history);
// requests stay small. The daemon keeps every reply and event within it.
inline constexpr std::size_t kMaxReplyBytes = 1024 * 1024;
// The most days one `history` request may ask for. A day's object is under
// 450 bytes even with every counter at its largest (about 300 on real days),
// so the reply stays well within kMaxReplyBytes.
inline constexpr int kMaxHistoryDays = 1000;
// The longest snooze and pause a request may ask for (the CLI checks them too).
inline constexpr Duration kMaxSnooze = std::chrono::hours(24);
inline constexpr Duration kMaxPause = std::chrono::days(30);

// The stable error codes of replies (error.code): the first group of the one
// table of codes, core/error_codes.h.
namespace code = ::unsit::errc;

struct Request {
  std::optional<std::int64_t> id;  // echoed in the reply; absent: null
  std::string cmd;
  Json args = Json::object();  // always an object
};

struct Reply {
  int v = kProtocolVersion;  // the sender's protocol version
  std::optional<std::int64_t> id;
  bool ok = true;
  Json result = Json::object();  // ok only
  Error error;                   // !ok only
  std::optional<int> daemon_v;   // protocol_mismatch only: what the daemon speaks
};

struct Event {
  std::string name;  // "reminder", "break", "bout", "state", "pause"
  Json data = Json::object();
};

// A request line parsed as far as it went. On failure `error` holds the reply's
// error and `request.id` the id if one could be read (so the reply can echo it).
struct ParsedRequest {
  Request request;
  std::optional<Error> error;
};

// Parses one request line (without the newline). Unknown `v`: protocol_mismatch.
ParsedRequest ParseRequest(std::string_view line);

// A message from the daemon: a reply or (after subscribe) an event.
using ServerMessage = std::variant<Reply, Event>;
// Parses one line the daemon sent. A reply with another `v` is still returned
// (with that v) so the caller can report the mismatch.
Result<ServerMessage> ParseServerMessage(std::string_view line);

// Encoders: one line of JSON, newline included, never throwing (invalid UTF-8
// in strings is replaced).
std::string EncodeRequest(const Request& request);
std::string EncodeReply(const Reply& reply);
std::string EncodeEvent(const Event& event);

// Reply builders.
Reply OkReply(std::optional<std::int64_t> id, Json result);
Reply ErrorReply(std::optional<std::int64_t> id, std::string code, std::string message);

// Serialises any JSON without throwing (invalid UTF-8 replaced), compact or indented.
std::string DumpJson(const Json& json, int indent = -1);

}  // namespace unsit::protocol
