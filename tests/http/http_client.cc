#include "http/http_client.h"

#include <chrono>

namespace sciaticare::testing {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

bhttp::request<bhttp::string_body> MakeRequest(const std::string& method, const std::string& target,
                                               const std::string& body,
                                               const std::map<std::string, std::string>& headers) {
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.prepare_payload();
  req.keep_alive(true);
  return req;
}

HttpResult ToResult(const bhttp::response<bhttp::string_body>& res) {
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
  }
  return out;
}

HttpClient::HttpClient(unsigned short port, const std::string& from) : stream_(ioc_) {
  if (!from.empty()) {
    stream_.socket().open(tcp::v4());
    stream_.socket().bind(tcp::endpoint(boost::asio::ip::make_address(from), 0));
  }
  stream_.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
}

HttpResult HttpClient::Send(const std::string& method, const std::string& target,
                            const std::string& body,
                            const std::map<std::string, std::string>& headers) {
  auto req = MakeRequest(method, target, body, headers);
  stream_.expires_after(std::chrono::seconds(10));
  bhttp::write(stream_, req);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  bhttp::read(stream_, buffer_, parser);
  return ToResult(parser.release());
}

std::string HttpClient::SendRaw(const std::string& bytes) {
  stream_.expires_after(std::chrono::seconds(2));
  boost::asio::write(stream_.socket(), boost::asio::buffer(bytes));
  std::string out;
  char chunk[4096];
  beast::error_code ec;
  for (;;) {
    std::size_t n = stream_.socket().read_some(boost::asio::buffer(chunk), ec);
    if (ec) break;
    out.append(chunk, n);
    if (out.find("\r\n\r\n") != std::string::npos && out.size() > 12) {
      // Enough to see the status line and headers of a short error reply.
      auto cl = out.find("Content-Length: ");
      if (cl != std::string::npos) {
        std::size_t len = std::stoul(out.substr(cl + 16));
        if (out.size() >= out.find("\r\n\r\n") + 4 + len) break;
      }
    }
  }
  return out;
}

}  // namespace sciaticare::testing
