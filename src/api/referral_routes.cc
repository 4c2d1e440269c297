// Referrals as records with a life: opened by the screening that raised them
// (assessment or session red-flag check; see OpenReferral), then the letter
// for the GP or emergency department, the letter sent, the medical outcome
// and closing. Each event is appended, never changed, and audited. Whether
// treatment may resume is decided by core/care_governance, not here. One
// named handler per route; the route table is at the end.
#include "api/referral_routes.h"

#include <functional>

#include "api/audit_words.h"
#include "api/care_guard.h"
#include "core/day_words.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};

std::string Escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// Who the letter is for; how soon is said once, in the advice (ReferralAdvice).
std::string Addressee(const std::string& urgency) {
  if (urgency == "emergency") return "The duty doctor, Emergency Department";
  if (urgency == "urgent") return "The patient's GP or an urgent care service";
  return "The patient's GP";
}

// The letter in plain clinical language, as a printable HTML page.
std::string Letter(const store::Referral& r, const store::Patient& p, const std::string& from,
                   const Knowledge& k) {
  std::string flags;
  const json list = json::parse(r.flags_json, nullptr, false);
  if (list.is_array()) {
    for (const json& f : list) {
      if (f.is_object()) flags += "<li>" + Escaped(f.value("reason", f.value("id", ""))) + "</li>";
    }
  }
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Referral "
         "letter</title>"
         "<style>body{font:12pt/1.5 serif;max-width:42em;margin:2em auto}h1{font-size:16pt}"
         "</style></head><body><main>"
         "<h1>Referral: " +
         Escaped(r.urgency == "routine_gp" ? "routine GP review" : r.urgency) +
         "</h1><p><strong>To:</strong> " + Escaped(Addressee(r.urgency)) +
         "</p><p><strong>Patient:</strong> " + Escaped(p.given_name + " " + p.family_name) +
         ", born " + Escaped(DateWords(p.date_of_birth)) + "</p><p><strong>Date:</strong> " +
         Escaped(DayWords(r.opened_at)) +
         "</p>"
         "<p>Dear Doctor,</p><p>I saw this patient for massage therapy of sciatica. At " +
         Escaped(r.session_id ? "a treatment session" : "their assessment") +
         " they reported the following, which are warning signs that need a doctor's "
         "assessment rather than massage:</p><ul>" +
         flags + "</ul>" + (r.findings.empty() ? "" : "<p>" + Escaped(r.findings) + "</p>") +
         "<p><strong>What we advised:</strong> " + Escaped(ReferralAdvice(r, k)) +
         "</p><p>I have given no massage since these findings and will not resume until I "
         "have your assessment and advice in writing. Please let the patient or me know "
         "what you found and whether massage may resume.</p><p>Yours sincerely,<br>" +
         Escaped(from) + "</p></main></body></html>";
}

store::Referral ReferralOf(Api& api, const Caller& c, http::Request& req) {
  return Must(api.store().GetReferral(c.clinic(), PathId(req, "id")));
}

json Appended(Api& api, const Caller& c, http::Request& req, const store::Referral& r,
              const std::string& kind, const json& detail) {
  store::ReferralEvent e;
  e.clinic_id = c.clinic();
  e.referral_id = r.id;
  e.kind = kind;
  e.detail_json = detail.dump();
  e.recorded_by = c.user.id;
  e.recorded_at = api.Now();
  Must(api.store().AddReferralEvent(e));
  api.Audit(c, req, kind == "closed" ? "close" : "update", "referral", std::to_string(r.id),
            r.patient_id, "referral " + IdWords(kind));
  return ReferralJson(Must(api.store().GetReferral(c.clinic(), r.id)), api.knowledge());
}

void RequireOpen(const store::Referral& r) {
  if (StateOf(r).closed) Reject("referral", "the referral is closed", 409);
}

std::string DateField(const json& body, const char* key) {
  std::string date = StringField(body, key, 10);
  if (!IsDate(date)) Reject(key, "must be a date like 2026-11-20");
  return date;
}

}  // namespace

store::Referral OpenReferral(Api& api, const Caller& c, const http::Request& req,
                             store::Referral referral) {
  referral.clinic_id = c.clinic();
  referral.opened_by = c.user.id;
  referral.opened_at = api.Now();
  store::Referral stored = Must(api.store().CreateReferral(referral));
  api.Audit(c, req, "create", "referral", std::to_string(stored.id), stored.patient_id,
            IdWords(stored.urgency) + " referral opened");
  return stored;
}

json FlagsJson(const Screening& screening, const Knowledge& k) {
  json flags = json::array();
  for (const PositiveFlag& f : screening.flags) {
    const RedFlagDef& def = k.red_flags[static_cast<std::size_t>(f.flag)];
    flags.push_back({{"id", def.id}, {"reason", def.reason}});
  }
  // A condition that refers the patient to a doctor today (a suspected clot)
  // is kept with the flags, marked same-day, so the referral's advice, letter
  // and portal message say "today" as the screening did (ReferralAdvice).
  const UrgencyInfo& urgent = k.urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
  if (!urgent.same_day_action.empty() && screening.referral_action == urgent.same_day_action) {
    for (const ActiveCondition& c : screening.conditions) {
      const ConditionDef& def = k.conditions[static_cast<std::size_t>(c.condition)];
      for (const ConditionAction& a : def.actions) {
        if (a.refer_same_day && a.refer == Urgency::kUrgent) {
          flags.push_back({{"id", def.id}, {"reason", def.reason}, {"same_day", true}});
          break;
        }
      }
    }
  }
  return flags;
}

namespace {

// GET /patients/{id}/referrals
http::Response ListReferrals(Api& api, http::Request& req, const Caller& c) {
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  json items = json::array();
  for (const auto& r : Must(api.store().ListReferrals(c.clinic(), patient.id)))
    items.push_back(ReferralJson(r, api.knowledge()));
  api.Audit(c, req, "list", "referral", "", patient.id);
  return JsonResponse(200, {{"items", items}});
}

// GET /referrals/{id}
http::Response GetReferral(Api& api, http::Request& req, const Caller& c) {
  store::Referral r = ReferralOf(api, c, req);
  api.Audit(c, req, "read", "referral", std::to_string(r.id), r.patient_id);
  return JsonResponse(200, ReferralJson(r, api.knowledge()));
}

// GET /referrals/{id}/letter
http::Response ReadReferralLetter(Api& api, http::Request& req, const Caller& c) {
  store::Referral r = ReferralOf(api, c, req);
  store::Patient p = Must(api.store().GetPatient(c.clinic(), r.patient_id));
  store::User from = Must(api.store().GetUser(c.clinic(), r.opened_by));
  api.Audit(c, req, "read", "referral_letter", std::to_string(r.id), r.patient_id);
  http::Response out = http::Response::Text(200, Letter(r, p, from.display_name, api.knowledge()));
  out.content_type = "text/html; charset=utf-8";
  return out;
}

// POST /referrals/{id}/letter-sent
http::Response RecordLetterSent(Api& api, http::Request& req, const Caller& c) {
  store::Referral r = ReferralOf(api, c, req);
  RequireOpen(r);
  json body = ParseBody(req);
  json detail = {{"to", StringField(body, "to", 200)},
                 {"via", StringField(body, "via", 60, false, "")}};
  return JsonResponse(201, Appended(api, c, req, r, "letter_sent", detail));
}

// POST /referrals/{id}/outcome
// The medical outcome: who saw the patient, their role, when, what they
// said, and whether massage may resume (a clearance for routine_gp; for
// urgent and emergency a new assessment is needed as well).
http::Response RecordOutcome(Api& api, http::Request& req, const Caller& c) {
  store::Referral r = ReferralOf(api, c, req);
  RequireOpen(r);
  json body = ParseBody(req);
  if (!body.contains("cleared") || !body["cleared"].is_boolean())
    Reject("cleared", "must be true or false: may massage resume?");
  json detail = {{"seen_by", StringField(body, "seen_by", 200)},
                 {"role", StringField(body, "role", 100)},
                 {"seen_on", DateField(body, "seen_on")},
                 {"said", StringField(body, "said", 4000)},
                 {"cleared", body["cleared"].get<bool>()}};
  return JsonResponse(201, Appended(api, c, req, r, "outcome", detail));
}

// POST /referrals/{id}/close
http::Response CloseReferral(Api& api, http::Request& req, const Caller& c) {
  store::Referral r = ReferralOf(api, c, req);
  RequireOpen(r);
  if (!StateOf(r).outcome_recorded)
    Reject("referral", "record the medical outcome before closing the referral", 409);
  json body = req.body.empty() ? json::object() : ParseBody(req);
  json detail = {{"note", StringField(body, "note", 2000, false, "")}};
  return JsonResponse(200, Appended(api, c, req, r, "closed", detail));
}

}  // namespace

void AddReferralRoutes(http::Router& router, Api& api) {
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/patients/{id}/referrals", api.Guard(kClinicians, with(ListReferrals)));
  router.Add("GET", "/api/v1/referrals/{id}", api.Guard(kClinicians, with(GetReferral)));
  router.Add("GET", "/api/v1/referrals/{id}/letter",
             api.Guard(kClinicians, with(ReadReferralLetter)));
  router.Add("POST", "/api/v1/referrals/{id}/letter-sent",
             api.Guard(kClinicians, with(RecordLetterSent)));
  router.Add("POST", "/api/v1/referrals/{id}/outcome", api.Guard(kClinicians, with(RecordOutcome)));
  router.Add("POST", "/api/v1/referrals/{id}/close", api.Guard(kClinicians, with(CloseReferral)));
}

}  // namespace sciaticare::api
