#include "control/peer.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

namespace unsit {
namespace {

namespace code = protocol::code;
using namespace std::chrono_literals;

// How long a closing peer may take to read its last message.
constexpr std::chrono::milliseconds kCloseGrace = 5s;

}  // namespace

Peer::Peer(Socket socket, PeerLimits limits, PeerHost* host)
    : socket_(std::move(socket)), timer_(socket_.get_executor()), limits_(limits), host_(host) {}

void Peer::Start() {
  ArmTimer(limits_.idle_timeout);
  DoRead();
}

void Peer::Refuse(const protocol::Reply& reply) { SendAndClose(reply); }

void Peer::GiveWay() {
  SendAndClose(protocol::ErrorReply(std::nullopt, code::kBusy,
                                    "Closed to make room for a newer connection; try again."));
}

void Peer::SendEvent(const std::string& line) {
  if (!subscribed_ || closing_ || closed_) return;
  if (queued_bytes_ + line.size() > limits_.max_queued_bytes) {
    Close();  // a subscriber that does not read is dropped, not buffered without end
    return;
  }
  Queue(line);
}

void Peer::Close() {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ignored;
  socket_.shutdown(Socket::shutdown_both, ignored);
  socket_.close(ignored);
  timer_.Cancel();
  out_.clear();
  queued_bytes_ = 0;
  if (host_ != nullptr) std::exchange(host_, nullptr)->PeerClosed(this);
}

void Peer::DoRead() {
  if (closing_ || closed_ || reading_) return;
  reading_ = true;
  socket_.async_read_some(
      boost::asio::buffer(chunk_),
      [self = shared_from_this()](const boost::system::error_code& ec, std::size_t bytes) {
        self->OnRead(ec, bytes);
      });
}

void Peer::OnRead(const boost::system::error_code& ec, std::size_t bytes) {
  reading_ = false;
  if (closing_ || closed_) return;
  if (ec) {
    Close();  // EOF or reset: the client is gone
    return;
  }
  if (!subscribed_) ArmTimer(limits_.idle_timeout);
  last_active_ = std::chrono::steady_clock::now();
  pending_.append(chunk_.data(), bytes);
  if (host_ != nullptr) host_->NoteBuffered(pending_.size());
  if (!ProcessLines()) return;
  if (queued_bytes_ > limits_.max_queued_bytes) {
    read_paused_ = true;  // the client does not read its replies: stop taking requests
    return;
  }
  DoRead();
}

bool Peer::ProcessLines() {
  for (;;) {
    std::size_t newline = pending_.find('\n', scanned_);
    if (newline == std::string::npos) break;
    if (newline > limits_.max_line_bytes) break;
    std::string line = pending_.substr(0, newline);
    pending_.erase(0, newline + 1);
    scanned_ = 0;
    HandleLine(line);
    if (closing_ || closed_) return false;
  }
  scanned_ = pending_.size();
  if (pending_.size() > limits_.max_line_bytes) {
    pending_.clear();
    pending_.shrink_to_fit();
    SendAndClose(protocol::ErrorReply(
        std::nullopt, code::kTooLong,
        "The line is longer than " + std::to_string(limits_.max_line_bytes) + " bytes."));
    return false;
  }
  return true;
}

void Peer::HandleLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank: ignored
  protocol::ParsedRequest parsed = protocol::ParseRequest(line);
  if (parsed.error) {
    Queue(protocol::EncodeReply(
        protocol::ErrorReply(parsed.request.id, parsed.error->code, parsed.error->message)));
    return;
  }
  if (host_ == nullptr) return;
  if (parsed.request.cmd == "subscribe" && !subscribed_ && !host_->SubscriberRoom()) {
    Queue(protocol::EncodeReply(protocol::ErrorReply(parsed.request.id, code::kBusy,
                                                     "Too many subscribers; try again later.")));
    return;
  }
  protocol::Reply reply = host_->Handle(parsed.request);
  if (closed_) return;  // the handler's broadcast may have dropped us
  if (reply.ok && parsed.request.cmd == "subscribe") {
    subscribed_ = true;
    timer_.Cancel();  // subscribers stay connected while idle
  }
  std::string encoded = protocol::EncodeReply(reply);
  if (encoded.size() > limits_.max_reply_bytes + 1) {  // + 1: the newline
    encoded = protocol::EncodeReply(protocol::ErrorReply(
        parsed.request.id, code::kInternal,
        "The reply would be longer than " + std::to_string(limits_.max_reply_bytes) + " bytes."));
  }
  Queue(std::move(encoded));
}

void Peer::Queue(std::string line) {
  queued_bytes_ += line.size();
  out_.push_back(std::move(line));
  DoWrite();
}

void Peer::DoWrite() {
  if (writing_ || closed_ || out_.empty()) return;
  writing_ = true;
  boost::asio::async_write(socket_, boost::asio::buffer(out_.front()),
                           [self = shared_from_this()](const boost::system::error_code& ec,
                                                       std::size_t) { self->OnWritten(ec); });
}

void Peer::OnWritten(const boost::system::error_code& ec) {
  writing_ = false;
  if (closed_) return;
  if (ec) {
    Close();
    return;
  }
  queued_bytes_ -= out_.front().size();
  out_.pop_front();
  if (!out_.empty()) {
    DoWrite();
  } else if (closing_) {
    Close();
  } else if (read_paused_) {
    read_paused_ = false;
    DoRead();
  }
}

void Peer::SendAndClose(const protocol::Reply& reply) {
  if (closing_ || closed_) return;
  closing_ = true;
  ArmTimer(kCloseGrace);
  Queue(protocol::EncodeReply(reply));
}

void Peer::ArmTimer(std::chrono::milliseconds after) {
  // Weak: a pending timer alone does not keep the peer alive (Close cancels it).
  Status armed = timer_.ArmAfter(after, [weak = weak_from_this()] {
    if (auto self = weak.lock()) self->OnTimer();
  });
  if (armed.ok()) return;
  if (host_ != nullptr) host_->PeerTimerFailed(armed.error());
  // A silent peer that cannot be timed out would hold its slot for good: it
  // goes now. A closing one is closed once its last message is written.
  if (!closing_) Close();
}

void Peer::OnTimer() {
  if (closed_) return;
  if (closing_) {
    Close();
  } else if (!subscribed_) {
    SendAndClose(protocol::ErrorReply(
        std::nullopt, code::kTimeout,
        "Closed after " + std::to_string(limits_.idle_timeout.count()) + " ms without a request."));
  }
}

}  // namespace unsit
