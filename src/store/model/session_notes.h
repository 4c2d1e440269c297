// The records of treatment: session notes and their amendments, referrals
// and their events, and what the patient chart and the attention list read
// of them in one snapshot, as plain values (the conventions of
// store/model/kinds.h hold).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/model/kinds.h"
#include "store/model/patients.h"

namespace sciaticare::store {

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
  // The clinic's zone (ClinicSettings::time_zone), read with the chart so
  // that its dates are worded on the clinic's clock without another read.
  std::string clinic_time_zone;
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

}  // namespace sciaticare::store
