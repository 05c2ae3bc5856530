#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>

namespace unsit::test_support {

// Runs `io` in short slices until `done()` holds or `timeout` passed; returns
// done(). Handlers run on the calling thread; an io_context with no work is
// waited on, not spun.
bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout);

}  // namespace unsit::test_support
