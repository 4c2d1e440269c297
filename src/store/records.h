// The records the clinic server keeps, as plain values. Ids are int64 chosen by
// the store; times are ISO-8601 UTC strings ("2026-11-23T20:15:00Z") supplied by
// the caller, so the store never reads the clock. Every record that holds
// patient data carries the clinic it belongs to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clock/therapist_week.h"

namespace sciaticare::store {

using Id = std::int64_t;

enum class Role { kAdmin, kTherapist, kFrontDesk, kPatient };
enum class AssessmentKind { kIntake, kReassessment, kPortal };
enum class PlanStatus { kDraft, kApproved, kSuperseded };
enum class AppointmentStatus { kRequested, kBooked, kCancelled, kDone, kArrived, kNoShow };

// The wire and database names ("front_desk", "superseded", ...).
std::string_view ToString(Role v);
std::string_view ToString(AssessmentKind v);
std::string_view ToString(PlanStatus v);
std::string_view ToString(AppointmentStatus v);

// Cancelled, done and no-show appointments are final: no backend lets them
// change. Arrived is not: the visit still ends as done.
inline bool IsFinal(AppointmentStatus s) {
  return s == AppointmentStatus::kCancelled || s == AppointmentStatus::kDone ||
         s == AppointmentStatus::kNoShow;
}

// The inverse of ToString; nullopt for an unknown name.
std::optional<Role> ParseRole(std::string_view s);
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view s);
std::optional<PlanStatus> ParsePlanStatus(std::string_view s);
std::optional<AppointmentStatus> ParseAppointmentStatus(std::string_view s);

struct Clinic {
  Id id = 0;
  std::string name;
};

struct User {
  Id id = 0;
  Id clinic_id = 0;
  std::string email;  // Unique across all clinics, compared case-insensitively.
  std::string display_name;
  Role role = Role::kTherapist;
  std::string password_hash;     // An encoded hash (e.g. libsodium's), never a password.
  std::optional<Id> patient_id;  // Only for role kPatient: the patient this login is.
  bool active = true;
};

struct TherapistProfile {
  Id user_id = 0;
  Id clinic_id = 0;
  std::vector<std::string> modalities;  // Technique ids from the knowledge, in order.
  int years_experience = 0;
  int sciatica_experience_years = 0;
  std::string bio;
};

struct Patient {
  Id id = 0;
  Id clinic_id = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // "YYYY-MM-DD".
  std::string sex;
  std::string email;
  std::string phone;
  std::string notes;
  int version = 0;  // 1 on create, +1 on every update; the HTTP ETag.
  std::string created_at;
  std::string updated_at;
};

// Who changes a patient's details, when, and why (optional): the change is
// kept with the values it replaced (PatientVersion).
struct PatientChange {
  Id by = 0;  // A user of the patient's clinic.
  std::string at;
  std::string reason;  // Free text; may be empty.
};

// A patient's person fields as they were at `version`, kept when a change
// replaced them; `changed_*` and `reason` describe that change, which made
// version + 1. Appended, never changed (patient_versions).
struct PatientVersion {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  int version = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;
  std::string sex;
  std::string email;
  std::string phone;
  std::string notes;
  std::string valid_from;  // When these values were written (updated_at then).
  Id changed_by = 0;
  std::string changed_by_name;  // The user's display name at the time of the change.
  std::string changed_at;
  std::string reason;
};

struct Assessment {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  AssessmentKind kind = AssessmentKind::kIntake;
  std::string intake_json;  // The intake document as received.
  std::string result_json;  // The assessment as `plan --json` writes it.
  std::string triage;
  std::string knowledge_version;
  Id created_by = 0;  // A user of the same clinic.
  std::string created_at;
};

// A correction of an assessment (issue 15): `correction_id` is a newer
// assessment of the same patient, screened like any other, that replaces
// `corrects_id` as what the clinician meant; the original is kept unchanged.
// An assessment is corrected at most once; a later correction corrects the
// correction, so the versions form one chain.
struct AssessmentCorrection {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id corrects_id = 0;
  Id correction_id = 0;
  std::string reason;             // Required: why the original was wrong.
  Id corrected_by = 0;            // A user of the same clinic.
  std::string corrected_by_name;  // The user's display name at the time.
  std::string corrected_at;
};

struct PlanRecord {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id assessment_id = 0;  // An assessment of the same patient.
  int version_no = 0;    // 1, 2, 3... per patient, set by the store.
  PlanStatus status = PlanStatus::kDraft;
  std::string plan_json;
  std::string knowledge_version;
  Id created_by = 0;
  std::optional<Id> approved_by;
  std::optional<std::string> approved_at;
  std::string created_at;
  int version = 0;  // ETag, as Patient::version.
};

struct SessionNote {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  std::optional<Id> plan_id;  // A plan of the same patient.
  Id therapist_id = 0;        // A user of the same clinic.
  std::string occurred_at;
  std::string subjective;              // SOAP: what the patient reports.
  std::string objective;               // SOAP: what the therapist found.
  std::string assessment;              // SOAP: the therapist's reading.
  std::string plan_text;               // SOAP: what comes next.
  std::optional<int> leg_pain_before;  // 0-10 numeric rating scale.
  std::optional<int> leg_pain_after;
  std::optional<int> back_pain_before;
  std::optional<int> back_pain_after;
  std::string techniques_json;
  bool oils_used = false;
  std::string adverse_events_json;
  int version = 0;
  std::string created_at;
  // Departures from the patient's screening the therapist acknowledged, with
  // the reason, as a JSON document; empty when the work was within screening.
  std::string deviations_json;
  // The session's red-flag check as answered ({"ces_saddle_anaesthesia":
  // false, ...}), "No" answers included, so the record shows it was done;
  // empty when the note asked none.
  std::string red_flags_json;
  // A draft may be edited; signing locks it, and a signed note changes only
  // by an amendment kept beside it (NoteAmendment). signed_by and signed_at
  // are set exactly when the status is "signed".
  std::string status = "draft";
  std::optional<Id> signed_by;
  std::string signed_at;
};

// A change to a signed note, appended and never changed: who, when, why, and
// the note's clinical content before and after (NoteContentJson documents),
// so each version of the note can be read whole. The note's version after
// the change is `note_version`.
struct NoteAmendment {
  Id id = 0;
  Id clinic_id = 0;
  Id session_id = 0;
  int note_version = 0;
  std::string reason;
  std::string before_json;
  std::string after_json;
  Id amended_by = 0;
  std::string amended_by_name;  // Read from the user; not stored.
  std::string amended_at;
};

// Something that happened to a referral after it was opened: the letter
// sent, a medical outcome recorded, or the referral closed. Appended, never
// changed. `detail_json` holds the kind's fields (see api/referral_routes.cc).
struct ReferralEvent {
  Id id = 0;
  Id clinic_id = 0;
  Id referral_id = 0;
  std::string kind;  // "letter_sent", "outcome", "closed".
  std::string detail_json;
  Id recorded_by = 0;  // A user of the same clinic.
  std::string recorded_at;
};

// A referral to a doctor, opened by the screening that raised it: an
// assessment (`assessment_id`, no `session_id`), or a session note's red-flag
// check (`session_id`, with `assessment_id` the patient's latest assessment
// before it, if any, which places it among the screenings). Immutable; its
// life is its events.
struct Referral {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  std::optional<Id> assessment_id;
  std::optional<Id> session_id;
  std::string urgency;     // "routine_gp", "urgent", "emergency".
  std::string flags_json;  // The positive flags: [{"id", "reason"}].
  std::string findings;    // What the screening found, in words.
  Id opened_by = 0;
  std::string opened_at;
  std::vector<ReferralEvent> events;  // Oldest first.
};

// What the patient chart shows of a session note: its time, pain ratings and
// the stored adverse events and deviations (for their counts). No SOAP text
// or techniques, which the chart never shows and which dominate a note's size.
struct ChartSession {
  Id id = 0;
  std::string occurred_at;
  std::optional<int> leg_pain_before;
  std::optional<int> leg_pain_after;
  std::optional<int> back_pain_before;
  std::optional<int> back_pain_after;
  std::string adverse_events_json;
  std::string deviations_json;
};

// Everything the patient chart is built from, read from one snapshot so its
// parts agree (a note written meanwhile is in all of them or none). Assessments
// and plans come without their documents (intake_json, result_json, plan_json
// empty): the chart needs only a few facts of each, remembered per record.
struct ChartRecords {
  Patient patient;
  std::vector<Assessment> assessments;  // Oldest first.
  std::vector<PlanRecord> plans;        // By version_no.
  // Session notes written against the approved plan; 0 without one.
  std::int64_t sessions_on_approved_plan = 0;
  std::vector<ChartSession> sessions;  // Newest first, as ListSessionNotes.
  std::vector<Referral> referrals;     // As ListReferrals.
};

// What the attention list needs of a session note: its times, plan, pain
// before treatment and adverse events. No SOAP text or techniques.
struct AttentionSession {
  Id id = 0;
  Id patient_id = 0;
  std::optional<Id> plan_id;
  std::string occurred_at;
  std::string created_at;
  std::optional<int> leg_pain_before;
  std::optional<int> back_pain_before;
  std::string adverse_events_json;
};

// Everything the clinic's attention list is built from, read from one
// snapshot for the whole clinic: one read per record kind, not per patient.
// The record lists are ordered by patient_id, then as noted. Documents come
// only where the list reads them, and only when asked for (see
// Store::ReadAttention): an intake's result_json and the approved plan's
// plan_json; every other document (and every intake_json) is empty.
struct AttentionRecords {
  std::vector<Patient> patients;        // In ListPatients' order.
  std::vector<Assessment> assessments;  // Oldest first.
  std::vector<PlanRecord> plans;        // By version_no.
  // Each patient's newest `session_limit` notes (see ReadAttention), oldest first.
  std::vector<AttentionSession> sessions;
  // Every referral with its events, by patient then id.
  std::vector<Referral> referrals;
};

struct Appointment {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id therapist_id = 0;
  std::string starts_at;
  int minutes = 0;
  AppointmentStatus status = AppointmentStatus::kRequested;
  std::optional<Id> plan_id;
  std::string note;
  int version = 0;
  std::optional<Id> room_id;  // The room it holds, when the clinic books rooms.
};

// A span of a clinic's week on its wall clock: [opens, closes) in minutes
// after local midnight of `weekday` (0 = Monday ... 6 = Sunday).
struct OpeningPeriod {
  int weekday = 0;
  int opens_minute = 0;
  int closes_minute = 0;
  bool operator==(const OpeningPeriod&) const = default;
};

// How a clinic keeps time: its IANA time zone, when it is open each week (no
// periods at all: no restriction) and the local dates ("YYYY-MM-DD") it is
// closed. `version` is 0 until an admin first sets them. `notice_hours`:
// cancelling or moving later than this before the start is late, and the
// portal refuses it (the patient calls the clinic instead). `reminder_hours`:
// how long before an appointment its reminder mail goes out (0: none).
struct ClinicSettings {
  Id clinic_id = 0;
  std::string time_zone = "UTC";
  int notice_hours = 24;
  int reminder_hours = 24;
  std::vector<OpeningPeriod> opening_hours;  // By weekday, then opening.
  std::vector<std::string> closed_days;      // Ascending.
  int version = 0;
};

// A therapist's weekly working hours and breaks (clock/therapist_week.h) as
// kept: `version` 0 and `week.set` false until first given.
struct TherapistAvailability {
  Id clinic_id = 0;
  Id therapist_id = 0;
  TherapistWeek week;
  int version = 0;
};

// A period a therapist is away, [starts_at, ends_at) in UTC. Withdrawing it
// keeps the row and records who withdrew it and when; it then blocks nothing.
struct TimeOff {
  Id id = 0;
  Id clinic_id = 0;
  Id therapist_id = 0;
  std::string starts_at;
  std::string ends_at;
  std::string reason;
  Id created_by = 0;
  std::string created_at;
  std::optional<std::string> withdrawn_at;
  std::optional<Id> withdrawn_by;
};

// An invitation for a patient to set up their own portal login: a one-time
// link whose secret is kept only as its hash. The front desk passes the link
// on; the patient sets their password through it, which creates their login
// (role patient) with `email`. A newer invitation replaces an unused older
// one; a used, replaced or expired invitation opens nothing.
struct PortalInvite {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  std::string email;       // The login the patient will sign in with.
  std::string token_hash;  // HashToken of the link's secret.
  Id created_by = 0;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
  std::optional<Id> user_id;  // The login it created, once used.
  std::optional<std::string> replaced_at;
};

// A clinician's unfinished intake for one patient, kept so that the form
// survives navigation. Not clinical record (the assessment submitted from it
// is), so it may be replaced and discarded: one per patient, latest wins.
struct IntakeDraft {
  Id clinic_id = 0;
  Id patient_id = 0;
  std::string state_json;  // The web's intake form state, kept as sent.
  Id updated_by = 0;
  std::string updated_at;
};

// One entry of a patient's consent record, append-only: the newest entry is
// the consent in force, and a withdrawal or change is a new entry.
struct ConsentRecord {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  bool treatment = false;  // Consents to hands-on treatment at all.
  // The sensitive regions (knowledge: consent_sensitive_regions) the patient
  // consents to having worked on: a JSON list of region names.
  std::string areas_json = "[]";
  std::string form;  // How it was given: "verbal" or "written".
  std::string note;
  Id recorded_by = 0;  // The clinician who recorded it.
  std::string recorded_at;
};

struct AuditEntry {
  Id id = 0;
  Id clinic_id = 0;
  std::string at;
  std::optional<Id> user_id;  // Empty for an anonymous request (e.g. a failed login).
  std::string action;         // "read", "create", "update", "login", "login_failed", ...
  std::string entity;         // "patient", "plan", ...
  std::string entity_id;
  std::optional<Id> patient_id;  // Whose data was touched, for "who saw my record".
  std::string remote_addr;
  std::string detail;
};

struct AuthSession {
  std::string token_hash;  // Hash of the cookie value; the value itself is never stored.
  Id user_id = 0;
  Id clinic_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;  // The absolute end, whatever the use.
  // When the session was last used (to the minute or so: see
  // Store::TouchAuthSession); created_at when left empty on create.
  std::string last_seen_at = {};
};

// One login attempt, kept a limited time to slow password guessing down: a
// hash of the email as typed (normalized), never the password.
struct LoginAttempt {
  std::string email_hash;
  std::string remote_addr;
  std::string at;
  bool succeeded = false;
};

// Failed logins since a time, for the login throttle: those of one email from
// one address after that pair's last success, and those of the address for
// any email. The *_last_at are the newest failure's time ("" for none).
struct LoginFailures {
  std::int64_t pair = 0;
  std::string pair_last_at;
  std::int64_t address = 0;
  std::string address_last_at;
};

// A live login session and its user, read together: every request that
// carries a session cookie needs both.
struct SignedInSession {
  AuthSession session;
  User user;
};

struct ApiToken {
  Id id = 0;
  Id user_id = 0;
  Id clinic_id = 0;
  std::string name;
  std::string token_hash;
  std::string created_at;
  bool revoked = false;
};

}  // namespace sciaticare::store
