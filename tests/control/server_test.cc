#include "control/server.h"

#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "socket_client.h"

namespace unsit {
namespace {

using namespace std::chrono_literals;
using protocol::Json;
using test_support::SocketClient;
namespace code = protocol::code;

// A server on its own io_context thread, in a fresh temporary directory.
class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "unsit-srv-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~ServerTest() override {
    if (thread_.joinable()) {
      std::promise<void> done;
      boost::asio::post(io_, [this, &done] {
        server_.reset();
        done.set_value();
      });
      done.get_future().wait();
      work_.reset();
      thread_.join();
    }
    std::filesystem::remove_all(dir_);
  }

  void StartServer(ServerOptions options = {}) {
    auto lock = AcquireInstanceLock(dir_);
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    lock_.emplace(std::move(lock).value());
    server_ = std::make_unique<ControlServer>(io_, options, [this](const protocol::Request& r) {
      ++handled_;
      if (r.cmd == "echo") return protocol::OkReply(r.id, r.args);
      if (r.cmd == "big") return protocol::OkReply(r.id, Json{{"pad", Pad(r.args)}});
      if (r.cmd == "subscribe" || r.cmd == "status") return protocol::OkReply(r.id, Json::object());
      return protocol::ErrorReply(r.id, code::kUnknownCommand, "unknown");
    });
    Status started = server_->Start(*lock_);
    ASSERT_TRUE(started.ok()) << started.error().message;
    thread_ = std::thread([this] { io_.run(); });
  }

  // Runs `f` on the io_context thread and waits for it.
  template <typename F>
  auto OnIo(F f) {
    std::packaged_task<decltype(f())()> task(std::move(f));
    auto result = task.get_future();
    boost::asio::post(io_, [&task] { task(); });
    return result.get();
  }

  std::string Path() const { return dir_ + "/control.sock"; }

  // The "big" verb's reply for {"line": N}: a string that makes its line N
  // bytes long (newline excluded), like a long history.
  static std::string Pad(const Json& args) {
    static const std::size_t kEmpty =
        protocol::EncodeReply(protocol::OkReply(1, Json{{"pad", ""}})).size() - 1;
    return std::string(args.value("line", kEmpty) - kEmpty, 'b');
  }

  static Json Reply(SocketClient& client) {
    auto line = client.ReadLine();
    if (!line) return Json();
    return Json::parse(*line, nullptr, false);
  }

  static std::string Request(int id, const std::string& cmd, Json args = Json::object()) {
    return protocol::EncodeRequest(protocol::Request{id, cmd, std::move(args)});
  }

  std::string dir_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::optional<InstanceLock> lock_;
  std::unique_ptr<ControlServer> server_;
  std::thread thread_;
  int handled_ = 0;  // io thread only
};

TEST_F(ServerTest, AnswersARequest) {
  StartServer();
  SocketClient client(Path());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.Send(Request(7, "echo", Json{{"x", 1}})));
  Json reply = Reply(client);
  EXPECT_EQ(reply["v"], 1);
  EXPECT_EQ(reply["id"], 7);
  EXPECT_EQ(reply["ok"], true);
  EXPECT_EQ(reply["result"]["x"], 1);
}

TEST_F(ServerTest, SocketIsPrivateAndRemovedOnStop) {
  StartServer();
  auto perms = std::filesystem::status(Path()).permissions();
  EXPECT_EQ(perms, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  OnIo([this] { server_->Stop(); });
  EXPECT_FALSE(std::filesystem::exists(Path()));
}

TEST_F(ServerTest, ReplacesAStaleSocketFile) {
  { std::ofstream stale(Path()); }  // left by a crashed daemon; we hold the lock
  StartServer();
  SocketClient client(Path());
  EXPECT_TRUE(client.connected());
}

TEST_F(ServerTest, RepliesInOrder) {
  StartServer();
  SocketClient client(Path());
  std::string batch;
  for (int i = 0; i < 200; ++i) batch += Request(i, i % 3 == 0 ? "nope" : "echo");
  ASSERT_TRUE(client.Send(batch));
  for (int i = 0; i < 200; ++i) EXPECT_EQ(Reply(client)["id"], i);
}

TEST_F(ServerTest, GarbageGetsAnErrorAndOthersAreStillServed) {
  StartServer();
  SocketClient bad(Path());
  SocketClient good(Path());
  struct Case {
    std::string line;
    const char* code;
  };
  for (const Case& c : {Case{"garbage\n", code::kBadJson},
                        Case{"{\"v\":1,\"id\":3,\"cmd\":\"echo\"\n", code::kBadJson},
                        Case{"{\"v\":1,\"id\":\"x\",\"cmd\":\"echo\"}\n", code::kBadRequest},
                        Case{"{\"v\":1,\"cmd\":\"echo\",\"args\":5}\n", code::kBadRequest},
                        Case{"{\"v\":7,\"id\":4,\"cmd\":\"echo\"}\n", code::kProtocolMismatch},
                        Case{std::string("\x00\xff\xfe\n", 4), code::kBadJson},
                        Case{Request(5, "dance"), code::kUnknownCommand}}) {
    ASSERT_TRUE(bad.Send(c.line));
    Json reply = Reply(bad);
    EXPECT_EQ(reply["ok"], false) << c.line;
    EXPECT_EQ(reply["error"]["code"], c.code) << c.line;
  }
  ASSERT_TRUE(good.Send(Request(1, "status")));
  EXPECT_EQ(Reply(good)["ok"], true);
  ASSERT_TRUE(bad.Send(Request(2, "status")));  // the bad one is still served too
  EXPECT_EQ(Reply(bad)["ok"], true);
}

TEST_F(ServerTest, MismatchCarriesTheDaemonVersion) {
  StartServer();
  SocketClient client(Path());
  ASSERT_TRUE(client.Send("{\"v\":2,\"id\":9,\"cmd\":\"status\"}\n"));
  Json reply = Reply(client);
  EXPECT_EQ(reply["id"], 9);
  EXPECT_EQ(reply["error"]["daemon_v"], 1);
}

TEST_F(ServerTest, LineJustUnderTheLimitIsServed) {
  StartServer();
  SocketClient client(Path());
  std::string request = Request(1, "echo", Json{{"pad", ""}});
  std::size_t pad = protocol::kMaxLineBytes - request.size() + 1;  // line == kMaxLineBytes
  request = Request(1, "echo", Json{{"pad", std::string(pad, 'x')}});
  ASSERT_EQ(request.size(), protocol::kMaxLineBytes + 1);
  ASSERT_TRUE(client.Send(request));
  EXPECT_EQ(Reply(client)["ok"], true);
}

TEST_F(ServerTest, LineOverTheLimitIsAnsweredThenClosed) {
  StartServer();
  SocketClient client(Path());
  std::string request =
      Request(1, "echo", Json{{"pad", std::string(protocol::kMaxLineBytes, 'x')}});
  client.Send(request);
  Json reply = Reply(client);
  EXPECT_EQ(reply["error"]["code"], code::kTooLong);
  EXPECT_TRUE(client.WaitClosed());
  SocketClient other(Path());
  ASSERT_TRUE(other.Send(Request(2, "status")));
  EXPECT_EQ(Reply(other)["ok"], true);
}

TEST_F(ServerTest, TenMegabytesWithoutNewlineDoNotGrowMemory) {
  StartServer();
  SocketClient client(Path());
  std::thread writer([&client] {
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 10 && client.Send(chunk); ++i) {
    }
  });
  Json reply = Reply(client);
  writer.join();
  EXPECT_EQ(reply["error"]["code"], code::kTooLong);
  EXPECT_TRUE(client.WaitClosed());
  EXPECT_LE(OnIo([this] { return server_->peak_buffered_bytes(); }),
            protocol::kMaxLineBytes + 8192);
  EXPECT_EQ(OnIo([this] { return server_->peer_count(); }), 0u);
}

// Replies may be longer than requests: up to kMaxReplyBytes, and a subscriber
// whose events queue behind the longest reply is not dropped for it.
TEST_F(ServerTest, ReplyUpToTheReplyLimitIsSentWholeBeforeLaterEvents) {
  StartServer();
  SocketClient client(Path());
  ASSERT_TRUE(client.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(client)["ok"], true);
  ASSERT_TRUE(client.Send(Request(2, "big", Json{{"line", protocol::kMaxReplyBytes}})));
  for (int i = 0; i < 500 && OnIo([this] { return handled_; }) < 2; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  // The client reads nothing yet: most of the reply is still queued.
  OnIo([this] {
    for (int i = 0; i < 64; ++i) {
      server_->Broadcast(protocol::Event{"state", Json{{"pad", std::string(1024, 'p')}}});
    }
  });
  EXPECT_EQ(OnIo([this] { return server_->subscriber_count(); }), 1u);
  auto line = client.ReadLine();
  ASSERT_TRUE(line);
  EXPECT_EQ(line->size(), protocol::kMaxReplyBytes);
  Json reply = Json::parse(*line, nullptr, false);
  EXPECT_EQ(reply["id"], 2);
  EXPECT_EQ(reply["ok"], true);
  for (int i = 0; i < 64; ++i) ASSERT_EQ(Reply(client)["event"], "state") << i;
}

TEST_F(ServerTest, ReplyOverTheReplyLimitBecomesAnError) {
  StartServer();
  SocketClient client(Path());
  ASSERT_TRUE(client.Send(Request(1, "big", Json{{"line", protocol::kMaxReplyBytes + 1}})));
  Json reply = Reply(client);
  EXPECT_EQ(reply["id"], 1);
  EXPECT_EQ(reply["error"]["code"], code::kInternal);
  ASSERT_TRUE(client.Send(Request(2, "status")));  // the connection stays usable
  EXPECT_EQ(Reply(client)["ok"], true);
}

TEST_F(ServerTest, PeerCapMakesTheOldestIdlePeerGiveWay) {
  ServerOptions options;
  options.max_peers = 2;
  StartServer(options);
  SocketClient a(Path()), b(Path());
  for (SocketClient* c : {&a, &b}) {  // both accepted before the third connects
    ASSERT_TRUE(c->Send(Request(1, "status")));
    ASSERT_EQ(Reply(*c)["ok"], true);
  }
  SocketClient extra(Path());
  ASSERT_TRUE(extra.Send(Request(3, "status")));
  EXPECT_EQ(Reply(extra)["ok"], true) << "the newcomer is served";
  Json gave_way = Reply(a);
  EXPECT_EQ(gave_way["error"]["code"], code::kBusy) << gave_way;
  EXPECT_TRUE(a.WaitClosed()) << "the oldest idle peer gave way";
  ASSERT_TRUE(b.Send(Request(4, "status")));
  EXPECT_EQ(Reply(b)["id"], 4);
}

// 200 connections that never send a byte starve nobody: a subscriber made
// before them still gets events, and status is answered.
TEST_F(ServerTest, TwoHundredSilentPeersStarveNobody) {
  StartServer();
  SocketClient watcher(Path());
  ASSERT_TRUE(watcher.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(watcher)["ok"], true);
  std::vector<std::unique_ptr<SocketClient>> silent;
  for (int i = 0; i < 200; ++i) {
    silent.push_back(std::make_unique<SocketClient>(Path()));
    ASSERT_TRUE(silent.back()->connected());
  }
  SocketClient status(Path());
  ASSERT_TRUE(status.Send(Request(2, "status")));
  Json reply = Reply(status);
  EXPECT_EQ(reply["ok"], true) << reply;
  OnIo([this] { server_->Broadcast(protocol::Event{"state", Json{{"state", "away"}}}); });
  EXPECT_EQ(Reply(watcher)["event"], "state");
  EXPECT_LE(OnIo([this] { return server_->peer_count(); }), 2 * ServerOptions{}.max_peers + 1);
}

TEST_F(ServerTest, SubscribersHaveTheirOwnBound) {
  ServerOptions options;
  options.max_subscribers = 1;
  StartServer(options);
  SocketClient first(Path()), second(Path());
  ASSERT_TRUE(first.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(first)["ok"], true);
  ASSERT_TRUE(second.Send(Request(2, "subscribe")));
  Json refused = Reply(second);
  EXPECT_EQ(refused["error"]["code"], code::kBusy) << refused;
  EXPECT_EQ(OnIo([this] { return server_->subscriber_count(); }), 1u);
  ASSERT_TRUE(second.Send(Request(3, "status")));
  EXPECT_EQ(Reply(second)["id"], 3) << "still served as a plain client";
}

TEST_F(ServerTest, IdlePeerIsClosedButNotASubscriber) {
  ServerOptions options;
  options.idle_timeout = 200ms;
  StartServer(options);
  SocketClient idle(Path());
  SocketClient subscriber(Path());
  ASSERT_TRUE(subscriber.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(subscriber)["ok"], true);
  Json reply = Reply(idle);
  EXPECT_EQ(reply["error"]["code"], code::kTimeout);
  EXPECT_TRUE(idle.WaitClosed());
  std::this_thread::sleep_for(400ms);
  ASSERT_TRUE(subscriber.Send(Request(2, "status")));
  EXPECT_EQ(Reply(subscriber)["id"], 2);
}

// A peer whose idle timer cannot be armed would hold its slot for good: the
// server says so (the daemon logs it) and closes that peer. timerfd_settime
// cannot be made to fail on a working timerfd, so the seam is the descriptor
// limit: room for the accepted socket, none for the peer's timerfd.
TEST_F(ServerTest, PeerWhoseTimerCannotBeArmedIsReportedAndClosed) {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  // The sanitizers' runtime needs descriptors of its own (UBSan checks memory
  // through a pipe), which this test withholds from the whole process: any
  // thread's check then reports a false invalid vptr. The ci build runs it.
  GTEST_SKIP() << "needs every descriptor of the process, which the sanitizers use too";
#endif
#endif
  std::mutex mutex;
  std::vector<std::string> errors;
  ServerOptions options;
  options.on_timer_error = [&](const Error& error) {
    std::lock_guard<std::mutex> lock(mutex);
    errors.push_back(error.code + ": " + error.message);
  };
  StartServer(options);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(fd, 0);
  // The two lowest free descriptors: the server's accept takes the first.
  int first = dup(0);
  int second = dup(0);
  ASSERT_GE(second, 0);
  close(first);
  close(second);
  rlimit old{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
  rlimit tight = old;
  tight.rlim_cur = static_cast<rlim_t>(second);
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &tight), 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, Path().c_str(), sizeof address.sun_path - 1);
  int connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  // Wait until the server has accepted and given up on the peer. Nothing but
  // the mutex here while descriptors are short: a sanitizer's own checks need
  // one (UBSan tests memory through a pipe) and would report a false error.
  for (int i = 0; i < 200; ++i) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!errors.empty()) break;
    }
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
  ASSERT_EQ(connected, 0);
  pollfd hangup{fd, POLLIN, 0};
  EXPECT_EQ(poll(&hangup, 1, 5000), 1);
  char byte = 0;
  EXPECT_EQ(read(fd, &byte, 1), 0) << "closed without a reply";
  close(fd);
  {
    std::lock_guard<std::mutex> lock(mutex);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("timer: cannot set the timer"), std::string::npos) << errors[0];
  }
  EXPECT_EQ(OnIo([this] { return server_->peer_count(); }), 0u);
  SocketClient later(Path());  // descriptors are back: served as ever
  ASSERT_TRUE(later.Send(Request(1, "status")));
  EXPECT_EQ(Reply(later)["id"], 1);
}

TEST_F(ServerTest, BroadcastReachesSubscribersOnly) {
  StartServer();
  SocketClient subscriber(Path()), plain(Path());
  ASSERT_TRUE(subscriber.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(subscriber)["ok"], true);
  ASSERT_TRUE(plain.Send(Request(1, "status")));
  ASSERT_EQ(Reply(plain)["ok"], true);
  EXPECT_EQ(OnIo([this] { return server_->subscriber_count(); }), 1u);
  OnIo([this] {
    server_->Broadcast(protocol::Event{"state", Json{{"state", "away"}}});
    server_->Broadcast(protocol::Event{"pause", Json{{"paused", true}}});
  });
  Json first = Reply(subscriber);
  EXPECT_EQ(first["v"], 1);
  EXPECT_EQ(first["event"], "state");
  EXPECT_EQ(first["data"]["state"], "away");
  EXPECT_EQ(Reply(subscriber)["event"], "pause");
  EXPECT_FALSE(plain.ReadLine(200ms));
}

TEST_F(ServerTest, SlowSubscriberIsDropped) {
  ServerOptions options;
  options.max_queued_bytes = 16 * 1024;
  StartServer(options);
  SocketClient slow(Path());
  ASSERT_TRUE(slow.Send(Request(1, "subscribe")));
  ASSERT_EQ(Reply(slow)["ok"], true);
  OnIo([this] {
    for (int i = 0; i < 4000; ++i) {
      server_->Broadcast(protocol::Event{"state", Json{{"pad", std::string(1024, 'p')}}});
    }
  });
  EXPECT_EQ(OnIo([this] { return server_->subscriber_count(); }), 0u);
  EXPECT_TRUE(slow.WaitClosed());
}

TEST_F(ServerTest, OtherUsersAreRefused) {
  ServerOptions options;
  options.allowed_uid = geteuid() + 1;
  StartServer(options);
  SocketClient client(Path());
  EXPECT_EQ(Reply(client)["error"]["code"], code::kForbidden);
  EXPECT_TRUE(client.WaitClosed());
  EXPECT_EQ(OnIo([this] { return handled_; }), 0);
}

}  // namespace
}  // namespace unsit
