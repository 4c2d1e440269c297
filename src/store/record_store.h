// RecordStore: the Store methods written once for both databases. Each runs
// its shared record method (store/records/) on a SQL session (sql/sql_session.h)
// that the database lends through OnSession, so SqliteStore and PostgresStore
// hold only what is truly theirs: how a session is lent (SQLite's writer and
// readers, PostgreSQL's pool and retries), units of work, and group commits.
// A new Store method is written here once, never in the two stores.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store {

class RecordStore : public Store {
 public:
  StoreResult<Clinic> CreateClinic(const Clinic& clinic) override;
  StoreResult<Clinic> GetClinic(Id id) override;

  StoreResult<User> CreateUser(const User& user) override;
  StoreResult<User> GetUser(Id clinic_id, Id id) override;
  StoreResult<User> GetUserByEmail(Id clinic_id, std::string_view email) override;
  StoreResult<User> FindUserByEmail(std::string_view email) override;
  StoreResult<std::vector<User>> ListUsers(Id clinic_id) override;
  StoreResult<User> UpdateUser(Id clinic_id, Id id, const UserUpdate& update) override;

  StoreResult<TherapistProfile> UpsertTherapistProfile(const TherapistProfile& p) override;
  StoreResult<TherapistProfile> GetTherapistProfile(Id clinic_id, Id user_id) override;
  StoreResult<std::vector<TherapistProfile>> ListTherapistProfiles(Id clinic_id) override;

  StoreResult<Patient> CreatePatient(const Patient& patient) override;
  StoreResult<Patient> GetPatient(Id clinic_id, Id id) override;
  StoreResult<Patient> UpdatePatient(const Patient& patient, int expected_version,
                                     const PatientChange& change) override;
  StoreResult<AssessmentCorrection> RecordAssessmentCorrection(
      const AssessmentCorrection& correction) override;
  StoreResult<std::vector<AssessmentCorrection>> ListAssessmentCorrections(Id clinic_id,
                                                                           Id patient_id) override;
  StoreResult<std::vector<PatientVersion>> ListPatientVersions(Id clinic_id,
                                                               Id patient_id) override;
  StoreResult<Page<Patient>> ListPatients(Id clinic_id, const PatientQuery& query) override;

  StoreResult<Assessment> CreateAssessment(const Assessment& assessment) override;
  StoreResult<Assessment> GetAssessment(Id clinic_id, Id id) override;
  StoreResult<std::vector<Assessment>> ListAssessments(Id clinic_id, Id patient_id) override;

  StoreResult<PlanRecord> CreatePlan(const PlanRecord& plan) override;
  StoreResult<PlanRecord> ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                      Id approved_by, std::string_view approved_at) override;
  StoreResult<PlanRecord> GetPlan(Id clinic_id, Id id) override;
  StoreResult<std::vector<PlanRecord>> ListPlans(Id clinic_id, Id patient_id) override;
  StoreResult<PlanRecord> GetCurrentPlan(Id clinic_id, Id patient_id) override;

  StoreResult<SessionNote> CreateSessionNote(const SessionNote& note) override;
  StoreResult<SessionNote> GetSessionNote(Id clinic_id, Id id) override;
  StoreResult<SessionNote> UpdateSessionNote(const SessionNote& note,
                                             int expected_version) override;
  StoreResult<Page<SessionNote>> ListSessionNotes(Id clinic_id, Id patient_id,
                                                  const PageRequest& page) override;
  using Store::ReadChart;
  StoreResult<ChartRecords> ReadChart(Id clinic_id, Id patient_id, int session_limit,
                                      SignInConfirmation* sign_in) override;
  using Store::ReadCareRecords;
  StoreResult<CareRecords> ReadCareRecords(Id clinic_id, Id patient_id,
                                           SignInConfirmation* sign_in) override;
  StoreResult<AttentionRecords> ReadAttention(Id clinic_id, int session_limit,
                                              const AttentionDocuments& documents) override;

  StoreResult<SessionNote> SignSessionNote(Id clinic_id, Id id, int expected_version, Id signed_by,
                                           const std::string& signed_at) override;
  StoreResult<SessionNote> AmendSessionNote(const SessionNote& amended, int expected_version,
                                            const NoteAmendment& amendment) override;
  StoreResult<std::vector<NoteAmendment>> ListNoteAmendments(Id clinic_id, Id session_id) override;
  StoreResult<ClinicSettings> GetClinicSettings(Id clinic_id) override;
  StoreResult<ClinicSettings> PutClinicSettings(const ClinicSettings& settings) override;
  StoreResult<TherapistAvailability> GetTherapistAvailability(Id clinic_id,
                                                              Id therapist_id) override;
  StoreResult<TherapistAvailability> PutTherapistAvailability(
      const TherapistAvailability& availability, int expected_version) override;
  StoreResult<std::vector<TimeOff>> ListTimeOff(Id clinic_id, Id therapist_id) override;
  StoreResult<TimeOff> AddTimeOff(const TimeOff& time_off) override;
  StoreResult<TimeOff> WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                       std::string_view now) override;
  StoreResult<Referral> CreateReferral(const Referral& referral) override;
  StoreResult<ReferralEvent> AddReferralEvent(const ReferralEvent& event) override;
  StoreResult<Referral> GetReferral(Id clinic_id, Id id) override;
  StoreResult<std::vector<Referral>> ListReferrals(Id clinic_id, Id patient_id) override;
  StoreResult<bool> SymptomsSpreadSince(Id clinic_id, Id patient_id, std::string_view since,
                                        Id except_note) override;
  StoreResult<PortalInvite> CreatePortalInvite(const PortalInvite& invite) override;
  StoreResult<PortalInvite> GetPortalInvite(std::string_view token_hash) override;
  StoreStatus UsePortalInvite(std::string_view token_hash, Id user_id,
                              std::string_view now) override;
  StoreResult<PortalInvite> LatestPortalInvite(Id clinic_id, Id patient_id) override;
  StoreResult<IntakeDraft> SaveIntakeDraft(const IntakeDraft& draft) override;
  StoreResult<IntakeDraft> GetIntakeDraft(Id clinic_id, Id patient_id) override;
  StoreResult<bool> DiscardIntakeDraft(Id clinic_id, Id patient_id) override;
  StoreResult<ConsentRecord> AppendConsent(const ConsentRecord& consent) override;
  StoreResult<std::vector<ConsentRecord>> ListConsents(Id clinic_id, Id patient_id) override;
  StoreResult<Appointment> CreateAppointment(const Appointment& appointment) override;
  StoreResult<Appointment> GetAppointment(Id clinic_id, Id id) override;
  StoreResult<Appointment> UpdateAppointmentStatus(Id clinic_id, Id id, AppointmentStatus status,
                                                   int expected_version) override;
  StoreResult<std::vector<Appointment>> ListAppointments(Id clinic_id, std::string_view from,
                                                         std::string_view to) override;
  StoreResult<std::vector<Appointment>> ListPatientAppointments(Id clinic_id,
                                                                Id patient_id) override;
  StoreResult<Appointment> EndAppointment(Id id, int expected_version,
                                          const AppointmentChange& change) override;
  StoreResult<Appointment> RescheduleAppointment(Id id, int expected_version,
                                                 const AppointmentChange& change) override;
  StoreResult<std::vector<AppointmentChange>> ListAppointmentChanges(Id clinic_id,
                                                                     Id appointment_id) override;
  StoreResult<WaitingEntry> AddWaitingEntry(const WaitingEntry& entry) override;
  StoreResult<std::vector<WaitingEntry>> ListWaitingEntries(Id clinic_id) override;
  StoreResult<WaitingEntry> BookWaitingOffer(Id clinic_id, Id id, int expected_version) override;
  StoreResult<WaitingEntry> WithdrawWaitingEntry(Id clinic_id, Id id,
                                                 int expected_version) override;
  StoreResult<std::vector<Room>> ListRooms(Id clinic_id) override;
  StoreResult<Room> CreateRoom(const Room& room) override;
  StoreResult<Room> UpdateRoom(const Room& room, int expected_version) override;

  StoreResult<std::vector<OutboxMessage>> ClaimDueMail(std::string_view worker,
                                                       std::string_view now,
                                                       std::string_view lease_until,
                                                       int limit) override;
  StoreStatus RecordMailOutcome(const MailOutcome& outcome) override;
  StoreResult<std::vector<OutboxMessage>> ListMailOutbox(Id clinic_id, int limit) override;
  StoreResult<OutboxMessage> RetryMail(Id clinic_id, Id id, std::string_view now) override;
  StoreStatus QueueInvitationMail(const InvitationMail& mail) override;
  StoreResult<MoveRequest> CreateMoveRequest(const MoveRequest& request) override;
  StoreResult<std::vector<MoveRequest>> ListMoveRequests(Id clinic_id,
                                                         std::optional<Id> patient_id) override;
  StoreResult<MoveRequest> AnswerMoveRequest(Id clinic_id, Id id, int expected_version, bool accept,
                                             const AppointmentChange& answer) override;

  StoreResult<CalendarFeed> CreateCalendarFeed(const CalendarFeed& feed) override;
  StoreResult<CalendarFeed> GetCalendarFeedByHash(std::string_view token_hash) override;
  StoreResult<CalendarFeed> GetCalendarFeed(Id clinic_id, Id therapist_id) override;
  StoreStatus RevokeCalendarFeed(Id clinic_id, Id therapist_id, Id by,
                                 std::string_view now) override;
  StoreResult<std::vector<CalendarAppointment>> ListCalendarAppointments(
      const CalendarQuery& query) override;
  StoreResult<Page<CalendarAppointment>> ListCalendarAppointmentsPage(
      const CalendarQuery& query, const PageRequest& page) override;

  StoreResult<AuditEntry> AppendAudit(const AuditEntry& entry) override;
  StoreResult<Page<AuditEntry>> ListAudit(Id clinic_id, const AuditQuery& query) override;

  StoreStatus SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                   std::string_view forget_before) override;
  StoreResult<IdempotentAnswer> GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                    std::string_view key) override;

  StoreStatus CreateAuthSession(const AuthSession& session) override;
  StoreResult<SignedInSession> GetAuthSession(std::string_view token_hash,
                                              std::string_view now) override;
  StoreStatus DeleteAuthSession(std::string_view token_hash) override;
  StoreResult<std::int64_t> DeleteExpiredAuthSessions(std::string_view now) override;
  StoreStatus TouchAuthSession(std::string_view token_hash, std::string_view seen_at) override;
  StoreStatus RecordLoginAttempt(const LoginAttempt& attempt,
                                 std::string_view prune_before) override;
  StoreResult<LoginFailures> CountLoginFailures(std::string_view email_hash,
                                                std::string_view remote_addr,
                                                std::string_view since) override;

  StoreResult<ApiToken> CreateApiToken(const ApiToken& token) override;
  StoreResult<ApiToken> GetApiTokenByHash(std::string_view token_hash) override;
  StoreResult<std::vector<ApiToken>> ListApiTokens(Id clinic_id, Id user_id) override;
  StoreStatus RevokeApiToken(Id clinic_id, Id id) override;

 protected:
  // Whether a call writes: SQLite serves reads on its read connections beside
  // the writer; PostgreSQL lends any pooled connection either way.
  enum class Access { kRead, kWrite };

  // Runs `body` on a session of this database: in the calling thread's unit of
  // work (Atomically) when it is in one, else on a connection lent for the call.
  // A failure `body` throws becomes the error returned; the database may run
  // `body` again on a fresh connection first (PostgreSQL, after a dropped
  // connection or a rolled-back transaction), so it must not keep state between runs.
  virtual StoreStatus OnSession(Access access, const std::function<void(sql::Session&)>& body) = 0;

 private:
  // Whether this SaveIdempotentAnswer is the one to remove the answers made
  // before `forget_before`: the first, then one whenever `forget_before` has
  // moved a minute or more from the last removal's. Removing them on every
  // write cost each a statement (a round trip on PostgreSQL) for rows that
  // expire a day after they are kept.
  bool TimeToForgetAnswers(std::string_view forget_before);
  std::mutex forgetting_;
  std::optional<std::int64_t> answers_forgotten_before_;  // Seconds since the epoch.

  // `body(session)`'s result, or the failure OnSession answered.
  template <typename F>
  auto Run(Access access, F&& body) -> decltype(body(std::declval<sql::Session&>())) {
    std::optional<decltype(body(std::declval<sql::Session&>()))> out;
    StoreStatus ran = OnSession(access, [&](sql::Session& s) { out.emplace(body(s)); });
    if (!ran.ok()) return ran.error();
    return std::move(*out);
  }
  template <typename F>
  auto Writing(F&& body) {
    return Run(Access::kWrite, std::forward<F>(body));
  }
  template <typename F>
  auto Reading(F&& body) {
    return Run(Access::kRead, std::forward<F>(body));
  }
};

}  // namespace sciaticare::store
