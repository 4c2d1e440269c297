// Backend-independent input rules for the Store.
#include "store/validation.h"

#include <string>

namespace sciaticare::store {
namespace {

bool Digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Checks the first ten characters as YYYY-MM-DD.
bool DatePart(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!Digits(s, 0, 4, y) || !Digits(s, 5, 2, m) || !Digits(s, 8, 2, d)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

Problem Required(std::string_view field, std::string_view value) {
  if (value.empty()) return Invalid(std::string(field), "must not be empty");
  return std::nullopt;
}

Problem Positive(std::string_view field, Id id) {
  if (id <= 0) return Invalid(std::string(field), "must name a record");
  return std::nullopt;
}

Problem Pain(std::string_view field, const std::optional<int>& v) {
  if (v && (*v < 0 || *v > 10)) return Invalid(std::string(field), "must be a whole number 0-10");
  return std::nullopt;
}

// The first problem of a list, in order.
template <typename... P>
Problem First(P&&... problems) {
  Problem found;
  ((found = found ? found : std::forward<P>(problems)), ...);
  return found;
}

}  // namespace

bool IsUtcTime(std::string_view s) {
  int h, mi, sec;
  return s.size() == 20 && DatePart(s) && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
         s[19] == 'Z' && Digits(s, 11, 2, h) && Digits(s, 14, 2, mi) && Digits(s, 17, 2, sec) &&
         h < 24 && mi < 60 && sec < 60;
}

bool IsDate(std::string_view s) { return s.size() == 10 && DatePart(s); }

Problem CheckUtcTime(std::string_view field, std::string_view value) {
  if (!IsUtcTime(value)) {
    return Invalid(std::string(field), "must be a UTC time like 2026-11-23T20:15:00Z");
  }
  return std::nullopt;
}

Problem CheckTimeRange(std::string_view from, std::string_view to) {
  if (auto problem = CheckUtcTime("from", from)) return problem;
  if (auto problem = CheckUtcTime("to", to)) return problem;
  if (to < from) return Invalid("to", "must not be before from");
  return std::nullopt;
}

Problem CheckPage(const PageRequest& page) {
  if (page.limit < 1 || page.limit > kMaxPageSize) {
    return Invalid("limit", "must be 1-" + std::to_string(kMaxPageSize));
  }
  if (page.offset < 0) return Invalid("offset", "must not be negative");
  return std::nullopt;
}

Problem ValidateClinic(const Clinic& c) { return Required("name", c.name); }

Problem ValidateUser(const User& u) {
  if (u.email.find('@') == std::string::npos) return Invalid("email", "must be an email address");
  if (u.role == Role::kPatient && !u.patient_id) {
    return Invalid("patient_id", "a patient login must name its patient");
  }
  if (u.role != Role::kPatient && u.patient_id) {
    return Invalid("patient_id", "only a patient login names a patient");
  }
  return First(Positive("clinic_id", u.clinic_id), Required("display_name", u.display_name),
               Required("password_hash", u.password_hash));
}

Problem ValidateTherapistProfile(const TherapistProfile& p) {
  if (p.years_experience < 0 || p.years_experience > 80) {
    return Invalid("years_experience", "must be 0-80");
  }
  if (p.sciatica_experience_years < 0 || p.sciatica_experience_years > 80) {
    return Invalid("sciatica_experience_years", "must be 0-80");
  }
  for (std::size_t i = 0; i < p.modalities.size(); ++i) {
    if (p.modalities[i].empty()) {
      return Invalid("modalities[" + std::to_string(i) + "]", "must not be empty");
    }
  }
  return First(Positive("clinic_id", p.clinic_id), Positive("user_id", p.user_id));
}

Problem ValidatePatient(const Patient& p) {
  if (!p.date_of_birth.empty() && !IsDate(p.date_of_birth)) {
    return Invalid("date_of_birth", "must be a date like 1980-04-30");
  }
  return First(Positive("clinic_id", p.clinic_id), Required("family_name", p.family_name));
}

Problem ValidateAssessment(const Assessment& a) {
  return First(Positive("clinic_id", a.clinic_id), Positive("patient_id", a.patient_id),
               Positive("created_by", a.created_by), Required("intake_json", a.intake_json),
               Required("result_json", a.result_json), Required("triage", a.triage),
               Required("knowledge_version", a.knowledge_version),
               CheckUtcTime("created_at", a.created_at));
}

Problem ValidatePlan(const PlanRecord& p) {
  return First(Positive("clinic_id", p.clinic_id), Positive("patient_id", p.patient_id),
               Positive("assessment_id", p.assessment_id), Positive("created_by", p.created_by),
               Required("plan_json", p.plan_json),
               Required("knowledge_version", p.knowledge_version),
               CheckUtcTime("created_at", p.created_at));
}

Problem ValidateSessionNote(const SessionNote& n) {
  return First(Positive("clinic_id", n.clinic_id), Positive("patient_id", n.patient_id),
               Positive("therapist_id", n.therapist_id), CheckUtcTime("occurred_at", n.occurred_at),
               Pain("leg_pain_before", n.leg_pain_before), Pain("leg_pain_after", n.leg_pain_after),
               Pain("back_pain_before", n.back_pain_before),
               Pain("back_pain_after", n.back_pain_after),
               CheckUtcTime("created_at", n.created_at));
}

Problem ValidateAppointment(const Appointment& a) {
  if (a.minutes < 1 || a.minutes > 480) return Invalid("minutes", "must be 1-480");
  return First(Positive("clinic_id", a.clinic_id), Positive("patient_id", a.patient_id),
               Positive("therapist_id", a.therapist_id), CheckUtcTime("starts_at", a.starts_at));
}

Problem ValidateAudit(const AuditEntry& e) {
  return First(Positive("clinic_id", e.clinic_id), CheckUtcTime("at", e.at),
               Required("action", e.action));
}

Problem ValidateAuditQuery(const AuditQuery& q) {
  return First(q.from ? CheckUtcTime("from", *q.from) : std::nullopt,
               q.to ? CheckUtcTime("to", *q.to) : std::nullopt, CheckPage(q.page));
}

Problem ValidateAuthSession(const AuthSession& s) {
  return First(Required("token_hash", s.token_hash), Positive("clinic_id", s.clinic_id),
               Positive("user_id", s.user_id), Required("csrf_token", s.csrf_token),
               CheckUtcTime("created_at", s.created_at), CheckUtcTime("expires_at", s.expires_at));
}

Problem ValidateApiToken(const ApiToken& t) {
  return First(Required("token_hash", t.token_hash), Positive("clinic_id", t.clinic_id),
               Positive("user_id", t.user_id), Required("name", t.name),
               CheckUtcTime("created_at", t.created_at));
}

}  // namespace sciaticare::store
