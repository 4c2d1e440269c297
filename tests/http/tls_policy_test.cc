// The TLS the server offers, seen by an OpenSSL client that asks for one
// suite at a time: TLS 1.2 only with forward-secret AEAD suites (ECDHE with
// AES-GCM or ChaCha20-Poly1305), never static-RSA key exchange or CBC, TLS 1.3
// as usual, nothing older than 1.2; and HSTS on every answer over TLS.
#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <string>

#include <boost/asio/ssl.hpp>

#include "http/clinic_api_fixture.h"
#include "http/https_client.h"
#include "http/router.h"
#include "http/server.h"

namespace sciaticare::testing {
namespace {

namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

// The suite negotiated by a client limited to `version` and `ciphers`
// (an OpenSSL cipher string for TLS 1.2), or "" when the handshake fails.
std::string Negotiate(unsigned short port, int version, const char* ciphers) {
  boost::asio::io_context ioc;
  ssl::context ctx(ssl::context::tls_client);
  SSL_CTX* native = ctx.native_handle();
  SSL_CTX_set_security_level(native, 0);  // The client offers whatever it is told to.
  SSL_CTX_set_min_proto_version(native, version);
  SSL_CTX_set_max_proto_version(native, version);
  if (SSL_CTX_set_cipher_list(native, ciphers) != 1) return "client cannot offer it";
  ctx.set_verify_mode(ssl::verify_none);
  ssl::stream<tcp::socket> stream(ioc, ctx);
  stream.next_layer().connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  boost::system::error_code ec;
  stream.handshake(ssl::stream_base::client, ec);
  if (ec) return "";
  return SSL_get_cipher_name(stream.native_handle());
}

class TlsPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tls_ = MakeSelfSignedCert(dir_.path().string(), CertKey::kRsa2048);
    router_.Add("GET", "/healthz",
                [](http::Request&) { return http::Response::Text(200, "ok\n"); });
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.tls_cert_file = tls_.cert_path;
    options.tls_key_file = tls_.key_path;
    server_ = std::make_unique<http::HttpServer>(options, router_);
    server_->Start();
  }
  void TearDown() override { server_->Stop(); }

  ScratchDir dir_;
  TlsFiles tls_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
};

TEST_F(TlsPolicyTest, OnlyForwardSecretAeadSuitesOnTls12) {
  const unsigned short port = server_->port();
  for (const char* refused :
       {"AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES128-SHA",
        "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA384", "DHE-RSA-AES128-GCM-SHA256"}) {
    EXPECT_EQ(Negotiate(port, TLS1_2_VERSION, refused), "") << refused << " was accepted";
  }
  for (const char* accepted : {"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
                               "ECDHE-RSA-CHACHA20-POLY1305"}) {
    EXPECT_EQ(Negotiate(port, TLS1_2_VERSION, accepted), accepted);
  }
  // A client offering a CBC suite first still gets the server's AEAD choice.
  EXPECT_EQ(Negotiate(port, TLS1_2_VERSION, "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384"),
            "ECDHE-RSA-AES256-GCM-SHA384");
  EXPECT_NE(Negotiate(port, TLS1_3_VERSION, "DEFAULT"), "");
  EXPECT_EQ(Negotiate(port, TLS1_1_VERSION, "ALL"), "");
}

TEST_F(TlsPolicyTest, EveryAnswerOverTlsCarriesHsts) {
  HttpsClient client(server_->port(), tls_.cert_path);
  for (const char* target : {"/healthz", "/nowhere"}) {
    HttpResult r = client.Send("GET", target);
    EXPECT_EQ(r.headers["strict-transport-security"], "max-age=31536000; includeSubDomains")
        << target << " " << r.status;
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << target;
  }
}

}  // namespace
}  // namespace sciaticare::testing
