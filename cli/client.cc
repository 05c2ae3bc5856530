#include "client.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::cli {
namespace {

constexpr std::chrono::milliseconds kCallTimeout = std::chrono::seconds(10);
// How long to look for the reason when the request could not be sent.
constexpr std::chrono::milliseconds kRefusalWait = std::chrono::milliseconds(200);

}  // namespace

std::string UnreachableMessage(const std::string& socket_path, const std::string& why) {
  // TRANSLATORS: the first %s is the socket's path, the second %s why it could not be reached.
  return FormatText(Tr("unsit: the daemon is not running or not answering (%s: %s).\nStart it "
                       "with: systemctl --user start unsit   (or: unsitd &)"),
                    socket_path.c_str(), why.c_str());
}

Result<Connection> Connection::Open(const std::string& socket_path) {
  sockaddr_un address{};
  if (socket_path.size() >= sizeof address.sun_path) {
    return Error{errc::kUnreachable, UnreachableMessage(socket_path, Tr("path too long"))};
  }
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return Error{errc::kUnreachable, UnreachableMessage(socket_path, std::strerror(errno))};
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, socket_path.data(), socket_path.size());
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    int err = errno;
    close(fd);
    return Error{errc::kUnreachable, UnreachableMessage(socket_path, std::strerror(err))};
  }
  return Connection(fd);
}

Connection::Connection(Connection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      scanned_(std::exchange(other.scanned_, 0)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
    scanned_ = std::exchange(other.scanned_, 0);
  }
  return *this;
}

Connection::~Connection() {
  if (fd_ >= 0) close(fd_);
}

bool Connection::Send(const protocol::Request& request) {
  std::string line = protocol::EncodeRequest(request);
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = send(fd_, line.data() + done, line.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

Result<protocol::ServerMessage> Connection::Read(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto newline = buffer_.find('\n', scanned_); newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      scanned_ = 0;
      return protocol::ParseServerMessage(line);
    }
    scanned_ = buffer_.size();  // a long reply arrives in many chunks: scan each once
    // Replies may be longer than requests (history), up to kMaxReplyBytes.
    if (buffer_.size() > protocol::kMaxReplyBytes)
      return Error{errc::kTooLong, Tr("The daemon's reply is too long.")};
    int wait_ms = -1;
    if (timeout.count() >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return Error{errc::kTimeout, Tr("The daemon did not answer in time.")};
      wait_ms = static_cast<int>(left.count());
    }
    pollfd p{fd_, POLLIN, 0};
    int ready = poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Error{errc::kTimeout, Tr("The daemon did not answer in time.")};
    char chunk[64 * 1024];
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Error{errc::kClosed, Tr("The daemon closed the connection.")};
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

Failure FailureOf(const protocol::Reply& reply) {
  if (reply.error.code == protocol::code::kProtocolMismatch ||
      reply.v != protocol::kProtocolVersion) {
    int daemon_v = reply.daemon_v.value_or(reply.v);
    return Failure{kExitMismatch,
                   FormatText(Tr("unsit: protocol mismatch: this unsit speaks v%d, the daemon "
                                 "speaks v%d. Install matching versions of unsit and unsitd."),
                              protocol::kProtocolVersion, daemon_v)};
  }
  std::string message = reply.error.message.empty() ? reply.error.code : reply.error.message;
  return Failure{kExitRefused, "unsit: " + message};
}

CallResult Call(const std::string& socket_path, const std::string& cmd, protocol::Json args) {
  CallResult call;
  auto connection = Connection::Open(socket_path);
  if (!connection) {
    call.failure = Failure{kExitUnreachable, connection.error().message};
    return call;
  }
  // A daemon that refuses us ("busy") may answer and close before the request
  // is sent: its answer is still read.
  const bool sent = connection->Send(protocol::Request{1, cmd, std::move(args)});
  for (;;) {
    auto message = connection->Read(sent ? kCallTimeout : kRefusalWait);
    if (!message) {
      const std::string why = sent ? message.error().message : std::string(Tr("connection lost"));
      call.failure = Failure{kExitUnreachable, UnreachableMessage(socket_path, why)};
      return call;
    }
    auto* reply = std::get_if<protocol::Reply>(&*message);
    if (reply == nullptr) continue;  // an event: not ours
    if (reply->ok && reply->v == protocol::kProtocolVersion) {
      call.ok = true;
      call.result = std::move(reply->result);
    } else {
      call.failure = FailureOf(*reply);
    }
    return call;
  }
}

}  // namespace unsit::cli
