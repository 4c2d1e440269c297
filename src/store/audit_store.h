// The part of the Store interface for what the API keeps of requests: the
// append-only audit trail and the answers kept under Idempotency-Keys.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "store/model/audit.h"
#include "store/store_paging.h"
#include "store/store_result.h"

namespace sciaticare::store {

// Every set filter must hold; `from` <= at < `to`. Newest entries first.
struct AuditQuery {
  std::optional<Id> user_id;
  std::optional<Id> patient_id;
  std::optional<std::string> action;
  std::optional<std::string> from;
  std::optional<std::string> to;
  PageRequest page;
};

// The answer a creating request got, kept under the Idempotency-Key its
// client sent so that a retry gets the same answer and creates nothing.
// `request_hash` tells a retry from another request reusing the key.
struct IdempotentAnswer {
  Id clinic_id = 0;
  Id user_id = 0;
  std::string key;           // 1-200 printable ASCII characters.
  std::string request_hash;  // Of the method, path and body.
  int status = 0;
  std::string body;
  std::string headers_json;  // {"Location": ..., "ETag": ...}: the headers worth replaying.
  std::string created_at;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Audit trail: append and read, nothing else. user_id, patient_id and
  // entity_id are recorded as given, even when they name nothing (a probe for
  // a missing record is worth recording).
  virtual StoreResult<AuditEntry> AppendAudit(const AuditEntry& entry) = 0;
  // As AppendAudit, but `done` is called with the outcome once the entry is
  // durable, possibly later and on another thread, so that many concurrent
  // appends can share one commit (both stores' group commits). This default
  // simply appends and answers.
  virtual void AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) {
    const Callback<AuditEntry> call = std::move(done);
    call(AppendAudit(entry));
  }
  virtual StoreResult<Page<AuditEntry>> ListAudit(Id clinic_id, const AuditQuery& query) = 0;

  // Idempotency keys (see IdempotentAnswer), one per user and key. Save keeps
  // the answer, kConflict naming "idempotency-key" when that user's key is
  // already kept, and removes the answers created before `forget_before`: the
  // first Save of a store does, then one whenever `forget_before` has moved
  // by a minute or more since the last removal, so an answer may be kept up
  // to a minute (of saves) past its time. Meant to run in the unit of work of
  // the write it answers (a removal in a unit that is undone waits for the
  // next minute's).
  virtual StoreStatus SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                           std::string_view forget_before) = 0;
  virtual StoreResult<IdempotentAnswer> GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                            std::string_view key) = 0;
};

}  // namespace sciaticare::store
