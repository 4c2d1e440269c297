// The Store contract for signed notes, on every backend (store_contract.h): a
// note is a draft until signed; a signed note refuses edits and changes only
// by an amendment, appended with the content before and after, so every
// version stays readable; amendments are checked like the note itself.
#include <random>

#include "store/records/note_amendment_records.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kWritten[] = "2026-11-23T10:00:00Z";
constexpr char kSigned[] = "2026-11-23T10:05:00Z";
constexpr char kAmended[] = "2026-11-24T08:00:00Z";

using records::NoteContentJson;

NoteAmendment Because(const std::string& reason, Id by) {
  NoteAmendment a;
  a.reason = reason;
  a.amended_by = by;
  a.amended_at = kAmended;
  return a;
}

// A note of `therapist` about `patient`, written and signed.
SessionNote SignedNote(Store& store, SessionNote draft, Id therapist) {
  SessionNote n = Must(store.CreateSessionNote(draft));
  return Must(store.SignSessionNote(n.clinic_id, n.id, n.version, therapist, kSigned));
}

TEST_P(StoreContractTest, NoteSigningANoteIsADraftUntilSignedAndSigningLocksIt) {
  SessionNote draft =
      Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kWritten)));
  EXPECT_EQ(draft.status, "draft");
  EXPECT_FALSE(draft.signed_by.has_value());
  draft.assessment = "drafts may be rewritten";
  draft = Must(store_->UpdateSessionNote(draft, 1));
  EXPECT_EQ(Outcome(store_->SignSessionNote(a_.id, draft.id, 1, therapist_a_.id, kSigned)),
            "conflict");  // A stale version.
  EXPECT_EQ(Outcome(store_->SignSessionNote(b_.id, draft.id, 2, therapist_b_.id, kSigned)),
            "not found");
  EXPECT_EQ(Outcome(store_->SignSessionNote(a_.id, draft.id, 2, desk_a_.id, kSigned)),
            "invalid");  // The front desk does not sign clinical notes.

  SessionNote signed_note =
      Must(store_->SignSessionNote(a_.id, draft.id, 2, therapist_a_.id, kSigned));
  EXPECT_EQ(signed_note.status, "signed");
  EXPECT_EQ(signed_note.signed_by, therapist_a_.id);
  EXPECT_EQ(signed_note.signed_at, kSigned);
  EXPECT_EQ(signed_note.version, 3);
  Reopen();
  SessionNote stored = Must(store_->GetSessionNote(a_.id, draft.id));
  EXPECT_EQ(stored.status, "signed");
  EXPECT_EQ(stored.signed_by, therapist_a_.id);
  EXPECT_EQ(stored.signed_at, kSigned);

  EXPECT_EQ(Outcome(store_->SignSessionNote(a_.id, draft.id, 3, therapist_a_.id, kSigned)),
            "conflict");
  stored.assessment = "rewritten after signing";
  StoreResult<SessionNote> refused = store_->UpdateSessionNote(stored, 3);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_EQ(refused.error().field, "status");
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, draft.id)).assessment, "drafts may be rewritten");
}

TEST_P(StoreContractTest, NoteSigningANoteMayBeCreatedSigned) {
  SessionNote n = NewNote(a_.id, patient_a_.id, therapist_a_.id, kWritten);
  n.status = "signed";
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "invalid");  // Signed by no one.
  n.signed_by = therapist_a_.id;
  n.signed_at = kWritten;
  SessionNote stored = Must(store_->CreateSessionNote(n));
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, stored.id)).status, "signed");
  EXPECT_EQ(Outcome(store_->UpdateSessionNote(stored, 1)), "conflict");
}

TEST_P(StoreContractTest, NoteSigningAmendmentsAreCheckedAndAppendedBesideTheOriginal) {
  SessionNote draft =
      Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kWritten)));
  SessionNote edit = draft;
  edit.assessment = "amended";
  StoreResult<SessionNote> not_yet =
      store_->AmendSessionNote(edit, 1, Because("typo", therapist_a_.id));
  ASSERT_EQ(Outcome(not_yet), "conflict");
  EXPECT_EQ(not_yet.error().field, "status");

  SessionNote original = SignedNote(
      *store_, NewNote(a_.id, patient_a_.id, therapist_a_.id, kWritten), therapist_a_.id);
  const std::string original_content = NoteContentJson(original);
  SessionNote amended = original;
  amended.leg_pain_after = 2;
  StoreResult<SessionNote> no_reason =
      store_->AmendSessionNote(amended, original.version, Because("", therapist_a_.id));
  ASSERT_EQ(Outcome(no_reason), "invalid");
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(Outcome(store_->AmendSessionNote(original, original.version,
                                             Because("nothing", therapist_a_.id))),
            "invalid");  // Changes nothing.
  EXPECT_EQ(Outcome(store_->AmendSessionNote(amended, original.version - 1,
                                             Because("stale", therapist_a_.id))),
            "conflict");
  SessionNote foreign = amended;
  foreign.clinic_id = b_.id;
  EXPECT_EQ(Outcome(store_->AmendSessionNote(foreign, original.version,
                                             Because("other clinic", therapist_b_.id))),
            "not found");
  EXPECT_TRUE(Must(store_->ListNoteAmendments(a_.id, original.id)).empty());

  SessionNote now = Must(store_->AmendSessionNote(
      amended, original.version, Because("pain after was misheard", therapist_a_.id)));
  EXPECT_EQ(now.leg_pain_after, 2);
  EXPECT_EQ(now.version, original.version + 1);
  EXPECT_EQ(now.status, "signed");
  std::vector<NoteAmendment> trail = Must(store_->ListNoteAmendments(a_.id, original.id));
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].reason, "pain after was misheard");
  EXPECT_EQ(trail[0].amended_by, therapist_a_.id);
  EXPECT_EQ(trail[0].amended_by_name, therapist_a_.display_name);
  EXPECT_EQ(trail[0].amended_at, kAmended);
  EXPECT_EQ(trail[0].note_version, now.version);
  EXPECT_EQ(trail[0].before_json, original_content);
  EXPECT_EQ(trail[0].after_json, NoteContentJson(now));
  EXPECT_EQ(Outcome(store_->ListNoteAmendments(b_.id, original.id)), "not found");
}

// A model of the note's versions, driven by random edits: after every
// amendment, version 1 is the signed original and each later version is
// exactly what that amendment made, whatever the sequence.
TEST_P(StoreContractTest, NoteSigningEveryVersionStaysReadableThroughRandomAmendments) {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 4; ++round) {
    SessionNote note = SignedNote(*store_, NewNote(a_.id, patient_a_.id, therapist_a_.id, kWritten),
                                  therapist_a_.id);
    std::vector<std::string> model = {NoteContentJson(note)};
    const int amendments = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < amendments; ++i) {
      SessionNote next = note;
      switch (rng() % 5) {
        case 0:
          next.subjective += " more";
          break;
        case 1:
          next.leg_pain_after = static_cast<int>(rng() % 11);
          break;
        case 2:
          next.oils_used = !next.oils_used;
          break;
        case 3:
          next.techniques_json = R"(["effleurage","petrissage"])";
          break;
        default:
          next.plan_text = "plan " + std::to_string(rng() % 1000);
          break;
      }
      StoreResult<SessionNote> stored =
          store_->AmendSessionNote(next, note.version, Because("round", therapist_a_.id));
      if (NoteContentJson(next) == model.back()) {
        EXPECT_EQ(Outcome(stored), "invalid");  // An edit that changes nothing.
        continue;
      }
      note = Must(std::move(stored));
      model.push_back(NoteContentJson(note));
      // A stray edit is refused and changes nothing.
      EXPECT_EQ(Outcome(store_->UpdateSessionNote(next, note.version)), "conflict");
    }
    std::vector<NoteAmendment> trail = Must(store_->ListNoteAmendments(a_.id, note.id));
    ASSERT_EQ(trail.size() + 1, model.size());
    for (std::size_t k = 0; k < trail.size(); ++k) {
      EXPECT_EQ(trail[k].before_json, model[k]) << "version " << k + 1;
      EXPECT_EQ(trail[k].after_json, model[k + 1]) << "version " << k + 2;
    }
    EXPECT_EQ(NoteContentJson(Must(store_->GetSessionNote(a_.id, note.id))), model.back());
  }
}

}  // namespace
}  // namespace sciaticare::store::testing
