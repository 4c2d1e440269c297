#include "http/tls_context.h"

#include <openssl/ssl.h>

#include <stdexcept>

namespace sciaticare::http {
namespace {

// TLS 1.3's own suites are all forward-secret AEAD already; this list is for 1.2.
constexpr char kTls12Ciphers[] =
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";

}  // namespace

void ConfigureServerTls(boost::asio::ssl::context& tls, const std::string& cert_file,
                        const std::string& key_file) {
  namespace ssl = boost::asio::ssl;
  SSL_CTX* ctx = tls.native_handle();
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1) {
    throw std::runtime_error("cannot restrict TLS to 1.2+ with forward-secret AEAD suites");
  }
  SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  try {
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    tls.use_certificate_chain_file(cert_file);
    tls.use_private_key_file(key_file, ssl::context::pem);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("cannot load TLS certificate or key: ") + e.what());
  }
}

}  // namespace sciaticare::http
