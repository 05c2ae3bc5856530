#include "control/dispatch.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "control/views.h"
#include "core/duration.h"
#include "unsit/version.h"

namespace unsit {
namespace {

using protocol::Json;
namespace code = protocol::code;

using Handler = std::function<Result<Json>(const Json& args, DaemonApi& api)>;

Error BadArgs(std::string message) { return Error{code::kBadArgs, std::move(message)}; }

// A duration argument: absent or null -> nullopt; "15m" or whole seconds; > 0, <= max.
Result<std::optional<Duration>> DurationArg(const Json& args, const char* key, Duration max) {
  auto it = args.find(key);
  if (it == args.end() || it->is_null()) return std::optional<Duration>();
  std::optional<Duration> d;
  if (it->is_string()) {
    d = ParseDuration(it->get_ref<const std::string&>());
  } else if (it->is_number_integer() && it->get<std::int64_t>() >= 0 &&
             it->get<std::int64_t>() <= 100'000'000) {
    d = std::chrono::seconds(it->get<std::int64_t>());  // whole seconds, for scripts
  }
  std::string name = std::string("\"") + key + "\"";
  if (!d) return BadArgs(name + " must be a duration such as \"90s\", \"15m\" or \"1h30m\".");
  if (*d <= Duration::zero()) return BadArgs(name + " must be longer than zero.");
  if (*d > max) return BadArgs(name + " must be at most " + FormatDuration(max) + ".");
  return d;
}

Result<Json> StatusResult(DaemonApi& api) { return StatusJson(api.Status()); }

Result<Json> ApplyResult(DaemonApi& api, const Input& input) {
  return StatusJson(api.Apply(input));
}

Result<Json> History(const Json& args, DaemonApi& api) {
  int days = 7;
  auto it = args.find("days");
  if (it != args.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
        it->get<std::int64_t>() > kMaxHistoryDays) {
      return BadArgs("\"days\" must be a whole number from 1 to " +
                     std::to_string(kMaxHistoryDays) + ".");
    }
    days = it->get<int>();
  }
  auto history = api.History(days);
  if (!history) return Error{code::kRefused, history.error().message};
  Json list = Json::array();
  for (const DayView& day : *history) list.push_back(DayJson(day));
  return Json{{"days", std::move(list)}};
}

Result<Json> Snooze(const Json& args, DaemonApi& api) {
  auto length = DurationArg(args, "for", kMaxSnooze);
  if (!length) return length.error();
  return ApplyResult(api, in::Snooze{*length});
}

Result<Json> Pause(const Json& args, DaemonApi& api) {
  auto length = DurationArg(args, "for", kMaxPause);
  if (!length) return length.error();
  return ApplyResult(api, in::Pause{*length});
}

Result<Json> Standing(const Json& args, DaemonApi& api) {
  auto it = args.find("on");
  if (it == args.end() || !it->is_boolean()) return BadArgs("\"on\" must be true or false.");
  return ApplyResult(api, in::Standing{it->get<bool>()});
}

Result<Json> Reload(DaemonApi& api) {
  Status status = api.Reload();
  if (!status) return Error{code::kRefused, status.error().message};
  return Json{{"reloaded", true}};
}

Result<Json> Version() {
  return Json{{"daemon", kVersion}, {"protocol", protocol::kProtocolVersion}};
}

Result<Json> Subscribe() {
  return Json{{"subscribed", true},
              {"events", Json::array({"reminder", "break", "bout", "state", "pause"})}};
}

template <typename F>
Handler NoArgs(F f) {
  return [f](const Json&, DaemonApi& api) { return f(api); };
}

template <typename Command>
Handler Command0() {
  return [](const Json&, DaemonApi& api) { return ApplyResult(api, Command{}); };
}

// Every verb with its handler, in the order unsit-ipc(7) lists them: the one
// list of the daemon's verbs (Verbs() is read from it).
const std::vector<std::pair<std::string_view, Handler>>& Table() {
  static const auto* table = new std::vector<std::pair<std::string_view, Handler>>{
      {"status", NoArgs(StatusResult)},
      {"today", NoArgs([](DaemonApi& api) -> Result<Json> { return DayJson(api.Today()); })},
      {"history", History},
      {"snooze", Snooze},
      {"done", Command0<in::Done>()},
      {"skip", Command0<in::Skip>()},
      {"pause", Pause},
      {"resume", Command0<in::Resume>()},
      {"standing", Standing},
      {"stretch",
       NoArgs([](DaemonApi& api) -> Result<Json> { return StretchJson(api.NextStretch()); })},
      {"doctor", NoArgs([](DaemonApi& api) -> Result<Json> { return DoctorJson(api.Doctor()); })},
      {"reload", NoArgs(Reload)},
      {"version", NoArgs([](DaemonApi&) { return Version(); })},
      {"subscribe", NoArgs([](DaemonApi&) { return Subscribe(); })},
  };
  return *table;
}

}  // namespace

const std::vector<std::string_view>& Verbs() {
  static const auto* verbs = [] {
    auto* names = new std::vector<std::string_view>;
    for (const auto& entry : Table()) names->push_back(entry.first);
    return names;
  }();
  return *verbs;
}

protocol::Reply Dispatch(const protocol::Request& request, DaemonApi& api) {
  auto it = std::find_if(Table().begin(), Table().end(),
                         [&](const auto& entry) { return entry.first == request.cmd; });
  if (it == Table().end()) {
    return protocol::ErrorReply(request.id, code::kUnknownCommand,
                                "Unknown command \"" + request.cmd + "\".");
  }
  Result<Json> result = [&]() -> Result<Json> {
    try {
      return it->second(request.args, api);
    } catch (const std::exception& e) {  // last resort: a bug must not end the daemon
      return Error{code::kInternal, std::string("Internal error: ") + e.what()};
    }
  }();
  if (!result) return protocol::ErrorReply(request.id, result.error().code, result.error().message);
  return protocol::OkReply(request.id, std::move(result).value());
}

}  // namespace unsit
