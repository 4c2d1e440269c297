// The clinical knowledge base: red flags, contraindications, regions,
// techniques, evidence, questionnaires and planning rules, as plain values.
// The core decides only from these values; the text lives in knowledge/*.json
// and is compiled into the binary (see embedded_knowledge.h).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace sciaticare {

// How soon a red flag needs a doctor. kNote raises attention but refers nobody.
enum class Urgency { kNote, kRoutineGp, kUrgent, kEmergency };

struct UrgencyInfo {
  std::string triage;  // "refer_routine", "refer_urgent", "refer_emergency".
  std::string action;  // What to tell the patient to do.
  std::string source;
  // Wording for a reason the reference says needs a doctor the same day (e.g. a
  // suspected clot); empty when this urgency has none.
  std::string same_day_action;
};

struct FlagEscalation {
  std::vector<std::string> with_groups;  // Another positive flag in one of these groups...
  std::vector<int> with_flags;           // ...or one of these flags...
  Urgency urgency = Urgency::kUrgent;    // ...raises the urgency to this.
};

// Recent onset with severe pain raises the urgency (e.g. major trauma).
struct RecentSevere {
  double max_onset_weeks = 0;
  int min_pain = 0;
  Urgency urgency = Urgency::kEmergency;
};

struct RedFlagDef {
  std::string id, group, scope, question, reason, source;
  Urgency urgency = Urgency::kUrgent;
  bool same_day = false;  // The reference asks for a doctor today, not "today or tomorrow".
  std::vector<FlagEscalation> escalate;
  std::optional<RecentSevere> recent_severe;
};

enum class ConditionLevel { kAbsolute, kLocal, kRelative, kPreference };

// Which regions an action applies to: a fixed set, the site the intake
// reports (with a fixed fallback when none is given), or the numb regions.
struct RegionSelector {
  enum class Kind { kFixed, kSite, kNumb };
  Kind kind = Kind::kFixed;
  RegionSet fixed;                    // kFixed.
  std::optional<RegionSet> fallback;  // kSite / kNumb with no site or numbness given.
};

struct ConditionAction {
  enum class Type {
    kExcludeAll,
    kExcludeAllUnlessSiteOutside,
    kAvoidRegions,
    kCapPressure,
    kExcludeTechniques,
    kNoOils,
    kRequireClearance,
    kNoHeat,
    kPosition,
    kCaution,
    kImplies,
    kWhenModifier,
  };
  Type type = Type::kCaution;
  Urgency refer = Urgency::kUrgent;             // kExcludeAll*.
  bool refer_same_day = false;                  // kExcludeAll*: a doctor today.
  RegionSelector where;                         // kAvoidRegions, kCapPressure.
  RegionSet outside;                            // kExcludeAllUnlessSiteOutside.
  int max_pressure = 5;                         // kCapPressure.
  std::vector<Technique> techniques;            // kExcludeTechniques.
  std::string text;                             // kCaution text, kRequireClearance "by", kPosition.
  std::vector<int> implies;                     // kImplies: condition indexes.
  std::string modifier;                         // kWhenModifier.
  std::shared_ptr<const ConditionAction> then;  // kWhenModifier.
};

struct ConditionDef {
  std::string id, reason, source;
  ConditionLevel level = ConditionLevel::kRelative;
  int evidence = 0;  // Index into Knowledge::evidence.
  std::vector<ConditionAction> actions;
};

struct RegionDef {
  std::string label;
  std::vector<std::string> muscles;
  RegionSet work_regions;       // Where to work for a symptom here.
  std::array<bool, 4> sides{};  // Indexed by Side: which sides this region has.
};

struct NerveCautionZone {
  std::string id;
  Region region = Region::kButtock;
  std::string text;
  // Sustained point pressure over the nerve: these techniques stay at or
  // below point_pressure_max on the zone's region (6: no limit).
  std::vector<Technique> point_pressure_techniques;
  int point_pressure_max = 6;
};

struct TechniqueDef {
  std::string label, description;
  int min_pressure = 1, max_pressure = 5;
  int minutes_per_region = 5;
  int evidence = 0;
};

struct EvidenceDef {
  std::string id, grade, title, summary;
};

// Conditions on the intake that switch a planning rule on. Empty means always.
struct RuleCondition {
  std::optional<double> min_onset_weeks;
  std::vector<Activity> aggravated_by_all;
  std::vector<Activity> aggravated_by_any;
  RegionSet symptom_in;              // Any symptom in one of these regions.
  std::vector<std::string> any_of;   // Named facts: "radicular", "startback_high", ...
  std::vector<std::string> none_of;  // Named facts that must not hold, e.g. "irritable".
};

struct TechniqueRule {
  Technique technique = Technique::kSwedish;
  bool all_work_regions = false;  // "regions": "work".
  RegionSet regions;
  RuleCondition when;
  std::string because;
  std::array<std::string, kRegionCount> muscle_override;
  std::optional<int> evidence;  // Overrides the technique's evidence.
};

// The evidence entry a plan item shows when its reasons were written by the
// therapist at plan review rather than drawn from the knowledge.
inline constexpr std::string_view kTherapistReasoningEvidence = "therapist-reasoning";

struct CourseRule {
  RuleCondition when;                     // Only facts (any_of / none_of) are read.
  std::optional<double> max_onset_weeks;  // Applies below this; nullopt matches all.
  int per_week = 1, count = 6;
  std::vector<int> reassess_after;
  std::string because;
  int evidence = 0;
};

struct ComplementDef {
  std::string id, kind, text, because;
  RuleCondition when;
  int evidence = 0;
};

struct EscalationDef {
  std::string when, then, urgency;
};

struct ToleranceDef {
  int preferred = 3, cap = 4;
};

struct OdiBand {
  double max = 100;
  std::string id, label;
};

// A questionnaire as the product may ship it: item topics and scoring, never
// licensed item wording (that comes from a clinic's own file, see wording.h).
struct InstrumentDef {
  std::string id, name, scoring, licence, source;
  std::vector<std::string> item_topics;
  int answer_min = 0, answer_max = 1;
  std::optional<int> last_item_max;  // STarT Back item 9 has its own scale.
  bool nullable = false;             // Items may be left unanswered.
  std::optional<double> mic_absolute, mic_percent;
};

struct Knowledge {
  std::string version;  // knowledge_version, with a content hash.

  std::array<UrgencyInfo, 4> urgencies;  // Indexed by Urgency.
  std::vector<RedFlagDef> red_flags;
  int bilateral_leg_flag = -1;  // Flag set when the body map shows both legs.
  std::string bilateral_leg_reason;
  double bilateral_long_standing_weeks = 12;  // From this onset on, the derived flag is...
  Urgency bilateral_long_standing_urgency = Urgency::kUrgent;  // ...this urgent instead.
  std::string bilateral_long_standing_reason;
  int min_age = 16;  // Younger patients see a doctor first.
  Urgency min_age_urgency = Urgency::kRoutineGp;
  std::string min_age_reason;
  // Inflammatory back pain asked with its features (NICE NG65 via
  // red-flags.md): `flag` is positive when every entry question and at least
  // `min_features` features are answered yes.
  struct InflammatoryPattern {
    int flag = -1;
    std::vector<std::string> entry, features;  // Answer ids, in the intake's order.
    std::vector<std::string> entry_questions, feature_questions;
    int min_features = 3;
  } inflammatory;
  int first_episode_flag = -1;  // Derived for a first episode over/under these ages.
  int first_episode_over = 50, first_episode_under = 20;

  std::vector<ConditionDef> conditions;
  int pregnancy_condition = -1;
  int scent_condition = -1;
  int low_tolerance_condition = -1;
  int irritability_condition = -1;
  int irritability_min_leg_pain = 7;

  std::array<RegionDef, kRegionCount> regions;
  std::vector<NerveCautionZone> nerve_caution_zones;
  std::array<RegionSet, 3> dermatomes;  // L4, L5, S1.
  RegionSet radicular_regions;
  // Regions a patient consents to by name before hands-on work there.
  RegionSet consent_sensitive_regions;

  std::array<TechniqueDef, kTechniqueCount> techniques;
  std::vector<EvidenceDef> evidence;

  std::array<ToleranceDef, 3> tolerance;  // Indexed by PainTolerance.
  PainTolerance default_tolerance = PainTolerance::kMedium;
  int numb_region_cap = 2;
  std::string numb_region_reason;
  int session_minutes = 45, irritable_session_minutes = 30, min_technique_minutes = 3;
  int max_techniques = 6;  // Items per session; the home programme is always kept.
  std::vector<TechniqueRule> technique_rules;
  std::vector<CourseRule> courses;
  std::vector<std::string> reassessment_measures;
  std::string responder_text, not_met_text;
  int reassessment_evidence = 0;
  std::vector<ComplementDef> complements;
  std::vector<EscalationDef> escalation;
  std::vector<std::string> always_cautions;
  std::string radicular_caution;

  std::vector<InstrumentDef> instruments;
  const InstrumentDef* FindInstrument(std::string_view id) const;

  // Questionnaire scoring parameters.
  int odi_min_answered = 8;
  std::vector<OdiBand> odi_bands;
  int sbi_bothersome_min = 4, sbi_success_max = 6;
  int startback_low_max_total = 3, startback_medium_max_psychosocial = 3;
  int startback_item9_scored_from = 3;

  // Lookups; -1 when the id is unknown.
  int FindRedFlag(std::string_view id) const;
  int FindCondition(std::string_view id) const;
  int FindEvidence(std::string_view id) const;
};

}  // namespace sciaticare
