// Backend-independent input rules for the Store.
#include "store/validation.h"

#include <algorithm>
#include <string>

namespace sciaticare::store {
namespace {

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

bool IsStorableText(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c == 0) return false;
    if (c < 0x80) {
      ++p;
      continue;
    }
    // Lead byte: how many continuation bytes, and the smallest code point
    // allowed for that length (longer, "overlong" forms are refused).
    int extra;
    char32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

Problem CheckText(std::string_view field, std::string_view value) {
  if (!IsStorableText(value)) {
    return Invalid(std::string(field), "must be UTF-8 text without NUL characters");
  }
  return std::nullopt;
}

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

Problem ValidateClinic(const Clinic& c) {
  return First(Required("name", c.name), CheckText("name", c.name));
}

namespace {

bool IsDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

bool IsEmailAddress(std::string_view email) {
  if (email.size() > 254 || !IsStorableText(email)) return false;
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  for (unsigned char c : local) {
    if (c <= ' ' || c == 0x7f ||
        std::string_view("(),:;<>[\\]\"").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  int labels = 0;
  for (std::size_t start = 0; start <= domain.size(); ++labels) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    if (!IsDomainLabel(domain.substr(start, dot - start))) return false;
    start = dot + 1;
  }
  return labels >= 2;
}

Problem ValidateUser(const User& u) {
  if (!IsEmailAddress(u.email)) {
    return Invalid("email", "must be an email address like name@clinic.example");
  }
  if (u.role == Role::kPatient && !u.patient_id) {
    return Invalid("patient_id", "a patient login must name its patient");
  }
  if (u.role != Role::kPatient && u.patient_id) {
    return Invalid("patient_id", "only a patient login names a patient");
  }
  return First(CheckText("email", u.email), Positive("clinic_id", u.clinic_id),
               Required("display_name", u.display_name), CheckText("display_name", u.display_name),
               Required("password_hash", u.password_hash),
               CheckText("password_hash", u.password_hash));
}

Problem ValidateTherapistProfile(const TherapistProfile& p) {
  if (p.years_experience < 0 || p.years_experience > 80) {
    return Invalid("years_experience", "must be 0-80");
  }
  if (p.sciatica_experience_years < 0 || p.sciatica_experience_years > 80) {
    return Invalid("sciatica_experience_years", "must be 0-80");
  }
  for (std::size_t i = 0; i < p.modalities.size(); ++i) {
    const std::string field = "modalities[" + std::to_string(i) + "]";
    if (p.modalities[i].empty()) return Invalid(field, "must not be empty");
    if (auto problem = CheckText(field, p.modalities[i])) return problem;
  }
  return First(Positive("clinic_id", p.clinic_id), Positive("user_id", p.user_id),
               CheckText("bio", p.bio));
}

Problem ValidatePatient(const Patient& p) {
  if (!p.date_of_birth.empty() && !IsDate(p.date_of_birth)) {
    return Invalid("date_of_birth", "must be a date like 1980-04-30");
  }
  return First(Positive("clinic_id", p.clinic_id), Required("family_name", p.family_name),
               CheckText("given_name", p.given_name), CheckText("family_name", p.family_name),
               CheckText("sex", p.sex), CheckText("email", p.email), CheckText("phone", p.phone),
               CheckText("notes", p.notes));
}

Problem ValidateAssessment(const Assessment& a) {
  return First(Positive("clinic_id", a.clinic_id), Positive("patient_id", a.patient_id),
               Positive("created_by", a.created_by), Required("intake_json", a.intake_json),
               Required("result_json", a.result_json), Required("triage", a.triage),
               Required("knowledge_version", a.knowledge_version),
               CheckUtcTime("created_at", a.created_at), CheckText("intake_json", a.intake_json),
               CheckText("result_json", a.result_json), CheckText("triage", a.triage),
               CheckText("knowledge_version", a.knowledge_version));
}

Problem ValidatePlan(const PlanRecord& p) {
  return First(Positive("clinic_id", p.clinic_id), Positive("patient_id", p.patient_id),
               Positive("assessment_id", p.assessment_id), Positive("created_by", p.created_by),
               Required("plan_json", p.plan_json),
               Required("knowledge_version", p.knowledge_version),
               CheckUtcTime("created_at", p.created_at), CheckText("plan_json", p.plan_json),
               CheckText("knowledge_version", p.knowledge_version));
}

Problem ValidateReferral(const Referral& r) {
  const bool urgency_known =
      r.urgency == "routine_gp" || r.urgency == "urgent" || r.urgency == "emergency";
  return First(
      Positive("clinic_id", r.clinic_id), Positive("patient_id", r.patient_id),
      Positive("opened_by", r.opened_by),
      urgency_known ? Problem{} : Invalid("urgency", "must be routine_gp, urgent or emergency"),
      r.assessment_id || r.session_id
          ? Problem{}
          : Invalid("assessment_id", "a referral is opened by an assessment or a session"),
      Required("flags_json", r.flags_json), CheckText("flags_json", r.flags_json),
      CheckText("findings", r.findings), CheckUtcTime("opened_at", r.opened_at));
}

Problem ValidateReferralEvent(const ReferralEvent& e) {
  const bool kind_known = e.kind == "letter_sent" || e.kind == "outcome" || e.kind == "closed";
  return First(Positive("clinic_id", e.clinic_id), Positive("referral_id", e.referral_id),
               Positive("recorded_by", e.recorded_by),
               kind_known ? Problem{} : Invalid("kind", "must be letter_sent, outcome or closed"),
               Required("detail_json", e.detail_json), CheckText("detail_json", e.detail_json),
               CheckUtcTime("recorded_at", e.recorded_at));
}

namespace {

// A signed note names its signer and when; a draft names neither.
Problem NoteSigning(const SessionNote& n) {
  if (n.status == "draft") {
    if (n.signed_by || !n.signed_at.empty()) return Invalid("status", "a draft is not signed");
    return std::nullopt;
  }
  if (n.status != "signed") return Invalid("status", "must be draft or signed");
  if (!n.signed_by || *n.signed_by <= 0)
    return Invalid("signed_by", "a signed note names its signer");
  return CheckUtcTime("signed_at", n.signed_at);
}

}  // namespace

Problem ValidateSessionNote(const SessionNote& n) {
  return First(Positive("clinic_id", n.clinic_id), Positive("patient_id", n.patient_id),
               Positive("therapist_id", n.therapist_id), CheckUtcTime("occurred_at", n.occurred_at),
               Pain("leg_pain_before", n.leg_pain_before), Pain("leg_pain_after", n.leg_pain_after),
               Pain("back_pain_before", n.back_pain_before),
               Pain("back_pain_after", n.back_pain_after), CheckUtcTime("created_at", n.created_at),
               CheckText("subjective", n.subjective), CheckText("objective", n.objective),
               CheckText("assessment", n.assessment), CheckText("plan_text", n.plan_text),
               CheckText("techniques", n.techniques_json),
               CheckText("adverse_events", n.adverse_events_json), NoteSigning(n));
}

Problem ValidateAppointment(const Appointment& a) {
  if (a.minutes < 1 || a.minutes > kLongestAppointmentMinutes) {
    return Invalid("minutes", "must be 1-" + std::to_string(kLongestAppointmentMinutes));
  }
  return First(Positive("clinic_id", a.clinic_id), Positive("patient_id", a.patient_id),
               Positive("therapist_id", a.therapist_id), CheckUtcTime("starts_at", a.starts_at),
               CheckText("note", a.note));
}

Problem ValidateAudit(const AuditEntry& e) {
  return First(Positive("clinic_id", e.clinic_id), CheckUtcTime("at", e.at),
               Required("action", e.action), CheckText("action", e.action),
               CheckText("entity", e.entity), CheckText("entity_id", e.entity_id),
               CheckText("remote_addr", e.remote_addr), CheckText("detail", e.detail));
}

Problem ValidateAuditQuery(const AuditQuery& q) {
  return First(q.from ? CheckUtcTime("from", *q.from) : std::nullopt,
               q.to ? CheckUtcTime("to", *q.to) : std::nullopt,
               q.action ? CheckText("action", *q.action) : std::nullopt, CheckPage(q.page));
}

Problem ValidateAuthSession(const AuthSession& s) {
  return First(Required("token_hash", s.token_hash), Positive("clinic_id", s.clinic_id),
               Positive("user_id", s.user_id), Required("csrf_token", s.csrf_token),
               CheckUtcTime("created_at", s.created_at), CheckUtcTime("expires_at", s.expires_at),
               s.last_seen_at.empty() ? Problem() : CheckUtcTime("last_seen_at", s.last_seen_at));
}

Problem ValidateLoginAttempt(const LoginAttempt& a) {
  return First(Required("email_hash", a.email_hash), CheckText("email_hash", a.email_hash),
               CheckText("remote_addr", a.remote_addr), CheckUtcTime("at", a.at));
}

Problem ValidatePortalInvite(const PortalInvite& i) {
  if (!IsEmailAddress(i.email)) {
    return Invalid("email", "must be an email address like name@example.com");
  }
  return First(Positive("clinic_id", i.clinic_id), Positive("patient_id", i.patient_id),
               Positive("created_by", i.created_by), Required("token_hash", i.token_hash),
               CheckText("token_hash", i.token_hash), CheckUtcTime("created_at", i.created_at),
               CheckUtcTime("expires_at", i.expires_at));
}

Problem ValidateIntakeDraft(const IntakeDraft& d) {
  return First(Positive("clinic_id", d.clinic_id), Positive("patient_id", d.patient_id),
               Positive("updated_by", d.updated_by), Required("state_json", d.state_json),
               CheckText("state_json", d.state_json), CheckUtcTime("updated_at", d.updated_at));
}

Problem ValidateConsent(const ConsentRecord& c) {
  if (c.form != "verbal" && c.form != "written") {
    return Invalid("form", "must be verbal or written");
  }
  return First(Positive("clinic_id", c.clinic_id), Positive("patient_id", c.patient_id),
               Positive("recorded_by", c.recorded_by), Required("areas_json", c.areas_json),
               CheckText("areas_json", c.areas_json), CheckText("note", c.note),
               CheckUtcTime("recorded_at", c.recorded_at));
}

Problem ValidateApiToken(const ApiToken& t) {
  return First(Required("token_hash", t.token_hash), Positive("clinic_id", t.clinic_id),
               Positive("user_id", t.user_id), Required("name", t.name), CheckText("name", t.name),
               CheckUtcTime("created_at", t.created_at));
}

bool IsIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  for (char c : key) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

Problem ValidateIdempotentAnswer(const IdempotentAnswer& a) {
  Problem key;
  if (!IsIdempotencyKey(a.key))
    key = Invalid("idempotency-key", "must be 1-200 printable ASCII characters");
  Problem status;
  if (a.status < 100 || a.status > 599) status = Invalid("status", "must be an HTTP status");
  return First(Positive("clinic_id", a.clinic_id), Positive("user_id", a.user_id), key,
               Required("request_hash", a.request_hash), status, CheckText("body", a.body),
               CheckText("headers_json", a.headers_json), CheckUtcTime("created_at", a.created_at));
}

}  // namespace sciaticare::store
