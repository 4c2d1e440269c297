// The Store contract for units of work (Store::Atomically) and the answers
// kept under Idempotency-Keys: a unit whose audit entry cannot be appended
// stores nothing of its write, for every kind of write the API makes; a
// session note and its audit entry are committed together or not at all; one
// user's key is kept once, even when two units race for it. Runs on every
// backend (store_contract.h).
#include <atomic>
#include <future>
#include <thread>

#include "store/kept_answer.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kNow[] = "2026-11-23T09:00:00Z";
constexpr char kLongAgo[] = "2026-11-20T09:00:00Z";

// An entry the store refuses (an audit entry needs an action).
AuditEntry InvalidEntry(Id clinic) {
  AuditEntry e;
  e.clinic_id = clinic;
  e.at = kNow;
  e.entity = "anything";
  return e;
}

AuditEntry EntryFor(Id clinic, const std::string& entity, Id id) {
  AuditEntry e = InvalidEntry(clinic);
  e.action = "create";
  e.entity = entity;
  e.entity_id = std::to_string(id);
  return e;
}

}  // namespace

// Every kind of write the API makes, in a unit with an audit entry the store
// refuses: the unit fails with the entry's error and nothing is stored.
TEST_P(StoreContractTest, AUnitWhoseAuditEntryFailsStoresNothingOfItsWrite) {
  PlanRecord draft = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kNow)));
  SessionNote note =
      Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kNow)));
  Appointment appointment =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNow)));
  const Id other_patient = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace"))).id;
  auto state = [&] {
    std::string s;
    s += std::to_string(Must(store_->ListPatients(a_.id, {})).total) + ";";
    s += std::to_string(Must(store_->GetPatient(a_.id, patient_a_.id)).version) + ";";
    s += std::to_string(Must(store_->ListAssessments(a_.id, patient_a_.id)).size()) + ";";
    for (const PlanRecord& p : Must(store_->ListPlans(a_.id, patient_a_.id)))
      s += std::to_string(p.version) + std::string(ToString(p.status)) + ",";
    s += ";" + std::to_string(Must(store_->ListSessionNotes(a_.id, patient_a_.id, {})).total);
    s += ";" + std::to_string(Must(store_->GetSessionNote(a_.id, note.id)).version);
    s += ";" + std::to_string(Must(store_->ListPatientAppointments(a_.id, patient_a_.id)).size());
    s += ";" + std::to_string(Must(store_->GetAppointment(a_.id, appointment.id)).version);
    s += ";" + std::to_string(Must(store_->ListUsers(a_.id)).size());
    s += ";" + std::to_string(store_->GetTherapistProfile(a_.id, therapist_a_.id).ok());
    s += ";" + std::to_string(Must(store_->ListApiTokens(a_.id, admin_a_.id)).size());
    s += ";" + std::to_string(Must(store_->ListAudit(a_.id, {})).total);
    return s;
  };
  using Write = std::function<StoreStatus()>;
  auto status = [](auto result) -> StoreStatus {
    if (!result.ok()) return result.error();
    return Done{};
  };
  const std::vector<std::pair<std::string, Write>> writes = {
      {"create patient",
       [&] { return status(store_->CreatePatient(NewPatient(a_.id, "X", "Y"))); }},
      {"update patient",
       [&] {
         Patient p = Must(store_->GetPatient(a_.id, patient_a_.id));
         p.notes = "changed";
         return status(store_->UpdatePatient(p, p.version, {desk_a_.id, kNow, ""}));
       }},
      {"create assessment",
       [&] {
         return status(
             store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kNow)));
       }},
      {"create plan",
       [&] {
         return status(store_->CreatePlan(
             NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kNow)));
       }},
      {"approve plan",
       [&] { return status(store_->ApprovePlan(a_.id, draft.id, 1, therapist_a_.id, kNow)); }},
      {"create note",
       [&] {
         return status(
             store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kNow)));
       }},
      {"update note",
       [&] {
         SessionNote n = Must(store_->GetSessionNote(a_.id, note.id));
         n.subjective = "changed";
         return status(store_->UpdateSessionNote(n, n.version));
       }},
      {"create appointment",
       [&] {
         // Another therapist and patient: the first appointment holds both at kNow.
         return status(
             store_->CreateAppointment(NewAppointment(a_.id, other_patient, admin_a_.id, kNow)));
       }},
      {"appointment status",
       [&] {
         return status(store_->UpdateAppointmentStatus(a_.id, appointment.id,
                                                       AppointmentStatus::kCancelled, 1));
       }},
      {"create user",
       [&] {
         User u = Must(store_->GetUser(a_.id, therapist_a_.id));
         u.id = 0;
         u.email = "unit@a.example";
         return status(store_->CreateUser(u));
       }},
      {"update user",
       [&] {
         UserUpdate update;
         update.active = false;
         return status(store_->UpdateUser(a_.id, desk_a_.id, update));
       }},
      {"therapist profile",
       [&] {
         TherapistProfile p;
         p.clinic_id = a_.id;
         p.user_id = therapist_a_.id;
         p.bio = "Calm hands.";
         return status(store_->UpsertTherapistProfile(p));
       }},
      {"create token",
       [&] {
         ApiToken t;
         t.clinic_id = a_.id;
         t.user_id = admin_a_.id;
         t.name = "unit";
         t.token_hash = "unit-hash";
         t.created_at = kNow;
         return status(store_->CreateApiToken(t));
       }},
      {"keep an answer",
       [&] { return store_->SaveIdempotentAnswer(AnswerFor(admin_a_, "k", kNow), kLongAgo); }},
  };
  for (const auto& [name, write] : writes) {
    SCOPED_TRACE(name);
    const std::string before = state();
    StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
      StoreStatus written = write();
      EXPECT_TRUE(written.ok()) << written.error().ToString();
      if (!written.ok()) return written;
      StoreResult<AuditEntry> appended = store_->AppendAudit(InvalidEntry(a_.id));
      if (!appended.ok()) return appended.error();
      return Done{};
    });
    ASSERT_FALSE(unit.ok());
    EXPECT_EQ(unit.error().kind, StoreErrorKind::kInvalid);
    EXPECT_EQ(unit.error().field, "action");
    EXPECT_EQ(state(), before);
    EXPECT_FALSE(store_->GetIdempotentAnswer(a_.id, admin_a_.id, "k").ok());
    // The same write with a valid entry is stored with it.
    StoreStatus kept = store_->Atomically([&]() -> StoreStatus {
      StoreStatus written = write();
      if (!written.ok()) return written;
      return status(store_->AppendAudit(EntryFor(a_.id, "unit", 1)));
    });
    ASSERT_TRUE(kept.ok()) << kept.error().ToString();
    EXPECT_NE(state(), before);
  }
}

// A unit sees its own writes, a unit inside another joins it, and what a
// unit committed survives a reopen.
TEST_P(StoreContractTest, AUnitReadsItsOwnWritesAndCommitsThemTogether) {
  Id created = 0;
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    Patient p = Must(store_->CreatePatient(NewPatient(a_.id, "Una", "Unit")));
    created = p.id;
    EXPECT_TRUE(store_->GetPatient(a_.id, p.id).ok());
    return store_->Atomically([&]() -> StoreStatus {
      StoreResult<AuditEntry> e = store_->AppendAudit(EntryFor(a_.id, "patient", p.id));
      if (!e.ok()) return e.error();
      return Done{};
    });
  });
  ASSERT_TRUE(unit.ok()) << unit.error().ToString();
  Reopen();
  EXPECT_TRUE(store_->GetPatient(a_.id, created).ok());
  AuditQuery q;
  q.action = "create";
  const Page<AuditEntry> trail = Must(store_->ListAudit(a_.id, q));
  ASSERT_EQ(trail.total, 1);
  EXPECT_EQ(trail.items[0].entity_id, std::to_string(created));
}

// A write of one statement (which runs on its own outside a unit) made
// inside a unit is kept when the unit commits, like its other writes.
TEST_P(StoreContractTest, OneStatementWritesInAUnitAreKeptWhenItCommits) {
  const ApiToken token =
      Must(store_->CreateApiToken({0, therapist_a_.id, a_.id, "export", "tok-unit", kNow, false}));
  Id clinic = 0;
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    clinic = Must(store_->CreateClinic({0, "Unit Clinic"})).id;
    return store_->RevokeApiToken(a_.id, token.id);
  });
  ASSERT_TRUE(unit.ok()) << unit.error().ToString();
  Reopen();
  EXPECT_EQ(Must(store_->GetClinic(clinic)).name, "Unit Clinic");
  EXPECT_EQ(Outcome(store_->GetApiTokenByHash("tok-unit")), "not found");
}

// The asynchronous note and what goes with it are one unit.
TEST_P(StoreContractTest, AnAsynchronousNoteAndItsAuditEntryAreOneUnit) {
  auto create = [&](bool valid_entry) {
    std::promise<StoreResult<SessionNote>> outcome;
    store_->CreateSessionNoteAsync(
        NewNote(a_.id, patient_a_.id, therapist_a_.id, kNow),
        [&](const SessionNote& stored) -> StoreStatus {
          AuditEntry e = valid_entry ? EntryFor(a_.id, "session", stored.id) : InvalidEntry(a_.id);
          StoreResult<AuditEntry> appended = store_->AppendAudit(e);
          if (!appended.ok()) return appended.error();
          return Done{};
        },
        [&](StoreResult<SessionNote> r) { outcome.set_value(std::move(r)); });
    return outcome.get_future().get();
  };
  StoreResult<SessionNote> refused = create(false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "action");
  EXPECT_EQ(Must(store_->ListSessionNotes(a_.id, patient_a_.id, {})).total, 0);
  EXPECT_EQ(Must(store_->ListAudit(a_.id, {})).total, 0);

  SessionNote stored = Must(create(true));
  Reopen();
  EXPECT_TRUE(store_->GetSessionNote(a_.id, stored.id).ok());
  const Page<AuditEntry> trail = Must(store_->ListAudit(a_.id, {}));
  ASSERT_EQ(trail.total, 1);
  EXPECT_EQ(trail.items[0].entity_id, std::to_string(stored.id));
}

TEST_P(StoreContractTest, AnswersAreKeptOncePerUserAndKeyAndForgottenAfterTheirTime) {
  ASSERT_TRUE(store_->SaveIdempotentAnswer(AnswerFor(admin_a_, "key-1", kNow), kLongAgo).ok());
  IdempotentAnswer kept = Must(store_->GetIdempotentAnswer(a_.id, admin_a_.id, "key-1"));
  EXPECT_EQ(kept.status, 201);
  EXPECT_EQ(kept.body, R"({"id":1})");
  EXPECT_EQ(kept.headers_json, R"({"Location":"/api/v1/patients/1"})");
  EXPECT_EQ(kept.request_hash, "hash of key-1");
  EXPECT_EQ(kept.created_at, kNow);

  StoreStatus again = store_->SaveIdempotentAnswer(AnswerFor(admin_a_, "key-1", kNow), kLongAgo);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, StoreErrorKind::kConflict);
  EXPECT_EQ(again.error().field, "idempotency-key");
  // Keys are per user, and another clinic sees none of them.
  EXPECT_TRUE(store_->SaveIdempotentAnswer(AnswerFor(therapist_a_, "key-1", kNow), kLongAgo).ok());
  EXPECT_EQ(store_->GetIdempotentAnswer(b_.id, admin_a_.id, "key-1").kind(),
            StoreErrorKind::kNotFound);
  EXPECT_EQ(store_->GetIdempotentAnswer(a_.id, desk_a_.id, "key-1").kind(),
            StoreErrorKind::kNotFound);

  IdempotentAnswer bad = AnswerFor(admin_a_, std::string(201, 'k'), kNow);
  EXPECT_EQ(store_->SaveIdempotentAnswer(bad, kLongAgo).error().field, "idempotency-key");
  bad.key = "tab\there";
  EXPECT_EQ(store_->SaveIdempotentAnswer(bad, kLongAgo).error().field, "idempotency-key");

  // Keeping an answer forgets those made before `forget_before`, and only those.
  const std::string next_day = "2026-11-24T09:00:01Z";
  ASSERT_TRUE(store_->SaveIdempotentAnswer(AnswerFor(desk_a_, "key-2", next_day), kNow).ok());
  EXPECT_TRUE(store_->GetIdempotentAnswer(a_.id, admin_a_.id, "key-1").ok());
  ASSERT_TRUE(
      store_->SaveIdempotentAnswer(AnswerFor(desk_a_, "key-3", next_day), "2026-11-24T09:00:00Z")
          .ok());
  EXPECT_EQ(store_->GetIdempotentAnswer(a_.id, admin_a_.id, "key-1").kind(),
            StoreErrorKind::kNotFound);
  EXPECT_TRUE(store_->GetIdempotentAnswer(a_.id, desk_a_.id, "key-2").ok());
}

// Units racing to keep the same key: exactly one commits its write.
TEST_P(StoreContractTest, UnitsRacingForOneKeyCommitOnce) {
  constexpr int kRacers = 6;
  const std::int64_t patients_before = Must(store_->ListPatients(a_.id, {})).total;
  std::atomic<int> committed{0}, conflicts{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.emplace_back([&, i] {
      StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
        StoreResult<Patient> p =
            store_->CreatePatient(NewPatient(a_.id, "Racer" + std::to_string(i), "Race"));
        if (!p.ok()) return p.error();
        return store_->SaveIdempotentAnswer(AnswerFor(admin_a_, "race", kNow), kLongAgo);
      });
      if (unit.ok()) {
        ++committed;
      } else if (unit.error().field == "idempotency-key") {
        ++conflicts;
      }
    });
  }
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(committed.load(), 1);
  EXPECT_EQ(conflicts.load(), kRacers - 1);
  EXPECT_EQ(Must(store_->ListPatients(a_.id, {})).total, patients_before + 1);
}

}  // namespace sciaticare::store::testing
