#include "platform/idle_none.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace unsit {
namespace {

// Reports the user present at start and right after every "I'm up": with no
// input information the next bout starts at once, so the schedule stays fixed.
class NoneIdleSource : public IdleSource {
 public:
  explicit NoneIdleSource(boost::asio::io_context& io) : io_(io) {}

  std::string_view Name() const override { return "none"; }

  Status Start(Duration /*threshold*/, Callback callback) override {
    callback_ = std::move(callback);
    WatchNextInput();
    return Ok{};
  }

  void WatchNextInput() override {
    boost::asio::post(io_, [this] {
      if (callback_) callback_(IdleReport{IdleReport::Kind::kActive, {}, {}});
    });
  }

  std::optional<Duration> IdleTime() override { return std::nullopt; }

 private:
  boost::asio::io_context& io_;
  Callback callback_;
};

}  // namespace

Result<std::unique_ptr<IdleSource>> MakeNoneIdleSource(const PlatformContext& context) {
  return std::unique_ptr<IdleSource>(std::make_unique<NoneIdleSource>(context.io));
}

}  // namespace unsit
