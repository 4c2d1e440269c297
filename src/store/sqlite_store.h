// SqliteStore: the Store on one SQLite database file.
//
// Durability: the journal is WAL with synchronous=FULL, so a call that has
// returned has its write on disk and it survives kill -9 and power loss
// (except on a store opened for a bulk load, see Options).
// Foreign keys are enforced and the schema is migrated on open.
//
// Threads: every method may be called from any thread. Writes take turns on
// one write connection; reads run beside them on a few read-only connections
// (WAL gives each read a consistent snapshot), so a slow commit never holds up
// a read; the log is copied into the database file by a checkpointer thread of
// its own (sqlite_checkpointer.h). The *Async writes go through a group commit
// (sqlite_group_commit.h): concurrent callers share one transaction and one sync, and each hears
// back only once its write is on disk. Several processes may open the same file: a writer waits up
// to `busy_timeout_ms` for another's transaction before kInternal.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace sciaticare::store {

class SqliteQuery;
struct SqliteConnection;
class GroupCommit;
class WalCheckpointer;

class SqliteStore final : public Store {
 public:
  struct Options {
    int busy_timeout_ms = 5000;
    int read_connections = 3;  // 0: reads share the write connection.
    // False only to fill a new database in bulk before anyone relies on it
    // (the demo seed): commits are then synced at checkpoints and on close
    // (synchronous=NORMAL), not one by one, so the database stays consistent
    // but a power cut may lose the latest commits. Servers keep the default.
    bool sync_every_commit = true;
  };

  // Opens (creating if needed) and migrates the database at `path`.
  static StoreResult<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                        const Options& options);
  static StoreResult<std::unique_ptr<SqliteStore>> Open(const std::string& path) {
    return Open(path, Options{});
  }
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

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

  StoreStatus Atomically(const std::function<StoreStatus()>& work) override;

  StoreResult<SessionNote> CreateSessionNote(const SessionNote& note) override;
  using Store::CreateSessionNoteAsync;
  void CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also,
                              Callback<SessionNote> done) override;
  StoreResult<SessionNote> GetSessionNote(Id clinic_id, Id id) override;
  StoreResult<SessionNote> UpdateSessionNote(const SessionNote& note,
                                             int expected_version) override;
  StoreResult<Page<SessionNote>> ListSessionNotes(Id clinic_id, Id patient_id,
                                                  const PageRequest& page) override;
  StoreResult<ChartRecords> ReadChart(Id clinic_id, Id patient_id, int session_limit) override;
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

  StoreResult<AuditEntry> AppendAudit(const AuditEntry& entry) override;
  void AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) override;
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

 private:
  SqliteStore(std::unique_ptr<SqliteConnection> writer,
              std::vector<std::unique_ptr<SqliteConnection>> readers,
              std::unique_ptr<WalCheckpointer> checkpointer);

  // Run `body` on the write connection, or on a free read connection,
  // turning any exception into a StoreError.
  template <typename F>
  auto Writing(F&& body) -> decltype(body());
  template <typename F>
  auto Reading(F&& body) -> decltype(body());
  // Locks a read connection (a free one if any) into `lock` and returns it.
  SqliteConnection& LockReader(std::unique_lock<std::mutex>& lock);

  std::unique_ptr<SqliteConnection> writer_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::atomic<unsigned> next_reader_{0};
  std::unique_ptr<WalCheckpointer> checkpointer_;  // None for an in-memory database.
  std::unique_ptr<GroupCommit> group_;  // Declared last: stops first, while the rest lives.
};

}  // namespace sciaticare::store
