// Fullscreen on sway, through its IPC socket ($SWAYSOCK): one connection in
// the io loop subscribes to window and workspace events, and reads the tree
// (GET_TREE) once at start and again after each event; nothing is polled.
// Other wlroots compositors are not covered: their common protocol
// (wlr-foreign-toplevel-management) has no XML in the distribution's packages.
#include "platform/busy_sway_fullscreen.h"

#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error_codes.h"
#include "core/result.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"

namespace unsit {
namespace {

using boost::asio::local::stream_protocol;

constexpr std::string_view kMagic = "i3-ipc";
constexpr std::size_t kHeaderBytes = kMagic.size() + 8;
constexpr std::uint32_t kSubscribe = 2;
constexpr std::uint32_t kGetTree = 4;
constexpr std::uint32_t kEventBit = 0x80000000u;

// True when `node` is the focused node or holds it; `fullscreen` says whether
// a container on the way is fullscreen. Only containers count: sway says
// fullscreen_mode 1 of every workspace.
bool FindFocused(const nlohmann::json& node, bool above, bool& fullscreen) {
  if (!node.is_object()) return false;
  const std::string type = node.value("type", "");
  const bool container = type == "con" || type == "floating_con";
  const bool here = above || (container && node.value("fullscreen_mode", 0) != 0);
  if (node.value("focused", false)) {
    fullscreen = here;
    return true;
  }
  for (const char* key : {"nodes", "floating_nodes"}) {
    auto children = node.find(key);
    if (children == node.end() || !children->is_array()) continue;
    for (const nlohmann::json& child : *children) {
      if (FindFocused(child, here, fullscreen)) return true;
    }
  }
  return false;
}

// One IPC message: magic, payload length and type (native byte order), payload.
std::string Message(std::uint32_t type, std::string_view payload) {
  std::string message(kMagic);
  const auto length = static_cast<std::uint32_t>(payload.size());
  message.append(reinterpret_cast<const char*>(&length), 4);
  message.append(reinterpret_cast<const char*>(&type), 4);
  message.append(payload);
  return message;
}

class SwayFullscreenSource : public BusySource {
 public:
  explicit SwayFullscreenSource(stream_protocol::socket socket) : socket_(std::move(socket)) {}
  std::string_view Name() const override { return "sway-fullscreen"; }
  std::string_view Watches() const override {
    return TrNoop("fullscreen_mode of the focused container over sway's IPC");
  }

  void Start(Callback callback) override {
    report_.SetCallback(std::move(callback));
    Send(kSubscribe, R"(["window","workspace"])");
    AskTree();
    ReadHeader();
  }

 private:
  void Send(std::uint32_t type, std::string_view payload) {
    boost::system::error_code error;
    boost::asio::write(socket_, boost::asio::buffer(Message(type, payload)), error);
    if (error) Lost();
  }

  // One GET_TREE at a time: an event while one is asked only marks it stale.
  void AskTree() {
    if (asking_) {
      stale_ = true;
      return;
    }
    asking_ = true;
    Send(kGetTree, "");
  }

  void ReadHeader() {
    boost::asio::async_read(
        socket_, boost::asio::buffer(header_),
        [this, alive = std::weak_ptr<bool>(alive_)](boost::system::error_code error, std::size_t) {
          if (!alive.lock()) return;
          if (error || std::string_view(header_.data(), kMagic.size()) != kMagic) return Lost();
          std::uint32_t length = 0;
          std::memcpy(&length, header_.data() + kMagic.size(), 4);
          std::memcpy(&type_, header_.data() + kMagic.size() + 4, 4);
          body_.assign(length, '\0');
          ReadBody();
        });
  }

  void ReadBody() {
    boost::asio::async_read(
        socket_, boost::asio::buffer(body_),
        [this, alive = std::weak_ptr<bool>(alive_)](boost::system::error_code error, std::size_t) {
          if (!alive.lock()) return;
          if (error) return Lost();
          Handle();
          if (socket_.is_open()) ReadHeader();
        });
  }

  void Handle() {
    if ((type_ & kEventBit) != 0) {
      if (SwayEventMayChangeFullscreen(body_)) AskTree();
      return;
    }
    if (type_ != kGetTree) return;  // the SUBSCRIBE reply
    asking_ = false;
    if (stale_) {
      stale_ = false;
      return AskTree();
    }
    if (auto fullscreen = SwayFocusedFullscreen(body_)) Report(*fullscreen);
  }

  // sway went away (or spoke no IPC): nothing is fullscreen any more.
  void Lost() {
    boost::system::error_code ignored;
    socket_.close(ignored);
    Report(false);
  }

  void Report(bool fullscreen) { report_.Report(fullscreen); }

  stream_protocol::socket socket_;
  OneReasonReport report_{HoldReason::kFullscreen};
  std::array<char, kHeaderBytes> header_{};
  std::uint32_t type_ = 0;
  std::string body_;
  bool asking_ = false;
  bool stale_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guards queued handlers
};

}  // namespace

std::optional<bool> SwayFocusedFullscreen(std::string_view tree_json) {
  nlohmann::json tree = nlohmann::json::parse(tree_json, nullptr, false);
  if (!tree.is_object()) return std::nullopt;
  bool fullscreen = false;
  FindFocused(tree, false, fullscreen);
  return fullscreen;
}

bool SwayEventMayChangeFullscreen(std::string_view event_json) {
  nlohmann::json event = nlohmann::json::parse(event_json, nullptr, false);
  if (!event.is_object()) return true;  // unknown: read the tree to be sure
  const std::string change = event.value("change", "");
  return change != "title" && change != "mark" && change != "urgent" && change != "rename";
}

Result<std::unique_ptr<BusySource>> MakeSwayFullscreenBusySource(const PlatformContext& context) {
  const char* path = std::getenv("SWAYSOCK");
  if (path == nullptr || *path == '\0') {
    return Error{errc::kUnavailable, TrNoop("SWAYSOCK is not set: not a sway session")};
  }
  stream_protocol::socket socket(context.io);
  boost::system::error_code error;
  socket.connect(stream_protocol::endpoint(path), error);
  if (error) {
    // TRANSLATORS: the first %s is the path of sway's socket, the second why it failed.
    return ErrorWithText(errc::kUnavailable, TrNoop("sway's IPC at %s: %s"), path,
                         error.message().c_str());
  }
  return std::unique_ptr<BusySource>(std::make_unique<SwayFullscreenSource>(std::move(socket)));
}

}  // namespace unsit
