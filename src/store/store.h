// Store: the one interface through which the clinic server keeps its records.
// SQLite (sqlite_store.h) and PostgreSQL (postgres_store.h) implement it, and
// tests/store/store_contract.h is the behaviour both must show.
//
// Contract shared by every method:
//  - Patient data is scoped by clinic: each read and write names the clinic,
//    and a record of another clinic is kNotFound, exactly like a missing one,
//    so ids leak nothing across clinics.
//  - Records with a `version` use optimistic concurrency: an update names the
//    version it read; a stale one is kConflict and nothing is stored.
//  - Times are ISO-8601 UTC strings "YYYY-MM-DDTHH:MM:SSZ" given by the caller
//    (they order correctly as text); no record's time comes from the store's
//    clock (only the migration log notes when a migration ran).
//  - Failures are values (StoreResult); implementations do not throw.
//  - The audit trail is append-only: there is no method to change or remove an
//    entry, and the database refuses it too.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/calendar_feed_store.h"
#include "store/invitation_mail_store.h"
#include "store/mail_records.h"
#include "store/records.h"
#include "store/rooms.h"
#include "store/schedule_changes.h"
#include "store/store_result.h"

namespace sciaticare::store {

inline constexpr int kMaxPageSize = 500;

// A window on an ordered list: `limit` in [1, kMaxPageSize], `offset` >= 0.
struct PageRequest {
  int limit = 50;
  std::int64_t offset = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // Matching records in all pages.
};

struct PatientQuery {
  // Case-insensitive substring of "given family" or "family given"; empty matches all.
  std::string search;
  PageRequest page;
};

// Every set filter must hold; `from` <= at < `to`. Newest entries first.
struct AuditQuery {
  std::optional<Id> user_id;
  std::optional<Id> patient_id;
  std::optional<std::string> action;
  std::optional<std::string> from;
  std::optional<std::string> to;
  PageRequest page;
};

// The fields of a user that may change; unset ones keep their value.
struct UserUpdate {
  std::optional<Role> role;  // Not to or from kPatient: that login is tied to a patient.
  std::optional<bool> active;
  std::optional<std::string> password_hash;
};

// Which documents ReadAttention reads: asked, within the read, about each
// intake assessment's result and the approved plan's document; one answered
// false stays empty. A caller that remembers what it needs of these immutable
// documents (by record id) spares copying them on every read.
struct AttentionDocuments {
  std::function<bool(Id assessment_id)> need_result = [](Id) { return true; };
  std::function<bool(Id plan_id)> need_plan = [](Id) { return true; };
};

// Told the outcome of an asynchronous write, once, on any thread.
template <typename T>
using Callback = std::function<void(StoreResult<T>)>;

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

class Store : public CalendarFeedStore, public InvitationMailStore {
 public:
  virtual ~Store() = default;

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

  // Patients. Create sets id, version 1 and updated_at = created_at. Update
  // replaces the person fields (not clinic or created_at) of `patient.id`
  // when its version is still `expected_version`, and bumps it; in the same
  // transaction the replaced values are appended to the patient's versions
  // with `change` (by must be a user of the clinic), so no value is lost.
  virtual StoreResult<Patient> CreatePatient(const Patient& patient) = 0;
  virtual StoreResult<Patient> GetPatient(Id clinic_id, Id id) = 0;
  virtual StoreResult<Patient> UpdatePatient(const Patient& patient, int expected_version,
                                             const PatientChange& change) = 0;
  // Every earlier version of the patient's details, oldest first (the
  // current values are the patient itself); kNotFound for no such patient.
  virtual StoreResult<std::vector<PatientVersion>> ListPatientVersions(Id clinic_id,
                                                                       Id patient_id) = 0;
  // Ordered by family name, given name, id.
  virtual StoreResult<Page<Patient>> ListPatients(Id clinic_id, const PatientQuery& query) = 0;

  // Assessments: immutable once stored.
  virtual StoreResult<Assessment> CreateAssessment(const Assessment& assessment) = 0;
  virtual StoreResult<Assessment> GetAssessment(Id clinic_id, Id id) = 0;
  // Oldest first.
  virtual StoreResult<std::vector<Assessment>> ListAssessments(Id clinic_id, Id patient_id) = 0;

  // Corrections of assessments. Record keeps that `correction_id` corrects
  // `corrects_id` (both assessments of the patient, neither portal answers,
  // the correction the newer; by a user of the clinic; a reason); the name
  // of the user is kept as it reads now. kConflict when the original is
  // already corrected (naming its correction) or the correction already
  // corrects another. List: the patient's corrections, oldest first;
  // kNotFound for no such patient.
  virtual StoreResult<AssessmentCorrection> RecordAssessmentCorrection(
      const AssessmentCorrection& correction) = 0;
  virtual StoreResult<std::vector<AssessmentCorrection>> ListAssessmentCorrections(
      Id clinic_id, Id patient_id) = 0;

  // Plans. Create stores a new draft with the patient's next version_no.
  // Approve turns a draft into the patient's one approved plan and supersedes
  // every earlier draft or approved version; approving a plan that is not a
  // draft, or older than the approved one, is kConflict.
  virtual StoreResult<PlanRecord> CreatePlan(const PlanRecord& plan) = 0;
  virtual StoreResult<PlanRecord> ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                              Id approved_by, std::string_view approved_at) = 0;
  virtual StoreResult<PlanRecord> GetPlan(Id clinic_id, Id id) = 0;
  // By version_no.
  virtual StoreResult<std::vector<PlanRecord>> ListPlans(Id clinic_id, Id patient_id) = 0;
  // The approved plan; kNotFound when the patient has none.
  virtual StoreResult<PlanRecord> GetCurrentPlan(Id clinic_id, Id patient_id) = 0;

  // Units of work. Runs `work` as one transaction: every write it makes
  // through this store on the calling thread (audit entries included) is
  // committed together when it succeeds, and none is when it fails (or when a
  // read in it failed in the database), with its error returned (kInternal when
  // the commit fails). A unit begun inside another joins it. Others see nothing
  // of it until it commits; on SQLite they wait, so keep units short.
  virtual StoreStatus Atomically(const std::function<StoreStatus()>& work) = 0;

  // Session notes. Update replaces a draft's clinical content (plan_id,
  // occurred_at, SOAP text, pain ratings, techniques, oils, adverse events);
  // patient, therapist and created_at are fixed. A signed note is refused
  // with kConflict naming "status": it changes only by AmendSessionNote.
  virtual StoreResult<SessionNote> CreateSessionNote(const SessionNote& note) = 0;
  // As CreateSessionNote in a unit of work, for a caller that would rather not
  // block a thread: `also` (when set) runs in the same unit once the note is
  // stored (say, to append its audit entry, see Atomically), and its failure
  // undoes the note; `done` gets the stored note once all of it is durable.
  // Both stores commit many concurrent calls together (their group commits);
  // this default commits each call on its own.
  using AlsoWrite = std::function<StoreStatus(const SessionNote& stored)>;
  virtual void CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also,
                                      Callback<SessionNote> done) {
    const Callback<SessionNote> call = std::move(done);
    std::optional<SessionNote> stored;
    StoreStatus unit = Atomically([&]() -> StoreStatus {
      StoreResult<SessionNote> created = CreateSessionNote(note);
      if (!created.ok()) return created.error();
      if (also) {
        StoreStatus more = also(created.value());
        if (!more.ok()) return more;
      }
      stored = std::move(created).value();
      return Done{};
    });
    if (!unit.ok()) return call(unit.error());
    call(std::move(*stored));
  }
  void CreateSessionNoteAsync(const SessionNote& note, Callback<SessionNote> done) {
    CreateSessionNoteAsync(note, nullptr, std::move(done));
  }
  virtual StoreResult<SessionNote> GetSessionNote(Id clinic_id, Id id) = 0;
  virtual StoreResult<SessionNote> UpdateSessionNote(const SessionNote& note,
                                                     int expected_version) = 0;
  // Signs a draft note (kConflict naming "status" when it is signed already,
  // "version" when it changed since `expected_version`): records the signer
  // and when, locks its content, and bumps its version. `signed_by` must be
  // a therapist or admin of the clinic.
  virtual StoreResult<SessionNote> SignSessionNote(Id clinic_id, Id id, int expected_version,
                                                   Id signed_by, const std::string& signed_at) = 0;
  // Replaces a signed note's clinical content with `amended`'s, appending
  // `amendment` (reason, amended_by, amended_at) with the content before and
  // after, in one transaction. kConflict naming "status" for a draft (edit
  // it with UpdateSessionNote, which refuses signed notes the same way);
  // kInvalid naming "reason" when the reason is empty or nothing changes.
  virtual StoreResult<SessionNote> AmendSessionNote(const SessionNote& amended,
                                                    int expected_version,
                                                    const NoteAmendment& amendment) = 0;
  // A note's amendments, oldest first, with the amender's name; kNotFound
  // when the note is not in the clinic.
  virtual StoreResult<std::vector<NoteAmendment>> ListNoteAmendments(Id clinic_id,
                                                                     Id session_id) = 0;
  // Newest occurred_at first.
  virtual StoreResult<Page<SessionNote>> ListSessionNotes(Id clinic_id, Id patient_id,
                                                          const PageRequest& page) = 0;
  // The patient chart's records (see ChartRecords) with the newest
  // `session_limit` notes (1..kMaxPageSize); kNotFound when the patient is not
  // in the clinic.
  virtual StoreResult<ChartRecords> ReadChart(Id clinic_id, Id patient_id, int session_limit) = 0;
  // The clinic's attention list records (see AttentionRecords), with each
  // patient's newest `session_limit` notes (1..kMaxPageSize) and the documents
  // `documents` asks for. A clinic without patients (or none at all) has empty
  // lists.
  virtual StoreResult<AttentionRecords> ReadAttention(Id clinic_id, int session_limit,
                                                      const AttentionDocuments& documents) = 0;

  // Referrals (see Referral). Create checks that the patient, assessment,
  // session note and user are the clinic's (kNotFound otherwise) and ignores
  // `id` and `events`. AddReferralEvent appends to a referral of the clinic.
  virtual StoreResult<Referral> CreateReferral(const Referral& referral) = 0;
  virtual StoreResult<ReferralEvent> AddReferralEvent(const ReferralEvent& event) = 0;
  virtual StoreResult<Referral> GetReferral(Id clinic_id, Id id) = 0;
  // Oldest first, each with its events; kNotFound when the patient is not the clinic's.
  virtual StoreResult<std::vector<Referral>> ListReferrals(Id clinic_id, Id patient_id) = 0;

  // Whether a session note of the patient stored at or after `since` (a UTC
  // time; empty for all), other than note `except_note`, records the adverse
  // event kind "symptom_peripheralisation" (symptoms spread down the leg
  // during treatment). Answered from a partial index, not by reading notes.
  virtual StoreResult<bool> SymptomsSpreadSince(Id clinic_id, Id patient_id, std::string_view since,
                                                Id except_note) = 0;

  // Portal invitations (see PortalInvite). Create checks the patient and
  // creator are the clinic's and marks the patient's unused invitations
  // replaced, in one transaction. GetPortalInvite finds one by its token
  // hash in any clinic (the secret is the key). UsePortalInvite marks it used
  // by `user_id` at `now` when it is unused, not replaced and not expired at
  // `now`, kConflict naming "invite" otherwise; run it in one unit of work
  // with the CreateUser it completes. LatestPortalInvite: the patient's
  // newest, kNotFound when there is none.
  virtual StoreResult<PortalInvite> CreatePortalInvite(const PortalInvite& invite) = 0;
  virtual StoreResult<PortalInvite> GetPortalInvite(std::string_view token_hash) = 0;
  virtual StoreStatus UsePortalInvite(std::string_view token_hash, Id user_id,
                                      std::string_view now) = 0;
  virtual StoreResult<PortalInvite> LatestPortalInvite(Id clinic_id, Id patient_id) = 0;

  // Intake drafts (see IntakeDraft), one per patient. Save checks the
  // patient and user are the clinic's and replaces any earlier draft. Get is
  // kNotFound when the patient has none (or is not the clinic's). Discard
  // removes it and answers whether there was one; no draft is no error.
  virtual StoreResult<IntakeDraft> SaveIntakeDraft(const IntakeDraft& draft) = 0;
  virtual StoreResult<IntakeDraft> GetIntakeDraft(Id clinic_id, Id patient_id) = 0;
  virtual StoreResult<bool> DiscardIntakeDraft(Id clinic_id, Id patient_id) = 0;

  // Consent records (see ConsentRecord), append-only: there is no method to
  // change or remove one, and the database refuses it too. Append checks the
  // patient and recorder are the clinic's. List: oldest first, kNotFound when
  // the patient is not the clinic's.
  virtual StoreResult<ConsentRecord> AppendConsent(const ConsentRecord& consent) = 0;
  virtual StoreResult<std::vector<ConsentRecord>> ListConsents(Id clinic_id, Id patient_id) = 0;

  // How the clinic keeps time (records.h ClinicSettings). Get answers the
  // defaults (UTC, always open, version 0) for a clinic never set. Put
  // replaces all of it: kInvalid for an unknown time zone, a period that is
  // empty or overlaps another of its day, or a closed day that is not a date.
  virtual StoreResult<ClinicSettings> GetClinicSettings(Id clinic_id) = 0;
  virtual StoreResult<ClinicSettings> PutClinicSettings(const ClinicSettings& settings) = 0;

  // Therapists' working hours and breaks (records.h TherapistAvailability):
  // Get answers version 0 and no restriction when never set; Put replaces
  // them (kInvalid naming "hours[i]" or "breaks[i]" for a span that is empty,
  // overlaps another of its day, or a break outside working hours; kConflict
  // at "version" when `expected_version` is not the stored one). Time off:
  // List answers every period, withdrawn too, earliest first; Add refuses an
  // end before the start or an overlap with another period in force
  // (kInvalid); Withdraw keeps the row, and refuses one already withdrawn or
  // already over at `now` (kConflict). kNotFound for a user not of the
  // clinic, kInvalid for one who does not treat (not a therapist or admin).
  virtual StoreResult<TherapistAvailability> GetTherapistAvailability(Id clinic_id,
                                                                      Id therapist_id) = 0;
  virtual StoreResult<TherapistAvailability> PutTherapistAvailability(
      const TherapistAvailability& availability, int expected_version) = 0;
  virtual StoreResult<std::vector<TimeOff>> ListTimeOff(Id clinic_id, Id therapist_id) = 0;
  virtual StoreResult<TimeOff> AddTimeOff(const TimeOff& time_off) = 0;
  virtual StoreResult<TimeOff> WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                               std::string_view now) = 0;

  // Appointments. Cancelled and done are final: changing them is kConflict.
  // A booking, a request, and a request becoming booked must fall within
  // the clinic's opening hours (when it has any) and not on a closed day,
  // and within the therapist's working hours (when set), outside their breaks
  // and time off: kConflict at starts_at saying why in plain words. A room
  // named must be the clinic's and in use (kInvalid at room_id), and free
  // then (kConflict at room_id naming what is in the way).
  virtual StoreResult<Appointment> CreateAppointment(const Appointment& appointment) = 0;
  virtual StoreResult<Appointment> GetAppointment(Id clinic_id, Id id) = 0;
  virtual StoreResult<Appointment> UpdateAppointmentStatus(Id clinic_id, Id id,
                                                           AppointmentStatus status,
                                                           int expected_version) = 0;
  // from <= starts_at < to, earliest first.
  virtual StoreResult<std::vector<Appointment>> ListAppointments(Id clinic_id,
                                                                 std::string_view from,
                                                                 std::string_view to) = 0;
  virtual StoreResult<std::vector<Appointment>> ListPatientAppointments(Id clinic_id,
                                                                        Id patient_id) = 0;

  // Changing an appointment (schedule_changes.h), each kept as an
  // append-only AppointmentChange in the same transaction as the change.
  // End: `change.kind` cancelled (a held appointment needs a reason from the
  // list; a request may be declined without) or no_show (held ones only);
  // `late` is worked out from the clinic's notice period. Reschedule: moves
  // a requested or booked appointment to `change.new_starts_at` with
  // `change.new_therapist_id`, under the same lock and checks as a booking
  // (opening hours, the therapist's working hours, breaks and time off, no
  // double booking: kConflict at starts_at naming what is in the way). Both: kConflict at version
  // when stale, at status when the appointment is already over. A slot either frees that is still
  // to come is offered to the waiting list in the same transaction (OfferFreedSlot).
  virtual StoreResult<Appointment> EndAppointment(Id id, int expected_version,
                                                  const AppointmentChange& change) = 0;
  virtual StoreResult<Appointment> RescheduleAppointment(Id id, int expected_version,
                                                         const AppointmentChange& change) = 0;
  // Oldest first; kNotFound unless the appointment is the clinic's.
  virtual StoreResult<std::vector<AppointmentChange>> ListAppointmentChanges(Id clinic_id,
                                                                             Id appointment_id) = 0;

  // The waiting list (WaitingEntry): entries are never deleted. Add: kInvalid
  // for a window too short for the minutes. List: oldest first. Book: makes
  // the offered slot an appointment (the booking's checks apply) and marks
  // the entry booked; kConflict unless it is offered. Withdraw: kConflict
  // when already booked or withdrawn.
  virtual StoreResult<WaitingEntry> AddWaitingEntry(const WaitingEntry& entry) = 0;
  virtual StoreResult<std::vector<WaitingEntry>> ListWaitingEntries(Id clinic_id) = 0;
  virtual StoreResult<WaitingEntry> BookWaitingOffer(Id clinic_id, Id id, int expected_version) = 0;
  virtual StoreResult<WaitingEntry> WithdrawWaitingEntry(Id clinic_id, Id id,
                                                         int expected_version) = 0;

  // The clinic's rooms (rooms.h), kept for good. List: every room, retired
  // too, oldest first. Create: active, version 1. Update: renames and retires
  // (or brings back) `room.id` at `expected_version` (kConflict at version
  // otherwise). Both: kInvalid at name for an empty or over-long name,
  // kConflict at name when another room of the clinic has it (ignoring case).
  virtual StoreResult<std::vector<Room>> ListRooms(Id clinic_id) = 0;
  virtual StoreResult<Room> CreateRoom(const Room& room) = 0;
  virtual StoreResult<Room> UpdateRoom(const Room& room, int expected_version) = 0;
  // The mail outbox (mail_records.h). Its messages are queued by the
  // appointment writes themselves, in their transaction (booking, a request
  // booked, a move, a cancellation: records/mail_outbox_records.h says which
  // event owes which message), one per event key. ClaimDueMail: up to `limit`
  // queued messages due at `now` and not leased, leased to `worker` until
  // `lease_until`, oldest due first; a message is leased to one claimer only,
  // across every server on the database. A reminder whose appointment began
  // by `now` is cancelled instead. RecordMailOutcome: appends the attempt and
  // sets the message sent, queued again at `retry_at`, or failed; kConflict
  // at claimed_by unless `worker` holds the message. ListMailOutbox: the
  // clinic's newest `limit` (1..500) messages, newest first, each with its
  // attempts. RetryMail: a failed message queued again at `now` for a fresh
  // round of attempts; a queued one is answered as it is; kConflict at state
  // for one sent or cancelled, or a failed invitation (its link is removed:
  // invitation_mail_store.h).
  virtual StoreResult<std::vector<OutboxMessage>> ClaimDueMail(std::string_view worker,
                                                               std::string_view now,
                                                               std::string_view lease_until,
                                                               int limit) = 0;
  virtual StoreStatus RecordMailOutcome(const MailOutcome& outcome) = 0;
  virtual StoreResult<std::vector<OutboxMessage>> ListMailOutbox(Id clinic_id, int limit) = 0;
  virtual StoreResult<OutboxMessage> RetryMail(Id clinic_id, Id id, std::string_view now) = 0;
  // A patient's requests to move their booked appointment (MoveRequest),
  // kept with the answer. Create: kNotFound unless the appointment is the
  // clinic's and `request.patient_id`'s; kConflict when it is not booked or
  // already has a pending request; kInvalid at starts_at, in plain words,
  // when the wanted time is outside the clinic's opening hours or on a closed
  // day. List: oldest first, the clinic's or one patient's. Answer: accept
  // moves the appointment as RescheduleAppointment does (same checks and
  // refusals, the change kept with `answer.changed_by`) in the same
  // transaction; decline needs `answer.reason_text`, which the patient reads.
  // kConflict at version when stale, at status unless pending.
  virtual StoreResult<MoveRequest> CreateMoveRequest(const MoveRequest& request) = 0;
  virtual StoreResult<std::vector<MoveRequest>> ListMoveRequests(Id clinic_id,
                                                                 std::optional<Id> patient_id) = 0;
  virtual StoreResult<MoveRequest> AnswerMoveRequest(Id clinic_id, Id id, int expected_version,
                                                     bool accept,
                                                     const AppointmentChange& answer) = 0;

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
  // already kept, and first removes every answer created before
  // `forget_before`. Meant to run in the unit of work of the write it answers.
  virtual StoreStatus SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                           std::string_view forget_before) = 0;
  virtual StoreResult<IdempotentAnswer> GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                            std::string_view key) = 0;

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
