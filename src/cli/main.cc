// The `sciaticare` program: one binary for every command.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/plan_command.h"
#include "knowledge/knowledge_loader.h"

#ifndef SCIATICARE_VERSION
#define SCIATICARE_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace sciaticare;
  CLI::App app{"Sciaticare: clinical decision support for massage therapy of sciatica."};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] {
    return std::string("sciaticare " SCIATICARE_VERSION " (knowledge ") + BuiltinKnowledge().version + ")";
  });

  std::string plan_path;
  bool plan_json = false;
  CLI::App* plan = app.add_subcommand(
      "plan", "Screen an intake document and print the draft treatment plan.\n"
              "Exit codes: 0 a plan, 3 referred (no plan), 2 invalid input.");
  plan->add_option("FILE", plan_path, "Intake document (JSON); - reads standard input")->required();
  plan->add_flag("--json", plan_json, "Print the machine-readable form (docs/plan-output.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitInvalid;
  }
  try {
    if (*plan) return RunPlanCommand(plan_path, plan_json, std::cin, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return 1;
  }
  return kExitInvalid;
}
