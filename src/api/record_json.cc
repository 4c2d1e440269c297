#include "api/api_support.h"

namespace sciaticare::api {
namespace {

json OrNull(const std::optional<Id>& v) { return v ? json(*v) : json(nullptr); }
json OrNull(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

// Stored JSON columns were written by this server; a damaged one reads as null
// rather than failing the whole request.
json Embedded(const std::string& text) {
  json v = json::parse(text, nullptr, false);
  return v.is_discarded() ? json(nullptr) : v;
}

}  // namespace

json ToJson(const store::User& u) {
  return {{"id", u.id},
          {"clinic_id", u.clinic_id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", store::ToString(u.role)},
          {"patient_id", OrNull(u.patient_id)},
          {"active", u.active}};
}

json ToJson(const store::Patient& p, Audience audience) {
  json out = {{"id", p.id},
              {"given_name", p.given_name},
              {"family_name", p.family_name},
              {"date_of_birth", p.date_of_birth},
              {"sex", p.sex},
              {"email", p.email},
              {"phone", p.phone},
              {"version", p.version},
              {"created_at", p.created_at},
              {"updated_at", p.updated_at}};
  // Staff write these notes for one another; the member is absent, not empty,
  // for a patient, so no client can mistake it for "no notes".
  if (audience == Audience::kStaff) out["notes"] = p.notes;
  return out;
}

json ToJson(const store::Assessment& a) {
  return {{"id", a.id},
          {"patient_id", a.patient_id},
          {"kind", store::ToString(a.kind)},
          {"triage", a.triage},
          {"knowledge_version", a.knowledge_version},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"intake", Embedded(a.intake_json)},
          {"result", Embedded(a.result_json)}};
}

json ToJson(const store::PlanRecord& p) {
  return {{"id", p.id},
          {"patient_id", p.patient_id},
          {"assessment_id", p.assessment_id},
          {"version_no", p.version_no},
          {"status", store::ToString(p.status)},
          {"plan", Embedded(p.plan_json)},
          {"knowledge_version", p.knowledge_version},
          {"created_by", p.created_by},
          {"approved_by", OrNull(p.approved_by)},
          {"approved_at", OrNull(p.approved_at)},
          {"created_at", p.created_at},
          {"version", p.version}};
}

json ToJson(const store::SessionNote& s) {
  return {{"id", s.id},
          {"patient_id", s.patient_id},
          {"plan_id", OrNull(s.plan_id)},
          {"therapist_id", s.therapist_id},
          {"occurred_at", s.occurred_at},
          {"subjective", s.subjective},
          {"objective", s.objective},
          {"assessment", s.assessment},
          {"plan_text", s.plan_text},
          {"leg_pain_before", OrNull(s.leg_pain_before)},
          {"leg_pain_after", OrNull(s.leg_pain_after)},
          {"back_pain_before", OrNull(s.back_pain_before)},
          {"back_pain_after", OrNull(s.back_pain_after)},
          {"techniques", Embedded(s.techniques_json)},
          {"oils_used", s.oils_used},
          {"adverse_events", Embedded(s.adverse_events_json)},
          {"deviations", Embedded(s.deviations_json)},  // null when within screening
          {"red_flags", Embedded(s.red_flags_json)},    // null when none was asked
          {"version", s.version},
          {"created_at", s.created_at},
          {"status", s.status},  // "draft" until signed; then changed only by amendments
          {"signed_by", OrNull(s.signed_by)},
          {"signed_at", s.signed_by ? json(s.signed_at) : json(nullptr)}};
}

json ToJson(const store::AuditEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"user_id", OrNull(e.user_id)},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"patient_id", OrNull(e.patient_id)},
          {"remote_addr", e.remote_addr},
          {"detail", e.detail}};
}

json ToJson(const store::Appointment& a) {
  return {{"id", a.id},
          {"patient_id", a.patient_id},
          {"therapist_id", a.therapist_id},
          {"starts_at", a.starts_at},
          {"minutes", a.minutes},
          {"status", store::ToString(a.status)},
          {"plan_id", OrNull(a.plan_id)},
          {"note", a.note},
          {"room_id", OrNull(a.room_id)},
          {"version", a.version}};
}

json ToJson(const store::AppointmentChange& c) {
  return {{"kind", c.kind},
          {"old_starts_at", c.old_starts_at},
          {"old_therapist_id", c.old_therapist_id},
          {"new_starts_at", c.new_starts_at.empty() ? json(nullptr) : json(c.new_starts_at)},
          {"new_therapist_id", OrNull(c.new_therapist_id)},
          {"old_room_id", OrNull(c.old_room_id)},
          {"new_room_id", OrNull(c.new_room_id)},
          {"reason", c.reason},
          {"reason_text", c.reason_text},
          {"late", c.late},
          {"changed_by", c.changed_by},
          {"changed_at", c.changed_at}};
}

json ToJson(const store::WaitingEntry& e) {
  json offer = nullptr;
  if (e.status == "offered") {
    offer = {{"starts_at", e.offered_starts_at},
             {"therapist_id", OrNull(e.offered_therapist_id)},
             {"room_id", OrNull(e.offered_room_id)},
             {"freed_by_appointment_id", OrNull(e.freed_by_appointment_id)}};
  }
  return {{"id", e.id},
          {"patient_id", e.patient_id},
          {"therapist_id", OrNull(e.therapist_id)},
          {"earliest", e.earliest},
          {"latest", e.latest},
          {"minutes", e.minutes},
          {"note", e.note},
          {"created_by", e.created_by},
          {"created_at", e.created_at},
          {"status", e.status},
          {"offer", offer},
          {"appointment_id", OrNull(e.appointment_id)},
          {"version", e.version}};
}

}  // namespace sciaticare::api
