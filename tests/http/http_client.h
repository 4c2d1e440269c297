// A minimal blocking HTTP/1.1 client for integration tests (Boost.Beast).
#pragma once

#include <map>
#include <string>
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace sciaticare::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // Lower-case names.
};

// The keep-alive request both test clients send to 127.0.0.1, and the answer
// turned into an HttpResult; shared by HttpClient and HttpsClient.
boost::beast::http::request<boost::beast::http::string_body> MakeRequest(
    const std::string& method, const std::string& target, const std::string& body,
    const std::map<std::string, std::string>& headers);
HttpResult ToResult(const boost::beast::http::response<boost::beast::http::string_body>& res);

// One keep-alive connection to 127.0.0.1:port, from the loopback address
// `from` when given (e.g. "127.0.0.2": another client address to the server).
class HttpClient {
 public:
  explicit HttpClient(unsigned short port, const std::string& from = "");
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});

  // Writes raw bytes and reads whatever comes back until the server closes or 2 s pass.
  std::string SendRaw(const std::string& bytes);

 private:
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace sciaticare::testing
