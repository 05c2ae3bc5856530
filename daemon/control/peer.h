#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/local/stream_protocol.hpp>

#include "loop/boot_timer.h"
#include "protocol/protocol.h"

// One connection of the control server. Internal to unsit_control; everything
// runs on the io_context thread.
namespace unsit {

class Peer;

// What a peer needs from its server. Outlives the peer's registration: the
// server calls Peer::Detach before it goes away.
class PeerHost {
 public:
  virtual protocol::Reply Handle(const protocol::Request& request) = 0;
  virtual void PeerClosed(Peer* peer) = 0;
  virtual void NoteBuffered(std::size_t bytes) = 0;
  // Whether one more peer may subscribe.
  virtual bool SubscriberRoom() const = 0;
  // The peer's timer could not be armed (`error`); the peer closes at once
  // after this call unless it is already closing.
  virtual void PeerTimerFailed(const Error& error) = 0;

 protected:
  ~PeerHost() = default;
};

struct PeerLimits {
  std::size_t max_line_bytes;
  std::chrono::milliseconds idle_timeout;  // not applied to subscribers
  std::size_t max_queued_bytes;            // unsent replies/events; over it a subscriber is dropped
  // The longest reply line sent, newline excluded; a longer one is replaced by
  // the error `internal` (a bug: every verb bounds its reply).
  std::size_t max_reply_bytes = protocol::kMaxReplyBytes;
};

class Peer : public std::enable_shared_from_this<Peer> {
 public:
  using Socket = boost::asio::local::stream_protocol::socket;

  Peer(Socket socket, PeerLimits limits, PeerHost* host);

  // Starts reading requests.
  void Start();
  // Sends `reply` as the only message, then closes (refused peers).
  void Refuse(const protocol::Reply& reply);
  // Queues one encoded event line if this peer subscribed; drops a slow peer.
  void SendEvent(const std::string& line);
  // Says "busy" and closes, to make room for a newer peer.
  void GiveWay();
  // Forgets the host; the peer then only winds down.
  void Detach() { host_ = nullptr; }
  void Close();

  bool subscribed() const { return subscribed_; }
  bool closed() const { return closed_; }
  bool closing() const { return closing_ || closed_; }
  // Nothing left to send: closing it loses no reply.
  bool idle() const { return out_.empty() && !closing(); }
  // When it last sent bytes (or connected).
  std::chrono::steady_clock::time_point last_active() const { return last_active_; }

 private:
  void DoRead();
  void OnRead(const boost::system::error_code& ec, std::size_t bytes);
  // Handles every complete line in pending_; false when the peer is closing.
  bool ProcessLines();
  void HandleLine(std::string_view line);
  void Queue(std::string line);
  void DoWrite();
  void OnWritten(const boost::system::error_code& ec);
  // Queues `reply`, stops reading and closes once it is written (or after a grace time).
  void SendAndClose(const protocol::Reply& reply);
  void ArmTimer(std::chrono::milliseconds after);
  void OnTimer();

  Socket socket_;
  BootTimer timer_;  // idle timeout or close grace; never Asio's shared timerfd
  PeerLimits limits_;
  PeerHost* host_;
  std::array<char, 8192> chunk_{};
  std::string pending_;      // bytes received after the last newline
  std::size_t scanned_ = 0;  // prefix of pending_ known to hold no newline
  std::deque<std::string> out_;
  std::size_t queued_bytes_ = 0;
  std::chrono::steady_clock::time_point last_active_ = std::chrono::steady_clock::now();
  bool writing_ = false;
  bool reading_ = false;
  bool read_paused_ = false;
  bool subscribed_ = false;
  bool closing_ = false;
  bool closed_ = false;
};

}  // namespace unsit
