#include "control/server.h"

#include <malloc.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "control/dispatch.h"
#include "protocol/paths.h"

namespace unsit {
namespace {

namespace code = protocol::code;

Error SocketError(const std::string& what, const std::string& path, const std::string& why) {
  return Error{errc::kIo, what + " " + path + ": " + why + "."};
}

// The uid of the process at the other end, or nullopt if the kernel cannot tell.
std::optional<uid_t> PeerUid(Peer::Socket& socket) {
  ucred cred{};
  socklen_t length = sizeof cred;
  if (getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &length) != 0) {
    return std::nullopt;
  }
  return cred.uid;
}

}  // namespace

ControlServer::ControlServer(boost::asio::io_context& io, ServerOptions options, Handler handler)
    : options_(options), handler_(std::move(handler)), acceptor_(io), accept_retry_(io) {}

ControlServer::~ControlServer() { Stop(); }

Status ControlServer::Start(const InstanceLock& lock) {
  const std::string& path = lock.socket_path();
  if (Status length = protocol::CheckSocketPathLength(path); !length) return length;
  if (unlink(path.c_str()) != 0 && errno != ENOENT) {
    return SocketError("Cannot remove the stale socket", path, std::strerror(errno));
  }
  boost::system::error_code ec;
  boost::asio::local::stream_protocol::endpoint endpoint(path);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor_.close();
    return SocketError("Cannot listen on", path, ec.message());
  }
  socket_path_ = path;
  // The directory is 0700 already; the mode is a second fence.
  if (chmod(path.c_str(), 0600) != 0) {
    Stop();
    return SocketError("Cannot set the mode of", path, std::strerror(errno));
  }
  DoAccept();
  return Ok{};
}

void ControlServer::Stop() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  accept_retry_.cancel();
  std::vector<std::shared_ptr<Peer>> peers;
  peers.swap(peers_);
  for (auto& peer : peers) {
    peer->Detach();
    peer->Close();
  }
  if (!socket_path_.empty()) {
    unlink(socket_path_.c_str());
    socket_path_.clear();
  }
}

void ControlServer::Broadcast(const protocol::Event& event) {
  std::string line = protocol::EncodeEvent(event);
  std::vector<std::shared_ptr<Peer>> peers = peers_;  // a slow one may drop out meanwhile
  for (auto& peer : peers) peer->SendEvent(line);
}

std::size_t ControlServer::subscriber_count() const {
  return static_cast<std::size_t>(std::count_if(
      peers_.begin(), peers_.end(), [](const auto& peer) { return peer->subscribed(); }));
}

void ControlServer::DoAccept() {
  acceptor_.async_accept([this, alive = std::weak_ptr<int>(alive_)](
                             const boost::system::error_code& ec, Peer::Socket socket) {
    if (!alive.expired()) OnAccept(ec, std::move(socket));
  });
}

void ControlServer::OnAccept(const boost::system::error_code& ec, Peer::Socket socket) {
  if (ec == boost::asio::error::operation_aborted || !acceptor_.is_open()) return;
  if (!ec) {
    PeerLimits limits{options_.max_line_bytes, options_.idle_timeout, options_.max_queued_bytes};
    std::optional<uid_t> uid = PeerUid(socket);
    if (!uid || *uid != options_.allowed_uid) {
      std::make_shared<Peer>(std::move(socket), limits, nullptr)
          ->Refuse(protocol::ErrorReply(std::nullopt, code::kForbidden,
                                        "Only the user who runs unsitd may use its socket."));
    } else if (!MakeRoom()) {
      std::make_shared<Peer>(std::move(socket), limits, nullptr)
          ->Refuse(protocol::ErrorReply(
              std::nullopt, code::kBusy,
              "Too many connections (" + std::to_string(options_.max_peers) + "); try again."));
    } else {
      auto peer = std::make_shared<Peer>(std::move(socket), limits, static_cast<PeerHost*>(this));
      peers_.push_back(peer);
      peer->Start();
    }
  }
  if (!ec) {
    DoAccept();
    return;
  }
  // Errors such as EMFILE persist for a while: retry later instead of spinning.
  accept_retry_.expires_after(std::chrono::milliseconds(100));
  accept_retry_.async_wait(
      [this, alive = std::weak_ptr<int>(alive_)](const boost::system::error_code& wait_ec) {
        if (!wait_ec && !alive.expired() && acceptor_.is_open()) DoAccept();
      });
}

bool ControlServer::MakeRoom() {
  std::size_t clients = 0;
  Peer* oldest_idle = nullptr;
  for (const auto& peer : peers_) {
    if (peer->subscribed() || peer->closing()) continue;
    ++clients;
    if (peer->idle() &&
        (oldest_idle == nullptr || peer->last_active() < oldest_idle->last_active())) {
      oldest_idle = peer.get();
    }
  }
  // Peers still saying goodbye count too, so that their number stays bounded.
  const std::size_t bound = 2 * options_.max_peers + options_.max_subscribers;
  if (clients < options_.max_peers && peers_.size() < bound) return true;
  if (oldest_idle == nullptr || peers_.size() >= bound) return false;
  oldest_idle->GiveWay();
  return true;
}

bool ControlServer::SubscriberRoom() const { return subscriber_count() < options_.max_subscribers; }

void ControlServer::PeerTimerFailed(const Error& error) {
  if (options_.on_timer_error) options_.on_timer_error(error);
}

protocol::Reply ControlServer::Handle(const protocol::Request& request) {
  return handler_(request);
}

void ControlServer::PeerClosed(Peer* peer) {
  std::erase_if(peers_, [peer](const auto& p) { return p.get() == peer; });
#ifdef __GLIBC__
  // Building a large reply (`history` over a year: ~1 MiB of heap, measured)
  // leaves free pages between live blocks that glibc keeps for good; give them
  // back when its client goes, so they do not stay resident while nobody asks.
  malloc_trim(0);
#endif
}

void ControlServer::NoteBuffered(std::size_t bytes) {
  peak_buffered_ = std::max(peak_buffered_, bytes);
}

ControlServer::Handler DispatchHandler(DaemonApi& api) {
  return [&api](const protocol::Request& request) { return Dispatch(request, api); };
}

}  // namespace unsit
