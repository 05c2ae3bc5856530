#pragma once

#include <chrono>
#include <string>

#include "core/result.h"
#include "protocol/protocol.h"

// A blocking client of the control socket (plain POSIX: the CLI must start fast).
namespace unsit::cli {

// The CLI's exit codes (unsit(1)).
enum ExitCode : int {
  kExitOk = 0,
  kExitRefused = 1,  // the daemon answered with an error
  kExitUsage = 2,
  kExitUnreachable = 3,  // not running, or not answering
  kExitMismatch = 4,     // protocol versions differ
};

// What a failed call tells the user, and how the CLI should exit.
struct Failure {
  int exit_code;
  std::string message;  // complete; printed as is
};

class Connection {
 public:
  // Connects to `socket_path`. Failure: kExitUnreachable with how to start unsitd.
  static Result<Connection> Open(const std::string& socket_path);
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  int fd() const { return fd_; }
  // Sends one request line; false when the daemon has gone.
  bool Send(const protocol::Request& request);
  // The next message, waiting at most `timeout` (negative: forever). Lines up
  // to protocol::kMaxReplyBytes are accepted. Errors: code "closed" (the daemon
  // went away), "timeout", "too_long", or a parse error.
  Result<protocol::ServerMessage> Read(std::chrono::milliseconds timeout);

 private:
  explicit Connection(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::string buffer_;       // received, not yet returned
  std::size_t scanned_ = 0;  // prefix of buffer_ known to hold no newline
};

// Sends one request on a fresh connection and waits for its reply (10 s at
// most). The result object on success; otherwise a Failure ready to print.
struct CallResult {
  bool ok = false;
  protocol::Json result;
  Failure failure{kExitOk, ""};
};
CallResult Call(const std::string& socket_path, const std::string& cmd,
                protocol::Json args = protocol::Json::object());

// Turns an error reply into a Failure (protocol mismatch: kExitMismatch with
// both versions; anything else: kExitRefused with the daemon's message).
Failure FailureOf(const protocol::Reply& reply);

// The message for a daemon that cannot be reached at `socket_path`.
std::string UnreachableMessage(const std::string& socket_path, const std::string& why);

}  // namespace unsit::cli
