// A session note's row may name several regions ("targets"), as a plan's item
// does. Property, on both stores and at every door (new note, draft edit,
// amendment): a note whose rows name several regions gets exactly the answer
// the same work written one region per row gets from every safety check (the
// deviation review: excluded techniques, avoided regions and sides, pressure
// caps; consent to the area; the screening's door), with each finding at
// the row or region it concerns. Rules: docs/clinical-rules.md, "Session
// notes that depart from screening" and "Consent".
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/region_sides.h"
#include "core/vocabulary.h"
#include "http/clinic_api_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

struct Target {
  std::string region, side;
};
struct Row {
  std::string technique;
  std::vector<Target> targets;
  int pressure = 1;
  int minutes = 5;
};

json SeveralRegionsPerRow(const std::vector<Row>& rows) {
  json out = json::array();
  for (const Row& r : rows) {
    json targets = json::array();
    for (const Target& t : r.targets) targets.push_back({{"region", t.region}, {"side", t.side}});
    out.push_back({{"technique", r.technique},
                   {"targets", targets},
                   {"pressure", r.pressure},
                   {"minutes", r.minutes}});
  }
  return out;
}

// The same work, one region per row; `places` gets each row's place in
// the note of several regions per row ({row, target}).
json OneRegionPerRow(const std::vector<Row>& rows, std::vector<std::pair<int, int>>& places) {
  json out = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < rows[i].targets.size(); ++j) {
      out.push_back({{"technique", rows[i].technique},
                     {"region", rows[i].targets[j].region},
                     {"side", rows[i].targets[j].side},
                     {"pressure", rows[i].pressure},
                     {"minutes", rows[i].minutes}});
      places.emplace_back(static_cast<int>(i), static_cast<int>(j));
    }
  }
  return out;
}

// A finding of the one-region-per-row note, moved to where it sits in the
// note of several regions per row: a region's at its target, the rest at the row.
std::string MovedField(const std::string& field, const std::vector<std::pair<int, int>>& places) {
  if (field.rfind("techniques[", 0) != 0) return field;
  const std::size_t close = field.find(']');
  const int k = std::stoi(field.substr(11, close - 11));
  const std::string rest = field.substr(close + 1);
  const auto [row, target] = places.at(static_cast<std::size_t>(k));
  const std::string at_row = "techniques[" + std::to_string(row) + "]";
  if (rest == ".region" || rest == ".side")
    return at_row + ".targets[" + std::to_string(target) + "]" + rest;
  return at_row + rest;
}

// What the safety checks answered: the status, the field refused and every
// finding, as a set of (field, message). The summary's count of places is
// left out when findings are listed: a row's technique refused once stands
// for the same refusal on each of its regions' rows.
struct Verdict {
  int status = 0;
  std::string field, message;
  std::set<std::pair<std::string, std::string>> findings;
  bool operator==(const Verdict&) const = default;
};

Verdict VerdictOf(const HttpResult& r, const std::vector<std::pair<int, int>>* places) {
  auto moved = [&](const std::string& f) { return places ? MovedField(f, *places) : f; };
  Verdict v;
  v.status = r.status;
  const json body = BodyOf(r);
  if (!body.contains("error")) return v;
  v.field = moved(body["error"].value("field", ""));
  for (const json& p : body.value("problems", json::array()))
    v.findings.insert({moved(p.value("field", "")), p.value("message", "")});
  if (v.findings.empty()) v.message = body["error"].value("message", "");
  return v;
}

std::string Describe(const Verdict& v) {
  std::string out = std::to_string(v.status) + " " + v.field + ": " + v.message;
  for (const auto& [f, m] : v.findings) out += "\n  " + f + ": " + m;
  return out;
}

class MultiRegionRowsPropertyTest : public ClinicApiFixture {
 protected:
  // Random work, half of it on regions this patient's screening and
  // consent allow, so that both answers are seen.
  std::vector<Row> RandomWork(std::mt19937& rng) {
    static const std::vector<std::string> kTechniques = {"swedish", "myofascial_release",
                                                         "deep_tissue", "trigger_point"};
    static const std::vector<Target> kAllowed = {{"lower_back", "midline"},
                                                 {"lower_back", "both"},
                                                 {"buttock", "left"},
                                                 {"lateral_thigh", "left"},
                                                 {"calf", "left"}};
    std::vector<Target> every;
    for (std::size_t i = 0; i < kRegionCount; ++i) {
      for (const std::string& side : SidesOf(K().regions[i]))
        every.push_back({std::string(RegionNames()[i]), side});
    }
    const bool gentle = rng() % 2 == 0;
    const std::vector<Target>& pool = gentle ? kAllowed : every;
    std::vector<Row> rows(1 + rng() % 3);
    for (Row& r : rows) {
      r.technique = gentle ? "swedish" : kTechniques[rng() % kTechniques.size()];
      r.pressure = gentle ? 1 + static_cast<int>(rng() % 2) : 1 + static_cast<int>(rng() % 5);
      r.minutes = 1 + static_cast<int>(rng() % 20);
      std::vector<Target> shuffled = pool;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      shuffled.resize(1 + rng() % std::min<std::size_t>(4, shuffled.size()));
      r.targets = shuffled;
    }
    return rows;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, MultiRegionRowsPropertyTest, AllApiBackends(), ApiBackendName);

TEST_P(MultiRegionRowsPropertyTest, ARowOfSeveralRegionsIsCheckedAsTheSameRegionsInRowsOfTheirOwn) {
  auto therapist = As("therapist@a.test");
  // A past clot in the right leg, on blood thinners: the right leg avoided,
  // pressure capped; consent to the buttock but not the groin or sacrum.
  CreateAssessment(*therapist, patient1_.id, "clot_history_on_treatment");
  ASSERT_EQ(therapist
                ->Post(PatientPath(patient1_.id, "/consents"),
                       {{"treatment", true}, {"areas", {"buttock"}}, {"form", "verbal"}})
                .status,
            201);
  const std::string notes = PatientPath(patient1_.id, "/sessions");
  const json visit = {{"occurred_at", "2026-11-24T10:00:00Z"}, {"leg_pain_before", 5}};
  json draft = BodyOf(therapist->Post(notes, visit));
  json sign_at_once = visit;
  sign_at_once["sign"] = true;
  json signed_note = BodyOf(therapist->Post(notes, sign_at_once));
  ASSERT_EQ(signed_note["status"], "signed");
  auto tag = [](const json& note) { return "\"" + note["version"].dump() + "\""; };
  auto path = [](const json& note, const std::string& suffix = "") {
    return "/api/v1/sessions/" + note["id"].dump() + suffix;
  };

  std::mt19937 rng(15);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 24; ++round) {
    const std::vector<Row> work = RandomWork(rng);
    std::vector<std::pair<int, int>> places;
    const json several = SeveralRegionsPerRow(work), single = OneRegionPerRow(work, places);
    SCOPED_TRACE("round " + std::to_string(round) + ": " + several.dump());
    auto compare = [&](const HttpResult& a, const HttpResult& b) {
      const Verdict va = VerdictOf(a, nullptr), vb = VerdictOf(b, &places);
      EXPECT_EQ(va, vb) << "several per row: " << Describe(va) << "\none per row: " << Describe(vb);
      (va.status < 300 ? accepted : refused)++;
    };

    // A new note.
    json body = visit;
    body["techniques"] = several;
    const HttpResult created_several = therapist->Post(notes, body);
    body["techniques"] = single;
    compare(created_several, therapist->Post(notes, body));

    // A draft edited.
    body["techniques"] = several;
    const HttpResult edit_several = therapist->Put(path(draft), body, {{"If-Match", tag(draft)}});
    if (edit_several.status == 200) draft = BodyOf(edit_several);
    body["techniques"] = single;
    const HttpResult edit_single = therapist->Put(path(draft), body, {{"If-Match", tag(draft)}});
    if (edit_single.status == 200) draft = BodyOf(edit_single);
    compare(edit_several, edit_single);

    // A signed note amended.
    json amendment = {{"reason", "work written up after the session"}, {"techniques", several}};
    const HttpResult amend_several = therapist->Post(path(signed_note, "/amendments"), amendment,
                                                     {{"If-Match", tag(signed_note)}});
    if (amend_several.status == 201) signed_note = BodyOf(amend_several);
    amendment["techniques"] = single;
    const HttpResult amend_single = therapist->Post(path(signed_note, "/amendments"), amendment,
                                                    {{"If-Match", tag(signed_note)}});
    if (amend_single.status == 201) signed_note = BodyOf(amend_single);
    compare(amend_several, amend_single);
  }
  // Both answers were seen, so the property was tried on each.
  EXPECT_GT(accepted, 6);
  EXPECT_GT(refused, 6);
}

// The rows are kept as written: several regions in "targets", one region in
// "region" and "side" exactly as notes always were; a bad region or side is
// refused at its place in the row and nothing is stored.
TEST_P(MultiRegionRowsPropertyTest, RowsAreKeptInTheirFormAndBadTargetsAreNamed) {
  auto therapist = As("therapist@a.test");
  const std::string notes = PatientPath(patient1_.id, "/sessions");
  const json rows = {
      {{"technique", "swedish"},
       {"targets",
        {{{"region", "lower_back"}, {"side", "midline"}}, {{"region", "calf"}, {"side", "left"}}}},
       {"pressure", 2},
       {"minutes", 15}},
      {{"technique", "swedish"},
       {"region", "calf"},
       {"side", "right"},
       {"pressure", 2},
       {"minutes", 5}}};
  HttpResult created =
      therapist->Post(notes, {{"occurred_at", "2026-11-24T10:00:00Z"}, {"techniques", rows}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(BodyOf(therapist->Get(created.headers["location"]))["techniques"].dump(), rows.dump());

  auto refusal = [&](json bad_rows) {
    HttpResult r = therapist->Post(
        notes, {{"occurred_at", "2026-11-24T10:00:00Z"}, {"techniques", std::move(bad_rows)}});
    EXPECT_EQ(r.status, 422) << r.body;
    return BodyOf(r)["error"]["field"].get<std::string>();
  };
  json midline_calf = rows;
  midline_calf[0]["targets"][1]["side"] = "midline";
  EXPECT_EQ(refusal(midline_calf), "techniques[0].targets[1].side");
  json unknown = rows;
  unknown[0]["targets"][0]["region"] = "elbow";
  EXPECT_EQ(refusal(unknown), "techniques[0].targets[0].region");
  json twice = rows;
  twice[0]["targets"][1] = twice[0]["targets"][0];
  EXPECT_EQ(refusal(twice), "techniques[0].targets[1]");
  json none = rows;
  none[0]["targets"] = json::array();
  EXPECT_EQ(refusal(none), "techniques[0].targets");
  json both_forms = rows;
  both_forms[0]["region"] = "calf";
  EXPECT_EQ(refusal(both_forms), "techniques[0].targets");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 1);
}

}  // namespace
}  // namespace sciaticare::testing
