#include "watch.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <thread>

#include "client.h"
#include "core/duration.h"
#include "i18n/tr.h"
#include "i18n/words.h"
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
  // The event's name and the values it carries (outcome, cause, state, the
  // hold reasons) are the protocol's words, kept as they are; the rest is said.
  if (e.name == "reminder" && what == "shown") {
    return line + " " +
           FormatText(Tr("shown: sitting %s"), HumanSeconds(Int(d, "sitting_seconds")).c_str());
  }
  if (e.name == "reminder")
    return line + " " + FormatText(Tr("closed: %s"), Str(d, "outcome").c_str());
  if (e.name == "break" && what == "started")
    return line + " " + FormatText(Tr("started (%s)"), Str(d, "cause").c_str());
  if (e.name == "break")
    return line + " " + FormatText(Tr("ended after %s"), HumanSeconds(Int(d, "seconds")).c_str());
  if (e.name == "bout" && what == "closed") {
    return line + " " + FormatText(Tr("closed after %s"), HumanSeconds(Int(d, "seconds")).c_str());
  }
  if (e.name == "bout") return line + " " + Tr("started");
  if (e.name == "state") return line + ": " + Str(d, "state");
  if (e.name == "hold") {
    std::string held_by = JoinNames(Field(d, "held_by"));
    std::string busy = JoinNames(Field(d, "busy"));
    if (!held_by.empty())
      return line + ": " + FormatText(Tr("reminder held by %s"), held_by.c_str());
    return line + ": " +
           (busy.empty() ? std::string(Tr("free")) : FormatText(Tr("busy (%s)"), busy.c_str()));
  }
  if (e.name == "pause") {
    if (!Bool(d, "paused")) return line + ": " + Tr("resumed");
    std::string until = Str(d, "until");
    return line + ": " +
           (until.empty() ? std::string(Tr("paused"))
                          : FormatText(Tr("paused until %s"), LocalClock(until).c_str()));
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
