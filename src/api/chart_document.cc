#include "api/chart_document.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "api/session_deviations.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

// RapidJSON's writer on its own buffer (it reserves once per value and writes
// without a capacity check per character, which a std::string adapter cannot),
// plus member names copied whole: the ~300 names of a chart are this file's
// own literals, which need no escaping, and checking them character by
// character was a third of writing the document.
class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using rapidjson::Writer<rapidjson::StringBuffer>::Writer;

  template <std::size_t N>
  bool Name(const char (&name)[N]) {
    static_assert(N > 1, "a member name is not empty");
    Prefix(rapidjson::kStringType);  // The comma before it, as Key() would write.
    char* out = os_->Push(N + 1);    // The name's N - 1 characters and two quotes.
    out[0] = '"';
    std::memcpy(out + 1, name, N - 1);
    out[N] = '"';
    return EndValue(true);
  }
};

class ChartWriter {
 public:
  explicit ChartWriter(std::size_t capacity) : buffer_(nullptr, capacity), w_(buffer_) {}
  std::string Text() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

  // Member names are literals of this file: ASCII, nothing to escape.
  template <std::size_t N>
  void Key(const char (&name)[N]) {
    Check(w_.Name(name));
  }
  // Stored text was checked to be UTF-8 on the way in (store/validation.h);
  // checking again is cheap and turns a broken record into an error instead
  // of a broken document.
  void String(std::string_view s) {
    if (!store::IsStorableText(s)) Check(false);
    Check(w_.String(s.data(), Size(s)));
  }
  void Int(std::int64_t v) { Check(w_.Int64(v)); }
  void Double(double v) { Check(w_.Double(v)); }
  void Bool(bool v) { Check(w_.Bool(v)); }
  void Null() { Check(w_.Null()); }
  void Raw(std::string_view json, rapidjson::Type type) {
    Check(w_.RawValue(json.data(), json.size(), type));
  }
  template <typename T>
  void Optional(const std::optional<T>& v) {
    if (!v) return Null();
    if constexpr (std::is_floating_point_v<T>) {
      Double(*v);
    } else if constexpr (std::is_integral_v<T>) {
      Int(*v);
    } else {
      String(*v);
    }
  }
  void StartObject() { Check(w_.StartObject()); }
  void EndObject() { Check(w_.EndObject()); }
  void StartArray() { Check(w_.StartArray()); }
  void EndArray() { Check(w_.EndArray()); }

 private:
  static rapidjson::SizeType Size(std::string_view s) {
    return static_cast<rapidjson::SizeType>(s.size());
  }
  static void Check(bool written) {
    if (!written) throw std::runtime_error("chart: a stored text is not valid UTF-8");
  }

  rapidjson::StringBuffer buffer_;
  Writer w_;
};

// The notes were written by the session routes, so "[]" is by far the common
// case and needs no parse.
std::size_t AdverseEventCount(const std::string& stored) {
  if (stored == "[]") return 0;
  const nlohmann::json events = nlohmann::json::parse(stored, nullptr, false);
  return events.is_array() ? events.size() : 0;
}

void WriteAssessments(ChartWriter& w, const ChartInput& in) {
  w.StartArray();
  const auto& assessments = in.records.assessments;
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    const store::Assessment& a = assessments[i];
    w.StartObject();
    w.Key("at");
    w.String(a.created_at);
    w.Key("id");
    w.Int(a.id);
    w.Key("kind");
    w.String(store::ToString(a.kind));
    w.Key("scores");
    w.Raw(in.assessment_facts[i]->scores_json, rapidjson::kObjectType);
    w.Key("triage");
    w.String(a.triage);
    w.EndObject();
  }
  w.EndArray();
}

void WriteCurrentPlan(ChartWriter& w, const ChartInput& in) {
  const auto& plans = in.records.plans;
  auto approved = std::find_if(plans.begin(), plans.end(), [](const store::PlanRecord& p) {
    return p.status == store::PlanStatus::kApproved;
  });
  if (approved == plans.end()) return w.Null();
  const std::int64_t done = in.records.sessions_on_approved_plan;
  w.StartObject();
  w.Key("id");
  w.Int(approved->id);
  w.Key("sessions_done");
  w.Int(done);
  w.Key("sessions_left");
  w.Int(std::max<std::int64_t>(0, in.planned_sessions - done));
  w.Key("sessions_planned");
  w.Int(in.planned_sessions);
  w.EndObject();
}

void WriteOutcomes(ChartWriter& w, const ChartOutcomes& outcomes,
                   const std::vector<const store::ChartSession*>& oldest_first) {
  w.StartObject();
  w.Key("relief");
  w.StartArray();
  for (std::size_t i = 0; i < outcomes.relief.size(); ++i) {
    const SessionRelief& r = outcomes.relief[i];
    w.StartObject();
    w.Key("days_to_next");
    w.Optional(r.days_to_next);
    w.Key("immediate");
    w.Optional(r.immediate);
    w.Key("lasted");
    w.String(Name(r.lasted));
    w.Key("measure");
    if (r.measure.empty()) {
      w.Null();
    } else {
      w.String(r.measure);
    }
    w.Key("session_id");
    w.Int(oldest_first[i]->id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("responder");
  w.StartObject();
  w.Key("explanation");
  w.String(outcomes.responder.explanation);
  w.Key("measures");
  w.StartArray();
  for (const MeasureChange& c : outcomes.responder.measures) {
    w.StartObject();
    w.Key("baseline");
    w.Double(c.baseline);
    w.Key("change");
    w.String(Name(c.direction));
    w.Key("improvement");
    w.Double(c.improvement);
    w.Key("latest");
    w.Double(c.latest);
    w.Key("meaningful");
    w.Bool(c.meaningful);
    w.Key("measure");
    w.String(c.measure);
    w.Key("pain_reduction");
    if (c.pain_reduction) {
      w.String(Name(*c.pain_reduction));
    } else {
      w.Null();
    }
    w.Key("percent");
    w.Optional(c.percent);
    w.Key("readings");
    w.Int(c.readings);
    w.EndObject();
  }
  w.EndArray();
  w.Key("status");
  w.String(Name(outcomes.responder.status));
  w.EndObject();
  w.EndObject();
}

void WritePlans(ChartWriter& w, const ChartInput& in) {
  w.StartArray();
  for (const store::PlanRecord& p : in.records.plans) {
    if (in.for_patient && p.status != store::PlanStatus::kApproved) continue;
    w.StartObject();
    w.Key("approved_at");
    w.Optional(p.approved_at);
    w.Key("created_at");
    w.String(p.created_at);
    w.Key("id");
    w.Int(p.id);
    const bool suspended =
        p.status == store::PlanStatus::kApproved && !in.approved_plan_suspended_by.empty();
    w.Key("status");
    w.String(suspended ? "suspended" : store::ToString(p.status));
    if (suspended) {
      w.Key("suspended_by");
      w.String(in.approved_plan_suspended_by);
    }
    w.Key("version_no");
    w.Int(p.version_no);
    w.EndObject();
  }
  w.EndArray();
}

void WriteSessions(ChartWriter& w, const std::vector<const store::ChartSession*>& oldest_first) {
  w.StartArray();
  for (const store::ChartSession* session : oldest_first) {
    const store::ChartSession& s = *session;
    w.StartObject();
    w.Key("adverse_events");
    w.Int(static_cast<std::int64_t>(AdverseEventCount(s.adverse_events_json)));
    w.Key("at");
    w.String(s.occurred_at);
    w.Key("back_pain_after");
    w.Optional(s.back_pain_after);
    w.Key("back_pain_before");
    w.Optional(s.back_pain_before);
    w.Key("deviations");
    w.Int(static_cast<std::int64_t>(DeviationCount(s.deviations_json)));
    w.Key("id");
    w.Int(s.id);
    w.Key("leg_pain_after");
    w.Optional(s.leg_pain_after);
    w.Key("leg_pain_before");
    w.Optional(s.leg_pain_before);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string ChartDocument(const ChartInput& in, const Knowledge& k) {
  if (in.assessment_facts.size() != in.records.assessments.size())
    throw std::logic_error("chart: one set of facts per assessment");
  std::vector<const store::ChartSession*> oldest_first;
  oldest_first.reserve(in.records.sessions.size());
  for (auto s = in.records.sessions.rbegin(); s != in.records.sessions.rend(); ++s)
    oldest_first.push_back(&*s);
  const ChartOutcomes outcomes =
      ReadChartOutcomes(in.records.assessments, in.assessment_facts, oldest_first, k);
  ChartWriter w(4096 + 256 * oldest_first.size());
  w.StartObject();
  w.Key("assessments");
  WriteAssessments(w, in);
  w.Key("current_plan");
  WriteCurrentPlan(w, in);
  w.Key("outcomes");
  WriteOutcomes(w, outcomes, oldest_first);
  w.Key("patient");
  w.Raw(ToJson(in.records.patient, in.for_patient ? Audience::kPatient : Audience::kStaff)
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
        rapidjson::kObjectType);
  w.Key("plans");
  WritePlans(w, in);
  w.Key("sessions");
  WriteSessions(w, oldest_first);
  w.EndObject();
  return w.Text();
}

}  // namespace sciaticare::api
