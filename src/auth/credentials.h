// Passwords and secret tokens. Passwords are stored only as argon2id hashes
// (libsodium); session cookies, CSRF tokens and API tokens are random 256-bit
// values of which the database keeps only a SHA-256, so a copy of the database
// cannot be used to log in.
#pragma once

#include <string>
#include <string_view>

namespace sciaticare::auth {

// How hard argon2id works. kInteractive is libsodium's recommendation for
// logins; kFastForTests is for test suites and seeding demo data only.
enum class HashCost { kInteractive, kFastForTests };

// Calls sodium_init once; returns false when libsodium cannot start.
bool InitCrypto();

// An argon2id hash in libsodium's self-describing string form.
std::string HashPassword(std::string_view password, HashCost cost = HashCost::kInteractive);

// True when `password` matches `hash`; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view password, std::string_view hash);

// A fresh random token: 32 bytes as 64 lower-case hex digits.
std::string RandomToken();

// SHA-256 of the token as 64 hex digits: what the database stores.
std::string HashToken(std::string_view token);

// Compares two strings in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace sciaticare::auth
