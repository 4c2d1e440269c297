// The PostgreSQL store under concurrency: several stores (as several server
// processes would) on one database, threads sharing one store through the
// pool, concurrent edits with one winner, plans numbered in turn, and
// connections the server kills replaced. Skipped without SCIATICARE_TEST_PG_URL.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

TEST_F(PostgresStoreTest, TwoStoresOnOneDatabaseSeeEachOthersWrites) {
  // As two server processes would: nothing is cached in either store.
  auto one = Open();
  auto two = Open();
  Id clinic = Must(one->CreateClinic({0, "A"})).id;
  User admin =
      Must(two->CreateUser({0, clinic, "admin@a.example", "Admin", Role::kAdmin, "h", {}, true}));
  EXPECT_EQ(Must(one->FindUserByEmail("ADMIN@a.example")).id, admin.id);

  Patient p = Must(two->CreatePatient(NewPatient(clinic, "Shared")));
  p.notes = "edited through one";
  Must(one->UpdatePatient(p, 1, {admin.id, kT0, ""}));
  // The other store's stale copy is refused.
  p.notes = "edited through two";
  EXPECT_EQ(Outcome(two->UpdatePatient(p, 1, {admin.id, kT0, ""})), "conflict");
  EXPECT_EQ(Must(two->GetPatient(clinic, p.id)).notes, "edited through one");

  // A login made through one store is seen, and ended, through the other.
  Must(one->CreateAuthSession({"h1", admin.id, clinic, "csrf", kT0, "2026-11-24T09:00:00Z"}));
  EXPECT_EQ(Must(two->GetAuthSession("h1", kT0)).user.id, admin.id);
  Must(two->UpdateUser(clinic, admin.id, {{}, {}, "rotated"}));
  EXPECT_EQ(Outcome(one->GetAuthSession("h1", kT0)), "not found");
  Must(two->AppendAudit({0, clinic, kT0, admin.id, "read", "patient", "1", p.id, "::1", ""}));
  EXPECT_EQ(Must(one->ListAudit(clinic, {})).total, 1);
}

TEST_F(PostgresStoreTest, ThreadsShareOneStoreThroughThePool) {
  PostgresStore::Options options;
  options.pool_size = 3;
  auto store = OpenAs("pool_test", options);
  Id clinic = Must(store->CreateClinic({0, "A"})).id;
  auto work = [&](const std::string& who) {
    for (int i = 0; i < 40; ++i) {
      Must(store->CreatePatient(NewPatient(clinic, who + std::to_string(i))));
      Must(
          store->AppendAudit({0, clinic, kT0, std::nullopt, "create", "patient", "", {}, "", who}));
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) threads.emplace_back(work, "t" + std::to_string(t));
  for (auto& t : threads) t.join();
  EXPECT_EQ(Must(store->ListPatients(clinic, {})).total, 240);
  EXPECT_EQ(Must(store->ListAudit(clinic, {})).total, 240);
  // The pool never opened more connections than allowed.
  EXPECT_LE(RawCount("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND application_name = 'pool_test'"),
            3);
}

TEST_F(PostgresStoreTest, ConcurrentEditsOfOnePatientHaveOneWinner) {
  auto setup = Open();
  Id clinic = Must(setup->CreateClinic({0, "A"})).id;
  Patient p = Must(setup->CreatePatient(NewPatient(clinic, "Contested")));
  User desk = Must(
      setup->CreateUser({0, clinic, "desk@a.example", "Desk", Role::kFrontDesk, "h", {}, true}));
  std::vector<std::unique_ptr<PostgresStore>> stores;
  for (int i = 0; i < 4; ++i) stores.push_back(Open());
  std::atomic<int> won{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      Patient edit = p;
      edit.notes = "edit " + std::to_string(i);
      auto r = stores[i]->UpdatePatient(edit, 1, {desk.id, kT0, ""});
      (r.ok() ? won : conflicts)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicts.load(), 3);
  EXPECT_EQ(Must(setup->GetPatient(clinic, p.id)).version, 2);
  // Only the winner's replaced values are kept.
  EXPECT_EQ(Must(setup->ListPatientVersions(clinic, p.id)).size(), 1u);
}

TEST_F(PostgresStoreTest, ConcurrentPlansOfOnePatientAreNumberedInTurn) {
  auto setup = Open();
  Id clinic = Must(setup->CreateClinic({0, "A"})).id;
  Id therapist =
      Must(setup->CreateUser({0, clinic, "t@a.example", "T", Role::kTherapist, "h", {}, true})).id;
  Id patient = Must(setup->CreatePatient(NewPatient(clinic, "Planned"))).id;
  Assessment a;
  a.clinic_id = clinic;
  a.patient_id = patient;
  a.intake_json = "{}";
  a.result_json = "{}";
  a.triage = "treat";
  a.knowledge_version = "1";
  a.created_by = therapist;
  a.created_at = kT0;
  Id assessment = Must(setup->CreateAssessment(a)).id;

  auto one = Open();
  auto two = Open();
  auto work = [&](PostgresStore* store) {
    for (int i = 0; i < 10; ++i) {
      PlanRecord plan;
      plan.clinic_id = clinic;
      plan.patient_id = patient;
      plan.assessment_id = assessment;
      plan.plan_json = "{}";
      plan.knowledge_version = "1";
      plan.created_by = therapist;
      plan.created_at = kT0;
      Must(store->CreatePlan(plan));
    }
  };
  std::thread first(work, one.get());
  std::thread second(work, two.get());
  first.join();
  second.join();
  auto plans = Must(setup->ListPlans(clinic, patient));
  ASSERT_EQ(plans.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(plans[i].version_no, i + 1);
}

TEST_F(PostgresStoreTest, ConnectionsKilledByTheServerAreReplaced) {
  auto store = OpenAs("killed_test");
  Id clinic = Must(store->CreateClinic({0, "A"})).id;
  // The server ends every connection of the store (a restart, a failover).
  EXPECT_GE(RawCount("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                     "datname = current_database() AND application_name = 'killed_test'"),
            1);
  EXPECT_EQ(Must(store->GetClinic(clinic)).name, "A");
  EXPECT_EQ(Must(store->CreatePatient(NewPatient(clinic, "After"))).family_name, "After");
}

TEST_F(PostgresStoreTest, ABatchedReadOnAConnectionKilledByTheServerRunsAgainOnANewOne) {
  auto store = OpenAs("killed_batch_test");
  Id clinic = Must(store->CreateClinic({0, "A"})).id;
  Id patient = Must(store->CreatePatient(NewPatient(clinic, "Batched"))).id;
  EXPECT_EQ(Must(store->ReadCareRecords(clinic, patient)).patient.family_name, "Batched");
  // The read's pipeline (libpq's, beside libpqxx) finds its connection gone.
  EXPECT_GE(RawCount("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                     "datname = current_database() AND application_name = 'killed_batch_test'"),
            1);
  EXPECT_EQ(Must(store->ReadCareRecords(clinic, patient)).patient.family_name, "Batched");
  EXPECT_EQ(Must(store->ReadChart(clinic, patient, 20)).patient.family_name, "Batched");
}

}  // namespace
}  // namespace sciaticare::store::testing
