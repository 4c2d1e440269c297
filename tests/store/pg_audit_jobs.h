// Helpers for the PostgreSQL audit batch tests: an entry, the job that
// appends it as the store's asynchronous append does, a hold that keeps a
// group commit's writer busy so that what is submitted queues into one
// batch, and a fixture with a store, a clinic and its stored entries.
#pragma once

#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>
#include <vector>

#include "pg_test_database.h"
#include "store/postgres/postgres_group_commit.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_store.h"
#include "store/records/audit_records.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {

inline AuditEntry Entry(Id clinic, const std::string& detail) {
  AuditEntry e;
  e.clinic_id = clinic;
  e.at = "2026-11-23T09:00:00Z";
  e.action = "read";
  e.entity = "chart";
  e.entity_id = "7";
  e.remote_addr = "::1";
  e.detail = detail;
  return e;
}

// A job appending `entry` alone, as PostgresStore::AppendAuditAsync's,
// telling `outcome`.
inline PgGroupCommit::Job AppendJob(const std::shared_ptr<AuditEntry>& entry,
                                    std::promise<PgGroupCommit::Outcome>& outcome) {
  return {[entry](PgConnection& conn, PgTx& tx) -> PgGroupCommit::Outcome {
            PgSession s(conn, &tx);
            return records::InsertAudit(s, *entry);
          },
          [&outcome](PgGroupCommit::Outcome o) { outcome.set_value(std::move(o)); }, true, entry};
}

// Keeps a group commit's one writer busy until Release(): what is submitted
// meanwhile queues into one batch.
class WriterHold {
 public:
  explicit WriterHold(PgGroupCommit& group) {
    group.Submit({[this](PgConnection&, PgTx&) {
                    running_.set_value();
                    release_.get_future().wait();
                    return PgGroupCommit::Outcome{};
                  },
                  [this](PgGroupCommit::Outcome o) { held_.set_value(std::move(o)); }});
    running_.get_future().wait();
  }
  // Lets the writer go; returns the holding job's outcome.
  PgGroupCommit::Outcome Release() {
    release_.set_value();
    return held_.get_future().get();
  }

 private:
  std::promise<void> running_, release_;
  std::promise<PgGroupCommit::Outcome> held_;
};

class PgBatchAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = sciaticare::testing::PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
    url_ = sciaticare::testing::PgTestDatabase::Instance().NewSchemaUrl();
    store_ = Must(PostgresStore::Open(url_));
    clinic_ = Must(store_->CreateClinic({0, "Clinic"})).id;
  }

  std::vector<AuditEntry> Stored() {
    AuditQuery q;
    q.page.limit = kMaxPageSize;
    return Must(store_->ListAudit(clinic_, q)).items;
  }

  std::string url_;
  std::unique_ptr<PostgresStore> store_;
  Id clinic_ = 0;
};

}  // namespace sciaticare::store::testing
