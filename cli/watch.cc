#include "watch.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <thread>

#include "client.h"
#include "core/duration.h"
#include "json_read.h"
#include "output.h"

namespace unsit::cli {
namespace {

using namespace std::chrono_literals;
using protocol::Json;

constexpr auto kRetry = 2s;
constexpr auto kWaybarRefresh = 30s;
constexpr std::int64_t kStatusId = 2;

std::string ClockNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buffer[16];
  std::size_t n = std::strftime(buffer, sizeof buffer, "%H:%M:%S", &tm);
  return std::string(buffer, n);
}

std::string Describe(const protocol::Event& e) {
  const Json& d = e.data;
  std::string what = Str(d, "what");
  std::string line = ClockNow() + " " + e.name;
  if (e.name == "reminder" && what == "shown") {
    return line + " shown: sitting " + FormatHuman(Secs(Int(d, "sitting_seconds")));
  }
  if (e.name == "reminder") return line + " closed: " + Str(d, "outcome");
  if (e.name == "break" && what == "started") return line + " started (" + Str(d, "cause") + ")";
  if (e.name == "break") return line + " ended after " + FormatHuman(Secs(Int(d, "seconds")));
  if (e.name == "bout" && what == "closed") {
    return line + " closed after " + FormatHuman(Secs(Int(d, "seconds")));
  }
  if (e.name == "bout") return line + " started";
  if (e.name == "state") return line + ": " + Str(d, "state");
  if (e.name == "hold") {
    std::string held_by = JoinNames(Field(d, "held_by"));
    std::string busy = JoinNames(Field(d, "busy"));
    if (!held_by.empty()) return line + ": reminder held by " + held_by;
    return line + (busy.empty() ? ": free" : ": busy (" + busy + ")");
  }
  if (e.name == "pause") {
    if (!Bool(d, "paused")) return line + ": resumed";
    std::string until = Str(d, "until");
    return line + ": paused" + (until.empty() ? "" : " until " + LocalClock(until));
  }
  return line + " " + protocol::DumpJson(d);
}

void Print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

// One subscribed session; returns when the connection ends. A mismatch or a
// refusal sets `exit_code` (and the caller stops).
void Session(Connection& connection, WatchFormat format, int& exit_code) {
  if (!connection.Send(protocol::Request{1, "subscribe", Json::object()})) return;
  bool waybar = format == WatchFormat::kWaybar;
  if (waybar && !connection.Send(protocol::Request{kStatusId, "status", Json::object()})) return;
  for (;;) {
    auto message = connection.Read(waybar ? std::chrono::milliseconds(kWaybarRefresh) : -1ms);
    if (!message && message.error().code == errc::kTimeout) {
      if (!connection.Send(protocol::Request{kStatusId, "status", Json::object()})) return;
      continue;
    }
    if (!message) return;
    if (auto* reply = std::get_if<protocol::Reply>(&*message)) {
      if (!reply->ok || reply->v != protocol::kProtocolVersion) {
        Failure failure = FailureOf(*reply);
        std::cerr << failure.message << "\n";
        exit_code = failure.exit_code;
        return;
      }
      if (waybar && reply->id == kStatusId) Print(RenderWaybar(reply->result));
      continue;
    }
    const auto& event = std::get<protocol::Event>(*message);
    if (format == WatchFormat::kJson) {
      Print(protocol::DumpJson(Json{{"event", event.name}, {"data", event.data}}) + "\n");
    } else if (format == WatchFormat::kPlain) {
      Print(Describe(event) + "\n");
    } else if (!connection.Send(protocol::Request{kStatusId, "status", Json::object()})) {
      return;
    }
  }
}

}  // namespace

int Watch(const std::string& socket_path, WatchFormat format) {
  bool told = false;
  for (;;) {
    auto connection = Connection::Open(socket_path);
    if (connection) {
      if (told) std::cerr << "unsit: connected to the daemon again\n";
      told = false;
      int exit_code = kExitOk;
      Session(*connection, format, exit_code);
      if (exit_code != kExitOk) return exit_code;
    }
    if (!told) {
      std::cerr << (connection ? UnreachableMessage(socket_path, "connection lost")
                               : connection.error().message)
                << "\nunsit: waiting for the daemon...\n";
      if (format == WatchFormat::kWaybar) Print(WaybarOffline());
      told = true;
    }
    std::this_thread::sleep_for(kRetry);
  }
}

}  // namespace unsit::cli
