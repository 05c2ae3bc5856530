#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>

#include "control/daemon_api.h"
#include "control/instance_lock.h"
#include "control/peer.h"
#include "core/result.h"
#include "protocol/protocol.h"

namespace unsit {

struct ServerOptions {
  std::size_t max_line_bytes = protocol::kMaxLineBytes;
  // Clients that did not subscribe. A newcomer over it makes the one idle the
  // longest give way ("busy", closed); only when none is idle (all have replies
  // still unsent) is the newcomer refused "busy".
  std::size_t max_peers = 32;
  std::size_t max_subscribers = 32;  // a subscribe over it is answered "busy"
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(10);  // not for subscribers
  // Unsent replies and events per peer; a subscriber whose event would pass it
  // is dropped. Room for the largest reply and as much again of events behind it.
  std::size_t max_queued_bytes = 2 * (protocol::kMaxReplyBytes + 1);
  uid_t allowed_uid = geteuid();  // SO_PEERCRED of every peer must match
  // Told, on the io_context thread, when a peer's idle or close timer could
  // not be armed (timerfd_settime or timerfd_create failed); that peer is
  // closed at once unless it is saying goodbye already. The server does not log.
  std::function<void(const Error&)> on_timer_error;
};

// The control socket: newline-delimited JSON (unsit-ipc(7)) on a Unix stream
// socket. Frames, limits and orders; `handler` answers each valid request (see
// DispatchHandler). Lives on the io_context thread and starts no threads:
// construct, call and destroy it there; handlers run there too.
class ControlServer final : private PeerHost {
 public:
  using Handler = std::function<protocol::Reply(const protocol::Request&)>;

  ControlServer(boost::asio::io_context& io, ServerOptions options, Handler handler);
  ~ControlServer();  // Stop()
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;

  // Binds lock.socket_path() (mode 0600) and starts accepting. Holding the
  // lock proves any socket found there is stale, so it is removed first.
  Status Start(const InstanceLock& lock);
  // Closes every peer and the listening socket, and removes the socket file.
  void Stop();
  // Sends `event` to every subscriber, in order with its replies.
  void Broadcast(const protocol::Event& event);

  const std::string& socket_path() const { return socket_path_; }
  std::size_t peer_count() const { return peers_.size(); }
  std::size_t subscriber_count() const;
  // The most bytes any peer ever held as an unfinished line (tests check the bound).
  std::size_t peak_buffered_bytes() const { return peak_buffered_; }

 private:
  void DoAccept();
  void OnAccept(const boost::system::error_code& ec, Peer::Socket socket);
  protocol::Reply Handle(const protocol::Request& request) override;
  void PeerClosed(Peer* peer) override;
  bool SubscriberRoom() const override;
  void PeerTimerFailed(const Error& error) override;
  // Makes room for one more client by closing the one idle the longest; false
  // when none is idle.
  bool MakeRoom();
  void NoteBuffered(std::size_t bytes) override;

  ServerOptions options_;
  Handler handler_;
  boost::asio::local::stream_protocol::acceptor acceptor_;
  boost::asio::steady_timer accept_retry_;  // after an accept error such as EMFILE
  std::string socket_path_;
  std::vector<std::shared_ptr<Peer>> peers_;
  std::size_t peak_buffered_ = 0;
  // Handlers still queued when the server is destroyed hold a weak_ptr to this
  // and do nothing once it has expired.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

// A handler that answers with Dispatch(request, api). `api` must outlive it.
ControlServer::Handler DispatchHandler(DaemonApi& api);

}  // namespace unsit
