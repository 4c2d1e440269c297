#include "http/https_client.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include <boost/beast/http.hpp>

namespace sciaticare::testing {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

void Check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("making the test certificate: ") + what);
}

void WritePem(const std::string& path, mode_t mode, int (*write)(FILE*, const void*),
              const void* object) {
  FILE* file = std::fopen(path.c_str(), "wb");
  Check(file != nullptr, "cannot open an output file");
  chmod(path.c_str(), mode);
  const int ok = write(file, object);
  std::fclose(file);
  Check(ok == 1, "cannot write PEM");
}

}  // namespace

TlsFiles MakeSelfSignedCert(const std::string& dir, CertKey key_type) {
  KeyPtr key(key_type == CertKey::kRsa2048 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256"));
  Check(key != nullptr, "key generation");
  CertPtr cert(X509_new());
  Check(cert != nullptr, "X509_new");
  Check(X509_set_version(cert.get(), 2) == 1, "version");
  Check(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1, "serial");
  Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60) != nullptr, "notBefore");
  Check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600) != nullptr, "notAfter");
  X509_NAME* name = X509_get_subject_name(cert.get());
  Check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1,
                                   0) == 1,
        "subject");
  Check(X509_set_issuer_name(cert.get(), name) == 1, "issuer");
  Check(X509_set_pubkey(cert.get(), key.get()) == 1, "public key");
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"},
                            std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    Check(ext != nullptr && X509_add_ext(cert.get(), ext.get(), -1) == 1, "extension");
  }
  Check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing");

  TlsFiles files{dir + "/cert.pem", dir + "/key.pem"};
  WritePem(
      files.key_path, 0600,
      [](FILE* f, const void* k) {
        return PEM_write_PrivateKey(f, static_cast<const EVP_PKEY*>(k), nullptr, nullptr, 0,
                                    nullptr, nullptr);
      },
      key.get());
  WritePem(
      files.cert_path, 0644,
      [](FILE* f, const void* c) { return PEM_write_X509(f, static_cast<const X509*>(c)); },
      cert.get());
  return files;
}

HttpsClient::HttpsClient(unsigned short port, const std::string& trusted_cert)
    : ctx_(ssl::context::tls_client), stream_(ioc_, ctx_) {
  ctx_.load_verify_file(trusted_cert);
  stream_.set_verify_mode(ssl::verify_peer);
  stream_.set_verify_callback(ssl::host_name_verification("127.0.0.1"));
  beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
  beast::get_lowest_layer(stream_).connect(
      tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  stream_.handshake(ssl::stream_base::client);
}

HttpResult HttpsClient::Send(const std::string& method, const std::string& target,
                             const std::string& body,
                             const std::map<std::string, std::string>& headers) {
  auto req = MakeRequest(method, target, body, headers);
  beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
  bhttp::write(stream_, req);
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream_, buffer_, res);
  return ToResult(res);
}

}  // namespace sciaticare::testing
