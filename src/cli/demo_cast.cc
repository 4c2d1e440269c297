#include "cli/demo_cast.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "cli/embedded_demo.h"

namespace sciaticare::demo {
namespace {

using nlohmann::json;

// Thrown inside the reader only; ParseDemoCast turns it into an Error.
struct CastError {
  Error error;
};

[[noreturn]] void Fail(const std::string& field, const std::string& message) {
  throw CastError{Error{field, message}};
}

const json& At(const json& obj, const char* key, const std::string& path) {
  if (!obj.is_object() || !obj.contains(key)) Fail(path + key, "missing");
  return obj[key];
}

std::string Text(const json& obj, const char* key, const std::string& path) {
  const json& v = At(obj, key, path);
  if (!v.is_string() || v.get<std::string>().empty()) Fail(path + key, "must be a text");
  return v.get<std::string>();
}

int Whole(const json& obj, const char* key, const std::string& path) {
  const json& v = At(obj, key, path);
  if (!v.is_number_integer()) Fail(path + key, "must be a whole number");
  return v.get<int>();
}

std::vector<std::string> Texts(const json& obj, const char* key, const std::string& path) {
  std::vector<std::string> out;
  if (!obj.contains(key)) return out;
  const json& v = obj[key];
  if (!v.is_array()) Fail(path + key, "must be a list of texts");
  for (const json& item : v) {
    if (!item.is_string()) Fail(path + key, "must be a list of texts");
    out.push_back(item.get<std::string>());
  }
  return out;
}

CastStaff Staff(const json& obj, const std::string& path) {
  return {Text(obj, "name", path), Text(obj, "email", path)};
}

CastTherapist Therapist(const json& obj, const std::string& path) {
  CastTherapist t;
  t.name = Text(obj, "name", path);
  t.email = Text(obj, "email", path);
  for (const std::string& m : Texts(obj, "modalities", path)) {
    const auto technique = ParseTechnique(m);
    if (!technique) Fail(path + "modalities", "unknown technique \"" + m + "\"");
    t.modalities.push_back(*technique);
  }
  t.years_experience = Whole(obj, "years_experience", path);
  t.sciatica_experience_years = Whole(obj, "sciatica_experience_years", path);
  t.bio = Text(obj, "bio", path);
  return t;
}

Course CourseOf(const std::string& name, const std::string& path) {
  if (name == "referred") return Course::kReferred;
  if (name == "full") return Course::kFull;
  if (name == "recent") return Course::kRecent;
  if (name == "new") return Course::kNew;
  Fail(path, "must be referred, full, recent or new");
}

Trend TrendOf(const std::string& name, const std::string& path) {
  if (name == "responds") return Trend::kResponds;
  if (name == "flat") return Trend::kFlat;
  if (name == "worsens") return Trend::kWorsens;
  Fail(path, "must be responds, flat or worsens");
}

CastConsent ConsentOf(const std::string& name, const std::string& path) {
  if (name == "written") return CastConsent::kWritten;
  if (name == "verbal") return CastConsent::kVerbal;
  if (name == "not_recorded") return CastConsent::kNotRecorded;
  Fail(path, "must be written, verbal or not_recorded");
}

CastPatient Patient(const json& obj, const std::string& path) {
  CastPatient p;
  p.given_name = Text(obj, "given_name", path);
  p.family_name = Text(obj, "family_name", path);
  p.sex = Text(obj, "sex", path);
  p.age = Whole(obj, "age", path);
  p.occupation = Text(obj, "occupation", path);
  p.course = CourseOf(Text(obj, "course", path), path + "course");
  p.trend = TrendOf(Text(obj, "pain_trend", path), path + "pain_trend");
  const json& login = At(obj, "portal_login", path);
  if (!login.is_boolean()) Fail(path + "portal_login", "must be true or false");
  p.portal_login = login.get<bool>();
  p.red_flags = Texts(obj, "red_flags", path);
  // Screening decides who is referred; the cast only says who should be.
  if ((p.course == Course::kReferred) != !p.red_flags.empty()) {
    Fail(path + "red_flags", "a referred patient, and only one, answers a red flag yes");
  }
  if (obj.contains("intake")) {
    p.intake = obj["intake"];
    if (!p.intake.is_object()) Fail(path + "intake", "must be an object");
    for (const char* part : {"patient", "conditions", "preferences"}) {
      if (p.intake.contains(part) && !p.intake[part].is_object()) {
        Fail(path + "intake." + part, "must be an object");
      }
    }
    Texts(p.intake, "unanswered_red_flags", path + "intake.");
  }
  if (obj.contains("clearance_by")) p.clearance_by = Text(obj, "clearance_by", path);
  if (obj.contains("symptoms_spread_at_session")) {
    p.symptoms_spread_at_session = Whole(obj, "symptoms_spread_at_session", path);
  }
  if (obj.contains("consent")) p.consent = ConsentOf(Text(obj, "consent", path), path + "consent");
  return p;
}

}  // namespace

std::string CastPatient::Email() const {
  std::string local = given_name + "." + family_name;
  std::transform(local.begin(), local.end(), local.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return local + "@example.com";
}

Result<DemoCast> ParseDemoCast(std::string_view text) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Error{"", "not a JSON object"};
  try {
    DemoCast cast;
    cast.admin_name = Text(At(doc, "admin", ""), "name", "admin.");
    cast.front_desk = Staff(At(doc, "front_desk", ""), "front_desk.");
    const json& therapists = At(doc, "therapists", "");
    if (!therapists.is_array() || therapists.empty()) Fail("therapists", "must be a list");
    for (std::size_t i = 0; i < therapists.size(); ++i) {
      cast.therapists.push_back(Therapist(therapists[i], "therapists[" + std::to_string(i) + "]."));
    }
    const json& patients = At(doc, "patients", "");
    if (!patients.is_array() || patients.empty()) Fail("patients", "must be a list");
    for (std::size_t i = 0; i < patients.size(); ++i) {
      cast.patients.push_back(Patient(patients[i], "patients[" + std::to_string(i) + "]."));
    }
    return cast;
  } catch (const CastError& e) {
    return e.error;
  } catch (const json::exception& e) {
    return Error{"", std::string("wrong type of value: ") + e.what()};
  }
}

const DemoCast& BuiltinDemoCast() {
  static const DemoCast cast = [] {
    for (const auto& [name, content] : EmbeddedDemoFileList()) {
      if (name != "cast.json") continue;
      Result<DemoCast> parsed = ParseDemoCast(content);
      if (!parsed) throw std::logic_error("demo/cast.json: " + parsed.error().ToString());
      return std::move(parsed).value();
    }
    throw std::logic_error("demo/cast.json is not compiled in");
  }();
  return cast;
}

}  // namespace sciaticare::demo
