#include <fcntl.h>
#include <sys/stat.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <sstream>

#include "clock/clock.h"
#include "platform/idle_scripted.h"

namespace unsit {
namespace {

// A scripted idle source. The FIFO is opened read-write so that writers coming
// and going never produce end-of-file.
class ScriptedIdleSource : public IdleSource {
 public:
  ScriptedIdleSource(boost::asio::io_context& io, int fd, SessionSink session)
      : fifo_(io, fd), session_(std::move(session)) {}

  std::string_view Name() const override { return "test"; }

  Status Start(Duration /*threshold*/, Callback callback) override {
    callback_ = std::move(callback);
    Read();
    return Ok{};
  }

  void WatchNextInput() override {}
  std::optional<Duration> IdleTime() override { return idle_; }

 private:
  void Read() {
    boost::asio::async_read_until(fifo_, buffer_, '\n',
                                  [this](const boost::system::error_code& error, std::size_t) {
                                    if (error) return;
                                    std::istream stream(&buffer_);
                                    std::string line;
                                    std::getline(stream, line);
                                    Handle(line);
                                    Read();
                                  });
  }

  void Handle(const std::string& line) {
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    if (verb == "active") {
      idle_ = Duration(0);
      callback_(IdleReport{IdleReport::Kind::kActive, {}, {}});
    } else if (verb == "idle") {
      double seconds = 0;
      words >> seconds;
      idle_ = Duration(static_cast<long>(seconds * 1000));
      callback_(IdleReport{IdleReport::Kind::kIdle, ReadBootClock() - *idle_, {}});
    } else if (verb == "lost") {
      std::string reason;
      std::getline(words, reason);
      callback_(IdleReport{IdleReport::Kind::kLost, {}, reason.empty() ? "scripted" : reason});
    } else if (session_) {
      if (verb == "lock") session_(in::Lock{});
      if (verb == "unlock") session_(in::Unlock{});
      if (verb == "sleep") session_(in::Sleep{});
      if (verb == "wake") session_(in::Wake{});
    }
  }

  boost::asio::posix::stream_descriptor fifo_;
  boost::asio::streambuf buffer_{4096};
  SessionSink session_;
  Callback callback_;
  std::optional<Duration> idle_;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeScriptedIdleSource(const PlatformContext& context) {
  const char* path = getenv("UNSIT_TEST_IDLE");
  if (path == nullptr || *path == '\0') {
    return Error{errc::kUnavailable, "UNSIT_TEST_IDLE is not set (it names the FIFO to read)"};
  }
  int fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return Error{errc::kUnavailable, std::string("cannot open ") + path + ": " + strerror(errno)};
  }
  return std::unique_ptr<IdleSource>(
      std::make_unique<ScriptedIdleSource>(context.io, fd, context.session));
}

}  // namespace unsit
