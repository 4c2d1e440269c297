#include "api/recent_sign_ins.h"

namespace sciaticare::api {

std::optional<store::SignedInSession> RecentSignIns::Find(const std::string& token_hash) const {
  std::lock_guard lock(mutex_);
  auto it = by_token_hash_.find(token_hash);
  if (it == by_token_hash_.end()) return std::nullopt;
  return it->second;
}

void RecentSignIns::Remember(const store::SignedInSession& found) {
  std::lock_guard lock(mutex_);
  auto it = by_token_hash_.find(found.session.token_hash);
  if (it != by_token_hash_.end()) {
    it->second = found;
    return;
  }
  // Which one goes does not matter: a forgotten sign-in is only looked up again.
  if (by_token_hash_.size() >= capacity_ && !by_token_hash_.empty())
    by_token_hash_.erase(by_token_hash_.begin());
  by_token_hash_.emplace(found.session.token_hash, found);
}

void RecentSignIns::Forget(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  by_token_hash_.erase(token_hash);
}

}  // namespace sciaticare::api
