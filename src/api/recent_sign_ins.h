// The sign-ins this server found lately, by the hash of their cookie. A hint
// only, never an authority: a route that reads its records with the caller's
// sign-in (store::SignInConfirmation) may start from a remembered sign-in
// rather than look it up first, and its answer stands only if the store
// confirms that sign-in unchanged in the records' own snapshot (Api::Guard).
// Bounded, and safe to share between the server's threads.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/model/accounts.h"

namespace sciaticare::api {

class RecentSignIns {
 public:
  explicit RecentSignIns(std::size_t capacity) : capacity_(capacity) {}

  std::optional<store::SignedInSession> Find(const std::string& token_hash) const;
  // Keeps `found` under its token hash, in place of what was kept; when full,
  // some other sign-in is forgotten first.
  void Remember(const store::SignedInSession& found);
  void Forget(const std::string& token_hash);

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, store::SignedInSession> by_token_hash_;
};

}  // namespace sciaticare::api
