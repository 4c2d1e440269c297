#include "auth/credentials.h"

#include <sodium.h>

#include <stdexcept>

namespace sciaticare::auth {
namespace {

std::string Hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

bool InitCrypto() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string HashPassword(std::string_view password, HashCost cost) {
  if (!InitCrypto()) throw std::runtime_error("libsodium failed to start");
  char out[crypto_pwhash_STRBYTES];
  const bool fast = cost == HashCost::kFastForTests;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory hashing a password");
  }
  return out;
}

bool VerifyPassword(std::string_view password, std::string_view hash) {
  if (!InitCrypto() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  if (!InitCrypto()) throw std::runtime_error("libsodium failed to start");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string HashToken(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return Hex(digest, sizeof digest);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sciaticare::auth
