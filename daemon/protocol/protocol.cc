#include "protocol/protocol.h"

#include <limits>
#include <utility>

namespace unsit::protocol {
namespace {

// Deeper than any message of the protocol (replies nest a few levels): code
// that walks a parsed tree recurses, so deeper text is refused unparsed.
constexpr int kMaxJsonDepth = 64;

// Whether `text` opens more than kMaxJsonDepth arrays and objects at once;
// brackets inside strings do not count.
bool TooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// Parses without throwing; a discarded value means "not JSON" (or too deep).
Json ParseJson(std::string_view text) {
  if (TooDeep(text)) return Json(Json::value_t::discarded);
  try {
    return Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  } catch (...) {  // bad_alloc and the like: treated as unparseable
    return Json(Json::value_t::discarded);
  }
}

// Reads an integer id; nullopt when absent or null. Error when mistyped.
Result<std::optional<std::int64_t>> ReadId(const Json& object) {
  auto it = object.find("id");
  if (it == object.end() || it->is_null()) return std::optional<std::int64_t>();
  if (it->is_number_unsigned() &&
      it->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
    return Error{code::kBadRequest, "\"id\" is out of range."};
  }
  if (!it->is_number_integer()) {
    return Error{code::kBadRequest, "\"id\" must be an integer."};
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

// The "v" field: nullopt when missing or not an integer.
std::optional<std::int64_t> ReadVersion(const Json& object) {
  auto it = object.find("v");
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  if (it->is_number_unsigned() &&
      it->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
    return std::numeric_limits<std::int64_t>::max();
  }
  return it->get<std::int64_t>();
}

Json IdJson(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Result<Reply> ParseReplyObject(const Json& object, int v) {
  Reply reply;
  reply.v = v;
  auto id = ReadId(object);
  if (!id) return id.error();
  reply.id = *id;
  auto ok = object.find("ok");
  if (ok == object.end() || !ok->is_boolean()) {
    return Error{code::kBadRequest, "The reply has no boolean \"ok\"."};
  }
  reply.ok = ok->get<bool>();
  if (reply.ok) {
    auto result = object.find("result");
    if (result != object.end()) reply.result = *result;
    return reply;
  }
  auto error = object.find("error");
  if (error == object.end() || !error->is_object()) {
    return Error{code::kBadRequest, "The error reply has no \"error\" object."};
  }
  auto code_it = error->find("code");
  auto message_it = error->find("message");
  reply.error.code = code_it != error->end() && code_it->is_string() ? code_it->get<std::string>()
                                                                     : code::kInternal;
  reply.error.message = message_it != error->end() && message_it->is_string()
                            ? message_it->get<std::string>()
                            : std::string();
  auto daemon_v = error->find("daemon_v");
  if (daemon_v != error->end() && daemon_v->is_number_integer()) {
    reply.daemon_v = daemon_v->get<int>();
  }
  return reply;
}

}  // namespace

std::string DumpJson(const Json& json, int indent) {
  try {
    return json.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
  } catch (...) {  // only bad_alloc is left possible
    return "null";
  }
}

ParsedRequest ParseRequest(std::string_view line) {
  ParsedRequest parsed;
  auto fail = [&parsed](const char* error_code, std::string message) {
    parsed.error = Error{error_code, std::move(message)};
    return parsed;
  };
  Json json = ParseJson(line);
  if (json.is_discarded()) return fail(code::kBadJson, "The request is not valid JSON.");
  if (!json.is_object()) return fail(code::kBadJson, "The request must be a JSON object.");
  auto id = ReadId(json);
  if (!id) return fail(code::kBadRequest, id.error().message);
  parsed.request.id = *id;
  auto version = ReadVersion(json);
  if (!version) return fail(code::kBadRequest, "The request has no integer \"v\".");
  if (*version != kProtocolVersion) {
    return fail(code::kProtocolMismatch, "The client speaks protocol v" + std::to_string(*version) +
                                             ", the daemon speaks v" +
                                             std::to_string(kProtocolVersion) + ".");
  }
  auto cmd = json.find("cmd");
  if (cmd == json.end() || !cmd->is_string() || cmd->get_ref<const std::string&>().empty()) {
    return fail(code::kBadRequest, "The request has no \"cmd\" string.");
  }
  parsed.request.cmd = cmd->get<std::string>();
  auto args = json.find("args");
  if (args != json.end() && !args->is_null()) {
    if (!args->is_object()) return fail(code::kBadRequest, "\"args\" must be an object.");
    parsed.request.args = std::move(*args);
  }
  return parsed;
}

Result<ServerMessage> ParseServerMessage(std::string_view line) {
  Json json = ParseJson(line);
  if (json.is_discarded() || !json.is_object()) {
    return Error{code::kBadJson, "The daemon sent a line that is not a JSON object."};
  }
  auto version = ReadVersion(json);
  if (!version) return Error{code::kBadRequest, "The daemon's message has no integer \"v\"."};
  int v = *version > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max()
                                                     : static_cast<int>(*version);
  auto event = json.find("event");
  if (event != json.end()) {
    if (!event->is_string()) return Error{code::kBadRequest, "\"event\" must be a string."};
    Event parsed{event->get<std::string>(), Json::object()};
    auto data = json.find("data");
    if (data != json.end()) parsed.data = *data;
    return ServerMessage(std::move(parsed));
  }
  auto reply = ParseReplyObject(json, v);
  if (!reply) return reply.error();
  return ServerMessage(std::move(reply).value());
}

std::string EncodeRequest(const Request& request) {
  Json json = {{"v", kProtocolVersion}, {"cmd", request.cmd}};
  if (request.id) json["id"] = *request.id;
  if (!request.args.empty()) json["args"] = request.args;
  return DumpJson(json) + "\n";
}

std::string EncodeReply(const Reply& reply) {
  Json json = {{"v", reply.v}, {"id", IdJson(reply.id)}, {"ok", reply.ok}};
  if (reply.ok) {
    json["result"] = reply.result;
  } else {
    Json error = {{"code", reply.error.code}, {"message", reply.error.message}};
    if (reply.daemon_v) error["daemon_v"] = *reply.daemon_v;
    json["error"] = std::move(error);
  }
  return DumpJson(json) + "\n";
}

std::string EncodeEvent(const Event& event) {
  Json json = {{"v", kProtocolVersion}, {"event", event.name}, {"data", event.data}};
  return DumpJson(json) + "\n";
}

Reply OkReply(std::optional<std::int64_t> id, Json result) {
  Reply reply;
  reply.id = id;
  reply.result = std::move(result);
  return reply;
}

Reply ErrorReply(std::optional<std::int64_t> id, std::string error_code, std::string message) {
  Reply reply;
  reply.id = id;
  reply.ok = false;
  if (error_code == code::kProtocolMismatch) reply.daemon_v = kProtocolVersion;
  reply.error = Error{std::move(error_code), std::move(message)};
  return reply;
}

}  // namespace unsit::protocol
