// HTTPS for the serving tests: a throwaway self-signed certificate made at
// test time (no key ever lives in the repository) and a minimal blocking
// HTTPS/1.1 client that trusts exactly that certificate.
#pragma once

#include <map>
#include <string>

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include "http/http_client.h"

namespace sciaticare::testing {

struct TlsFiles {
  std::string cert_path;  // PEM certificate for CN and SAN 127.0.0.1, valid one day.
  std::string key_path;   // PEM private key (P-256 unless asked for RSA), mode 0600.
};

enum class CertKey { kEcP256, kRsa2048 };

// Writes a fresh key and self-signed certificate into `dir`; throws on
// failure. An RSA key lets a test see whether static-RSA suites are offered.
TlsFiles MakeSelfSignedCert(const std::string& dir, CertKey key_type = CertKey::kEcP256);

// One keep-alive TLS connection to 127.0.0.1:port that verifies the server
// against `trusted_cert` (a PEM file). The handshake happens in the
// constructor, which throws when it fails.
class HttpsClient {
 public:
  HttpsClient(unsigned short port, const std::string& trusted_cert);
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});

 private:
  boost::asio::io_context ioc_;
  boost::asio::ssl::context ctx_;
  boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace sciaticare::testing
