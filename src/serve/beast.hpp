// Boost.Asio and Boost.Beast as santei serve uses them, included in one place.
#pragma once

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>, which GCC 12
// refuses in C++20: include it first.
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace santei::serve {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
}  // namespace santei::serve
