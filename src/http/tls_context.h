// The server's TLS settings in one place: TLS 1.2 or newer; on TLS 1.2 only
// forward-secret AEAD suites (ECDHE with AES-GCM or ChaCha20-Poly1305), in
// the server's order of preference; no renegotiation. OpenSSL's defaults
// also offer static-RSA key exchange and CBC suites, which scanners flag.
#pragma once

#include <string>

#include <boost/asio/ssl/context.hpp>

namespace sciaticare::http {

// Applies the settings above and loads the PEM certificate chain and key.
// Throws std::runtime_error naming what failed.
void ConfigureServerTls(boost::asio::ssl::context& tls, const std::string& cert_file,
                        const std::string& key_file);

}  // namespace sciaticare::http
