// Calls and screen sharing as PipeWire sees them: a microphone capture stream
// (media.class Stream/Input/Audio, not a recording of an output) or a camera
// (Video/Source of a v4l2 or libcamera device, or media.role Camera) in the
// running state is a call; any other Video/Source running is a screen cast
// (GNOME's and the portals' streams). The registry's props pick the nodes to
// bind; each one's info props (a superset) decide. The registry and each such node's info
// events are followed; nothing is polled. The PipeWire loop's fd sits in the
// io loop. A connection costs (libpipewire's data thread, a few MiB), so the
// source is on demand: connected only between SetWatching(true) and SetWatching(false),
// and it reports once it has read the state (two core syncs: the globals,
// then the info of the nodes bound), so a call already running holds a
// reminder that falls due. PipeWire going away is free.
#include <pipewire/pipewire.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"
#include "platform/pipewire_node_class.h"

namespace unsit {
namespace {

// What a node says about the user while it runs (ClassifyPipewireNode).
std::optional<HoldReason> Classify(const spa_dict* props) {
  return ClassifyPipewireNode([props](const char* key) {
    return props == nullptr ? nullptr : spa_dict_lookup(props, key);
  });
}

// One connection to PipeWire, reporting from its first full read of the
// state on. Made by Connect; destroying it disconnects.
class PipewireLink {
 public:
  using Callback = BusySource::Callback;
  PipewireLink(boost::asio::io_context& io, pw_loop* loop, pw_context* context, pw_core* core)
      : fd_(io), loop_(loop), context_(context), core_(core) {}
  PipewireLink(const PipewireLink&) = delete;
  PipewireLink& operator=(const PipewireLink&) = delete;
  ~PipewireLink() {
    nodes_.clear();
    if (registry_ != nullptr) pw_proxy_destroy(reinterpret_cast<pw_proxy*>(registry_));
    if (core_ != nullptr) pw_core_disconnect(core_);
    pw_context_destroy(context_);
    pw_loop_destroy(loop_);
  }

  // Reports through `callback` once the state is read, then at each change.
  void Start(Callback callback) {
    callback_ = std::move(callback);
    static const pw_core_events kCoreEvents = [] {
      pw_core_events events{};  // zeroed: the events not listed are not listened to
      events.version = PW_VERSION_CORE_EVENTS;
      events.done = &OnCoreDone;
      events.error = &OnCoreError;
      return events;
    }();
    pw_core_add_listener(core_, &core_listener_, &kCoreEvents, this);
    static const pw_registry_events kRegistryEvents = [] {
      pw_registry_events events{};
      events.version = PW_VERSION_REGISTRY_EVENTS;
      events.global = &OnGlobal;
      events.global_remove = &OnGlobalRemove;
      return events;
    }();
    registry_ = pw_core_get_registry(core_, PW_VERSION_REGISTRY, 0);
    pw_registry_add_listener(registry_, &registry_listener_, &kRegistryEvents, this);
    sync_ = pw_core_sync(core_, PW_ID_CORE, 0);  // done: every global was announced
    fd_.assign(dup(pw_loop_get_fd(loop_)));
    Iterate();  // sends the requests above
    Wait();
  }

 private:
  // A node bound to follow its state; owns the proxy and the listener on it.
  struct Node {
    Node(PipewireLink* owner_in, HoldReason reason_in, pw_proxy* proxy_in)
        : owner(owner_in), reason(reason_in), proxy(proxy_in) {}
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    ~Node() {
      spa_hook_remove(&listener);
      pw_proxy_destroy(proxy);
    }
    PipewireLink* owner;
    std::optional<HoldReason> reason;  // from the node's full props once its info came
    pw_proxy* proxy;
    spa_hook listener{};
    bool running = false;
  };

  static void OnGlobal(void* data, uint32_t id, uint32_t /*permissions*/, const char* type,
                       uint32_t /*version*/, const spa_dict* props) {
    auto* self = static_cast<PipewireLink*>(data);
    if (std::strcmp(type, PW_TYPE_INTERFACE_Node) != 0) return;
    std::optional<HoldReason> reason = Classify(props);
    if (!reason) return;
    auto* proxy =
        static_cast<pw_proxy*>(pw_registry_bind(self->registry_, id, type, PW_VERSION_NODE, 0));
    if (proxy == nullptr) return;
    auto node = std::make_unique<Node>(self, *reason, proxy);
    static const pw_node_events kNodeEvents = [] {
      pw_node_events events{};
      events.version = PW_VERSION_NODE_EVENTS;
      events.info = &OnInfo;
      return events;
    }();
    pw_node_add_listener(reinterpret_cast<pw_node*>(proxy), &node->listener, &kNodeEvents,
                         node.get());
    self->nodes_[id] = std::move(node);
  }

  static void OnGlobalRemove(void* data, uint32_t id) {
    auto* self = static_cast<PipewireLink*>(data);
    if (self->nodes_.erase(id) > 0) self->Report();
  }

  static void OnInfo(void* data, const pw_node_info* info) {
    auto* node = static_cast<Node*>(data);
    // The registry's props are a subset: stream.capture.sink is only here.
    if ((info->change_mask & PW_NODE_CHANGE_MASK_PROPS) != 0) node->reason = Classify(info->props);
    if ((info->change_mask & PW_NODE_CHANGE_MASK_STATE) != 0) {
      node->running = info->state == PW_NODE_STATE_RUNNING;
    }
    node->owner->Report();
  }

  // The first done: the globals are in and the nodes bound; the second: their
  // info is in too, so the state is read.
  static void OnCoreDone(void* data, uint32_t id, int seq) {
    auto* self = static_cast<PipewireLink*>(data);
    if (id != PW_ID_CORE || seq != self->sync_ || self->ready_) return;
    if (!self->synced_globals_) {
      self->synced_globals_ = true;
      self->sync_ = pw_core_sync(self->core_, PW_ID_CORE, 0);
      return;
    }
    self->ready_ = true;
    self->Report();
  }

  static void OnCoreError(void* data, uint32_t id, int /*seq*/, int res, const char* /*message*/) {
    auto* self = static_cast<PipewireLink*>(data);
    if (id == PW_ID_CORE && res == -EPIPE) self->lost_ = true;
  }

  // Runs what PipeWire has ready; another round is posted when more may wait.
  void Iterate() {
    if (lost_) return Lose();
    pw_loop_enter(loop_);
    int rounds = 0;
    while (rounds < 64 && pw_loop_iterate(loop_, 0) > 0) ++rounds;
    pw_loop_leave(loop_);
    if (lost_) return Lose();
    if (rounds == 64) PostIterate();
  }

  // Asio's epoll registration is edge-triggered: what became ready before the
  // wait was queued raises no new edge, so look once after queueing it.
  void Wait() {
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, alive = std::weak_ptr<bool>(alive_)](boost::system::error_code error) {
                     if (error || !alive.lock() || lost_) return;
                     Iterate();
                     if (!lost_) Wait();
                   });
    pollfd probe{fd_.native_handle(), POLLIN, 0};
    if (poll(&probe, 1, 0) > 0) PostIterate();
  }

  void PostIterate() {
    boost::asio::post(fd_.get_executor(), [this, alive = std::weak_ptr<bool>(alive_)] {
      if (alive.lock() && !lost_) Iterate();
    });
  }

  // PipeWire left: nothing of it holds any more, and it is not watched again.
  void Lose() {
    lost_ = true;
    nodes_.clear();
    if (fd_.is_open()) fd_.close();
    Report();
  }

  void Report() {
    if (!ready_ && !lost_) return;  // not read yet
    HoldReasons reasons;
    for (const auto& [id, node] : nodes_) {
      if (node->running && node->reason) reasons.Add(*node->reason);
    }
    if (reported_ && *reported_ == reasons) return;
    reported_ = reasons;
    if (callback_) callback_(reasons);
  }

  boost::asio::posix::stream_descriptor fd_;
  pw_loop* loop_;
  pw_context* context_;
  pw_core* core_;
  pw_registry* registry_ = nullptr;
  spa_hook core_listener_{};
  spa_hook registry_listener_{};
  std::map<uint32_t, std::unique_ptr<Node>> nodes_;
  Callback callback_;
  std::optional<HoldReasons> reported_;
  int sync_ = 0;
  bool synced_globals_ = false;
  bool ready_ = false;
  bool lost_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guards queued handlers
};

// Connects to the user's PipeWire; nullptr when none answers.
std::unique_ptr<PipewireLink> Connect(boost::asio::io_context& io) {
  static const bool initialized = [] {
    pw_init(nullptr, nullptr);  // once, at the first connection
    return true;
  }();
  (void)initialized;
  pw_loop* loop = pw_loop_new(nullptr);
  if (loop == nullptr) return nullptr;
  pw_context* pw = pw_context_new(loop, nullptr, 0);
  if (pw == nullptr) {
    pw_loop_destroy(loop);
    return nullptr;
  }
  pw_core* core = pw_context_connect(pw, nullptr, 0);
  if (core == nullptr) {
    pw_context_destroy(pw);
    pw_loop_destroy(loop);
    return nullptr;
  }
  return std::make_unique<PipewireLink>(io, loop, pw, core);
}

class PipewireSource : public BusySource {
 public:
  explicit PipewireSource(boost::asio::io_context& io) : io_(io) {}
  std::string_view Name() const override { return "pipewire"; }
  std::string_view Watches() const override {
    return TrNoop("running capture streams, cameras and screen casts in PipeWire");
  }
  void Start(Callback callback) override { callback_ = std::move(callback); }
  bool OnDemand() const override { return true; }
  // PipeWire not answering now is free: nothing of it can hold.
  void SetWatching(bool on) override {
    link_.reset();
    if (!on) return;
    link_ = Connect(io_);
    if (link_ == nullptr) {
      callback_({});
      return;
    }
    link_->Start(callback_);
  }

 private:
  boost::asio::io_context& io_;
  Callback callback_;
  std::unique_ptr<PipewireLink> link_;
};

}  // namespace

// The source when PipeWire's socket is there ($PIPEWIRE_REMOTE, else
// pipewire-0 in $PIPEWIRE_RUNTIME_DIR or $XDG_RUNTIME_DIR, as libpipewire looks
// it up); it connects only when asked to watch.
Result<std::unique_ptr<BusySource>> MakePipewireBusySource(const PlatformContext& context) {
  const char* remote = std::getenv("PIPEWIRE_REMOTE");
  std::string path = remote != nullptr && *remote != '\0' ? remote : "pipewire-0";
  if (path.front() != '/') {
    const char* dir = std::getenv("PIPEWIRE_RUNTIME_DIR");
    if (dir == nullptr || *dir == '\0') dir = std::getenv("XDG_RUNTIME_DIR");
    if (dir == nullptr || *dir == '\0') {
      return Error{errc::kUnavailable, TrNoop("no runtime directory to find PipeWire's socket in")};
    }
    path = std::string(dir) + "/" + path;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISSOCK(st.st_mode)) {
    // TRANSLATORS: %s is the path of PipeWire's socket.
    return ErrorWithText(errc::kUnavailable, TrNoop("PipeWire is not running (no socket %s)"),
                         path.c_str());
  }
  return std::unique_ptr<BusySource>(std::make_unique<PipewireSource>(context.io));
}

}  // namespace unsit
