// The Store contract for what goes with a write, on every backend
// (store_contract.h): an audit entry is stored only in a clinic that is there
// (the check is the insert's own statement), alone, in a unit of work and in
// an asynchronous note's unit; and the answers kept under Idempotency-Keys
// are forgotten once their time is past, at most once per minute of
// `forget_before`, so that most writes pay no statement for it.
#include <future>
#include <string>

#include "store/kept_answer.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kAt[] = "2026-11-23T09:00:00Z";
constexpr Id kNoClinic = 999999;

AuditEntry EntryIn(Id clinic, const std::string& entity_id) {
  AuditEntry e;
  e.clinic_id = clinic;
  e.at = kAt;
  e.action = "create";
  e.entity = "session";
  e.entity_id = entity_id;
  return e;
}

}  // namespace

TEST_P(StoreContractTest, AnAuditEntryOfNoClinicIsRefusedAtClinicIdAndNothingIsStored) {
  const StoreResult<AuditEntry> alone = store_->AppendAudit(EntryIn(kNoClinic, "1"));
  ASSERT_EQ(Outcome(alone), "not found");
  EXPECT_EQ(alone.error().field, "clinic_id");
  // In a unit, after a write: the unit fails with it and keeps nothing.
  const std::int64_t patients = Must(store_->ListPatients(a_.id, {})).total;
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    Must(store_->CreatePatient(NewPatient(a_.id, "Una", "Unit")));
    StoreResult<AuditEntry> appended = store_->AppendAudit(EntryIn(kNoClinic, "2"));
    if (!appended.ok()) return appended.error();
    return Done{};
  });
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().field, "clinic_id");
  EXPECT_EQ(Must(store_->ListPatients(a_.id, {})).total, patients);
  // The clinic that is there takes the entry, with every field as given.
  AuditEntry given = EntryIn(a_.id, "3");
  given.user_id = therapist_a_.id;
  given.patient_id = patient_a_.id;
  given.remote_addr = "::1";
  given.detail = "stored";
  const AuditEntry stored = Must(store_->AppendAudit(given));
  EXPECT_GT(stored.id, 0);
  const Page<AuditEntry> trail = Must(store_->ListAudit(a_.id, {}));
  ASSERT_EQ(trail.total, 1);
  const AuditEntry& read = trail.items[0];
  EXPECT_EQ(read.id, stored.id);
  EXPECT_EQ(read.at, kAt);
  EXPECT_EQ(read.user_id, therapist_a_.id);
  EXPECT_EQ(read.patient_id, patient_a_.id);
  EXPECT_EQ(read.entity_id, "3");
  EXPECT_EQ(read.remote_addr, "::1");
  EXPECT_EQ(read.detail, "stored");
  // Unset ids are stored as NULL.
  EXPECT_FALSE(Must(store_->AppendAudit(EntryIn(a_.id, "4"))).user_id.has_value());
}

// The group commit's note member: its patient check passes, but the entry
// that goes with it names no clinic, so the whole member is refused.
TEST_P(StoreContractTest, AnAsynchronousNoteWhoseEntryNamesNoClinicStoresNothing) {
  std::promise<StoreResult<SessionNote>> outcome;
  store_->CreateSessionNoteAsync(
      NewNote(a_.id, patient_a_.id, therapist_a_.id, kAt),
      [&](const SessionNote& note) -> StoreStatus {
        StoreResult<AuditEntry> appended =
            store_->AppendAudit(EntryIn(kNoClinic, std::to_string(note.id)));
        if (!appended.ok()) return appended.error();
        return Done{};
      },
      [&](StoreResult<SessionNote> r) { outcome.set_value(std::move(r)); });
  const StoreResult<SessionNote> refused = outcome.get_future().get();
  ASSERT_EQ(Outcome(refused), "not found");
  EXPECT_EQ(refused.error().field, "clinic_id");
  EXPECT_EQ(Must(store_->ListSessionNotes(a_.id, patient_a_.id, {})).total, 0);
  EXPECT_EQ(Must(store_->ListAudit(a_.id, {})).total, 0);
}

// A note given its audit entry stores it in the note's unit, naming the
// note; when what goes with them fails, neither the note nor its entry is
// kept; an entry of no clinic refuses the whole note.
TEST_P(StoreContractTest, AnAsynchronousNoteStoresItsAuditEntryNamingItInTheSameUnit) {
  auto create = [&](const AuditEntry& entry, Store::AlsoWrite also) {
    std::promise<StoreResult<SessionNote>> outcome;
    store_->CreateSessionNoteAsync(
        NewNote(a_.id, patient_a_.id, therapist_a_.id, kAt), entry, std::move(also),
        [&](StoreResult<SessionNote> r) { outcome.set_value(std::move(r)); });
    return outcome.get_future().get();
  };
  AuditEntry entry = EntryIn(a_.id, "");
  entry.user_id = therapist_a_.id;
  entry.patient_id = patient_a_.id;
  entry.detail = "with the note";
  const SessionNote stored = Must(create(entry, nullptr));
  const Page<AuditEntry> trail = Must(store_->ListAudit(a_.id, {}));
  ASSERT_EQ(trail.total, 1);
  EXPECT_EQ(trail.items[0].entity_id, std::to_string(stored.id));
  EXPECT_EQ(trail.items[0].detail, "with the note");
  EXPECT_EQ(trail.items[0].user_id, therapist_a_.id);

  const StoreResult<SessionNote> undone = create(entry, [](const SessionNote&) -> StoreStatus {
    return Conflict("idempotency-key", "taken");
  });
  ASSERT_EQ(Outcome(undone), "conflict");
  const StoreResult<SessionNote> refused = create(EntryIn(kNoClinic, ""), nullptr);
  ASSERT_EQ(Outcome(refused), "not found");
  EXPECT_EQ(refused.error().field, "clinic_id");
  EXPECT_EQ(Must(store_->ListSessionNotes(a_.id, patient_a_.id, {})).total, 1);
  EXPECT_EQ(Must(store_->ListAudit(a_.id, {})).total, 1);
}

// Expired answers are removed by the first save and then by a save whose
// `forget_before` is a minute or more past the last removal's, and by no
// save in between: a kept answer outlives its time by under a minute.
TEST_P(StoreContractTest, ExpiredAnswersAreForgottenAtMostOnceAMinute) {
  auto kept = [&](const User& user, const std::string& key) {
    return store_->GetIdempotentAnswer(a_.id, user.id, key).ok();
  };
  // The first save removes (nothing yet) at 09:00:00.
  ASSERT_TRUE(store_
                  ->SaveIdempotentAnswer(AnswerFor(admin_a_, "early", "2026-11-23T09:00:10Z"),
                                         "2026-11-23T09:00:00Z")
                  .ok());
  // 40 s later "early" is past its time, but the last removal was 40 s ago.
  ASSERT_TRUE(store_
                  ->SaveIdempotentAnswer(AnswerFor(admin_a_, "middle", "2026-11-23T09:01:05Z"),
                                         "2026-11-23T09:00:40Z")
                  .ok());
  EXPECT_TRUE(kept(admin_a_, "early"));
  // A minute after the last removal: the expired answer goes, the others stay.
  ASSERT_TRUE(store_
                  ->SaveIdempotentAnswer(AnswerFor(therapist_a_, "late", "2026-11-23T09:01:30Z"),
                                         "2026-11-23T09:01:00Z")
                  .ok());
  EXPECT_FALSE(kept(admin_a_, "early"));
  EXPECT_TRUE(kept(admin_a_, "middle"));
  EXPECT_TRUE(kept(therapist_a_, "late"));
  // A refused save (a key already kept) is refused as before, in between.
  EXPECT_EQ(Outcome(store_->SaveIdempotentAnswer(
                AnswerFor(admin_a_, "middle", "2026-11-23T09:02:00Z"), "2026-11-23T09:01:10Z")),
            "conflict");
  // A store opened afresh removes on its first save.
  Reopen();
  ASSERT_TRUE(store_
                  ->SaveIdempotentAnswer(AnswerFor(desk_a_, "after", "2026-11-23T09:02:00Z"),
                                         "2026-11-23T09:01:20Z")
                  .ok());
  EXPECT_FALSE(kept(admin_a_, "middle"));
  EXPECT_TRUE(kept(therapist_a_, "late"));
}

}  // namespace sciaticare::store::testing
