// Ids from the shared clinical references, for the tests that hold the
// knowledge to them: the red flags of shared/clinical/red-flags.md and the
// conditions of shared/clinical/contraindications.md. One list each, so a
// new flag or condition is added to the tests in one place.
#pragma once

#include <array>

namespace sciaticare::testing {

// Red-flag ids in the flag tables of red-flags.md.
inline constexpr std::array<const char*, 26> kReferenceFlags = {
    "ces_saddle_anaesthesia",
    "ces_bladder_dysfunction",
    "ces_bowel_dysfunction",
    "ces_sexual_dysfunction",
    "ces_bilateral_leg_symptoms",
    "ces_progressive_bilateral_deficit",
    "ces_exam_anal_tone_perineal_loss",
    "neuro_foot_drop_or_major_weakness",
    "neuro_rapidly_progressing_deficit",
    "neuro_widespread_or_gait",
    "ca_history_of_cancer",
    "ca_unexplained_weight_loss",
    "ca_night_or_rest_pain",
    "ca_age_new_onset",
    "ca_thoracic_pain",
    "inf_fever_unwell",
    "inf_risk_ivdu",
    "inf_immunosuppressed",
    "inf_recent_infection_or_procedure",
    "fx_major_trauma",
    "fx_minor_trauma_osteoporosis",
    "fx_long_term_steroids",
    "inflam_back_pain_pattern",
    "vasc_dvt_suspected",
    "vasc_aaa_or_visceral",
    "persistent_not_improving",
};

// Condition ids in the table of contraindications.md.
inline constexpr std::array<const char*, 20> kReferenceConditions = {
    "dvt_suspected_or_active",
    "dvt_history_on_treatment",
    "anticoagulant_or_bleeding_disorder",
    "recent_surgery",
    "fracture_recent_or_suspected",
    "osteoporosis",
    "bone_metastases",
    "cancer_active_or_history",
    "skin_infection_open_wound",
    "fever_acute_illness",
    "pregnancy",
    "varicose_veins",
    "neuropathy_reduced_sensation",
    "acute_radicular_irritability",
    "fragrance_or_oil_allergy",
    "scent_sensitivity_no_allergy",
    "low_pain_tolerance",
    "uncontrolled_hypertension_cardiac",
    "inflammatory_flare",
    "implanted_device",
};

}  // namespace sciaticare::testing
