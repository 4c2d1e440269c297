// The part of the Store interface for who works with the server and how they
// sign in: clinics, users, therapist profiles, login sessions, the login
// throttle's attempts and API tokens.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/model/accounts.h"
#include "store/store_result.h"

namespace sciaticare::store {

// The fields of a user that may change; unset ones keep their value.
struct UserUpdate {
  std::optional<Role> role;  // Not to or from kPatient: that login is tied to a patient.
  std::optional<bool> active;
  std::optional<std::string> password_hash;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Clinics. Create ignores `id` and returns the stored record.
  virtual StoreResult<Clinic> CreateClinic(const Clinic& clinic) = 0;
  virtual StoreResult<Clinic> GetClinic(Id id) = 0;

  // Users. Emails are unique across clinics (kConflict), so login needs only
  // the email: FindUserByEmail looks in every clinic. A user of role kPatient
  // must name a patient of its clinic, and only such a user may.
  virtual StoreResult<User> CreateUser(const User& user) = 0;
  virtual StoreResult<User> GetUser(Id clinic_id, Id id) = 0;
  virtual StoreResult<User> GetUserByEmail(Id clinic_id, std::string_view email) = 0;
  virtual StoreResult<User> FindUserByEmail(std::string_view email) = 0;
  virtual StoreResult<std::vector<User>> ListUsers(Id clinic_id) = 0;  // By id.
  virtual StoreResult<User> UpdateUser(Id clinic_id, Id id, const UserUpdate& update) = 0;

  // Therapist profiles, one per user of role therapist or admin.
  virtual StoreResult<TherapistProfile> UpsertTherapistProfile(const TherapistProfile& p) = 0;
  virtual StoreResult<TherapistProfile> GetTherapistProfile(Id clinic_id, Id user_id) = 0;
  virtual StoreResult<std::vector<TherapistProfile>> ListTherapistProfiles(Id clinic_id) = 0;

  // Login sessions, found by the hash of the cookie. Get reads the session
  // with its user in one go, and treats a session that has expired at `now`,
  // or whose user is deactivated, as absent. Delete is idempotent.
  virtual StoreStatus CreateAuthSession(const AuthSession& session) = 0;
  virtual StoreResult<SignedInSession> GetAuthSession(std::string_view token_hash,
                                                      std::string_view now) = 0;
  virtual StoreStatus DeleteAuthSession(std::string_view token_hash) = 0;
  // Removes sessions with expires_at <= `now`; returns how many.
  virtual StoreResult<std::int64_t> DeleteExpiredAuthSessions(std::string_view now) = 0;
  // Moves the session's last_seen_at forward to `seen_at` (never back);
  // idempotent, and a missing session is no error.
  virtual StoreStatus TouchAuthSession(std::string_view token_hash, std::string_view seen_at) = 0;

  // Login attempts, shared by every server process on the database so that
  // the throttle holds across them. Record appends one and, in the same
  // write, removes every attempt older than `prune_before`.
  virtual StoreStatus RecordLoginAttempt(const LoginAttempt& attempt,
                                         std::string_view prune_before) = 0;
  // The failures of `email_hash` from `remote_addr`, and of `remote_addr`,
  // at or after `since` (see LoginFailures).
  virtual StoreResult<LoginFailures> CountLoginFailures(std::string_view email_hash,
                                                        std::string_view remote_addr,
                                                        std::string_view since) = 0;

  // API tokens, found by hash. A revoked token is kNotFound to
  // GetApiTokenByHash but still listed, for the account page.
  virtual StoreResult<ApiToken> CreateApiToken(const ApiToken& token) = 0;
  virtual StoreResult<ApiToken> GetApiTokenByHash(std::string_view token_hash) = 0;
  virtual StoreResult<std::vector<ApiToken>> ListApiTokens(Id clinic_id, Id user_id) = 0;
  virtual StoreStatus RevokeApiToken(Id clinic_id, Id id) = 0;
};

}  // namespace sciaticare::store
