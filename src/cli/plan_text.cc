#include "cli/plan_text.h"

#include <fmt/format.h>

namespace sciaticare {
namespace {

void Section(std::string& out, std::string_view title) {
  out += fmt::format("\n{}\n{}\n", title, std::string(title.size(), '-'));
}

std::string TargetList(const PlanItem& item) {
  std::string s;
  for (const Target& t : item.targets) {
    if (!s.empty()) s += "; ";
    s += fmt::format("{} ({} {})", t.muscle, Name(t.side), Name(t.region));
  }
  return s;
}

}  // namespace

std::string RenderAssessmentText(const Assessment& a, const Knowledge& k) {
  static const char* kPressure[] = {"", "light", "moderate", "firm", "deep", "very deep"};
  const Screening& s = a.screening;
  std::string out;
  out += fmt::format("Triage: {}\n", Name(s.triage));
  for (const std::string& r : s.reasons) out += fmt::format("  - {}\n", r);
  if (IsReferral(s.triage)) {
    out += fmt::format("\nREFER, DO NOT TREAT. {}\n", s.referral_action);
  }

  Section(out, "Scores");
  bool any = false;
  if (a.scores.nrs_leg) {
    out += fmt::format("  Leg pain (0-10): {}\n", *a.scores.nrs_leg);
    any = true;
  }
  if (a.scores.nrs_back) {
    out += fmt::format("  Back pain (0-10): {}\n", *a.scores.nrs_back);
    any = true;
  }
  if (a.scores.odi) {
    any = true;
    if (a.scores.odi->percent) {
      out += fmt::format("  Oswestry: {:.1f}% ({}; {} of 10 sections)\n", *a.scores.odi->percent,
                         a.scores.odi->band_label, a.scores.odi->answered);
    } else {
      out += fmt::format("  Oswestry: not scored, only {} of 10 sections answered\n",
                         a.scores.odi->answered);
    }
  }
  if (a.scores.sbi) {
    any = true;
    if (a.scores.sbi->total)
      out += fmt::format("  Sciatica Bothersomeness: {} / 24\n", *a.scores.sbi->total);
    else
      out += "  Sciatica Bothersomeness: not scored, an item is missing\n";
  }
  if (a.scores.startback) {
    any = true;
    if (a.scores.startback->total) {
      out += fmt::format("  STarT Back: {} / 9, psychosocial {} / 5, {} risk\n",
                         *a.scores.startback->total, *a.scores.startback->psychosocial,
                         a.scores.startback->risk);
    } else {
      out += "  STarT Back: not scored, an item is missing\n";
    }
  }
  if (a.scores.rmdq) {
    out += fmt::format("  Roland-Morris: {} / 24\n", a.scores.rmdq->total);
    any = true;
  }
  if (!any) out += "  No questionnaires given.\n";

  Section(out, "Body map");
  out += fmt::format("  {}\n", a.pattern.summary);

  if (!a.plan) {
    out += fmt::format("\nNo plan: the patient is referred.\nKnowledge version {}\n",
                       a.knowledge_version);
    return out;
  }
  const Plan& p = *a.plan;
  Section(out, "Plan (draft for the therapist to review and approve)");
  out +=
      "  Short-term relief as part of a package with exercise; massage does not cure sciatica.\n";
  for (std::size_t i = 0; i < p.techniques.size(); ++i) {
    const PlanItem& item = p.techniques[i];
    const TechniqueDef& def = k.techniques[static_cast<std::size_t>(item.technique)];
    const EvidenceDef& ev = k.evidence[item.evidence];
    out += fmt::format("\n  {}. {} - pressure {} ({}), {} min\n", i + 1, def.label, item.pressure,
                       kPressure[item.pressure], item.minutes);
    out += fmt::format("     Targets: {}\n", TargetList(item));
    for (const std::string& b : item.because) out += fmt::format("     Because: {}\n", b);
    out += fmt::format("     Evidence: {} ({})\n", ev.grade, ev.title);
  }
  for (const ExcludedTechnique& e : p.excluded) {
    out += fmt::format("\n  Not planned: {} - {}\n",
                       k.techniques[static_cast<std::size_t>(e.technique)].label, e.reason);
  }
  out += fmt::format("\n  Oils: {}\n", p.lubricant);
  if (!p.position.empty()) out += fmt::format("  Position: {}\n", p.position);
  out += fmt::format("  Sessions: {} a week, {} sessions of about {} minutes. {}\n", p.per_week,
                     p.count, p.session_minutes, p.sessions_because);
  std::string after;
  for (int n : p.reassess_after) after += (after.empty() ? "" : " and ") + std::to_string(n);
  out += fmt::format("  Reassess after session {}: {}\n", after, k.responder_text);

  Section(out, "Alongside massage");
  for (int c : p.complements) out += fmt::format("  - {}\n", k.complements[c].text);
  Section(out, "Stop and refer when");
  for (const EscalationDef& e : k.escalation) out += fmt::format("  - {}: {}\n", e.when, e.then);
  Section(out, "Cautions");
  for (const std::string& c : p.cautions) out += fmt::format("  - {}\n", c);
  if (!p.approval_blockers.empty()) {
    Section(out, "Before approval");
    for (const std::string& b : p.approval_blockers) out += fmt::format("  - {}\n", b);
  }
  out += fmt::format("\nKnowledge version {}\n", a.knowledge_version);
  return out;
}

}  // namespace sciaticare
