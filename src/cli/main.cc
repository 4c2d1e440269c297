// The `sciaticare` program: one binary for every command.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/admin_command.h"
#include "cli/backup_command.h"
#include "cli/plan_command.h"
#include "cli/questionnaires_command.h"
#include "cli/serve_command.h"
#include "knowledge/knowledge_loader.h"

#ifndef SCIATICARE_VERSION
#define SCIATICARE_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace sciaticare;
  CLI::App app{"Sciaticare: clinical decision support for massage therapy of sciatica."};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] {
    return std::string("sciaticare " SCIATICARE_VERSION " (knowledge ") +
           BuiltinKnowledge().version + ")";
  });

  std::string plan_path;
  bool plan_json = false;
  CLI::App* plan =
      app.add_subcommand("plan",
                         "Screen an intake document and print the draft treatment plan.\n"
                         "Exit codes: 0 a plan, 3 referred (no plan), 2 invalid input.");
  plan->add_option("FILE", plan_path, "Intake document (JSON); - reads standard input")->required();
  plan->add_flag("--json", plan_json, "Print the machine-readable form (docs/plan-output.md)");

  std::string wording_path;
  bool questionnaires_json = false;
  CLI::App* questionnaires =
      app.add_subcommand("questionnaires",
                         "List the questionnaires Sciaticare scores: item topics, answer scales,\n"
                         "scoring rules and licences. Licensed item wording is shown only from\n"
                         "a clinic's own file (docs/questionnaire-wording.md).");
  questionnaires->add_option("--wording", wording_path, "The clinic's licensed wording file (JSON)")
      ->check(CLI::ExistingFile);
  questionnaires->add_flag("--json", questionnaires_json, "Print JSON");

  ServeOptions serve_options;
  CLI::App* serve =
      app.add_subcommand("serve", "Run the clinic server (web application and REST API).");
  serve->add_option("--port", serve_options.port, "TCP port (default 8080; 0 picks a free one)");
  serve->add_option("--address", serve_options.address, "Address to bind (default 0.0.0.0)");
  serve->add_option("--db", serve_options.db,
                    "sqlite:PATH (default sqlite:sciaticare.db) or postgresql://...");
  serve->add_flag("--demo", serve_options.demo, "Seed a demo clinic into an empty database");
  serve->add_option("--tls-cert", serve_options.tls_cert, "PEM certificate chain: serve HTTPS")
      ->check(CLI::ExistingFile);
  serve->add_option("--tls-key", serve_options.tls_key, "PEM private key for --tls-cert")
      ->check(CLI::ExistingFile);
  serve->add_flag("!--no-access-log", serve_options.access_log, "Do not log each request");
  serve
      ->add_option("--threads", serve_options.threads,
                   "I/O threads (default 2 on SQLite; on PostgreSQL two per core, from 4 to 8)")
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--session-idle-minutes", serve_options.session_idle_minutes,
                   "A login unused this long ends (default 30)")
      ->check(CLI::Range(1, 24 * 60));
  serve
      ->add_option("--session-hours", serve_options.session_hours,
                   "A login ends this long after it began, however used (default 12)")
      ->check(CLI::Range(1, 24 * 30));
  serve
      ->add_option("--max-connections", serve_options.max_connections,
                   "Open connections served at once; more are answered 503 (default: the "
                   "descriptor limit, ulimit -n, minus 64 kept for the database and files)")
      ->check(CLI::Range(1, 1000000));
  serve->add_option("--metrics-address", serve_options.metrics_address,
                    "HOST:PORT of a separate plain-HTTP listener for GET /metrics, e.g. "
                    "127.0.0.1:9090 (default: none; /metrics is never on the public port)");
  serve
      ->add_option("--smtp-url", serve_options.smtp_url,
                   "Send the outbox's mail through this server, e.g. smtp://mail.example.org:587 "
                   "(STARTTLS when offered); default: none, and mail waits in the outbox")
      ->envname("SCIATICARE_SMTP_URL");
  serve->add_option("--mail-from", serve_options.mail_from, "The address mail is sent from")
      ->envname("SCIATICARE_MAIL_FROM");
  serve
      ->add_option("--smtp-user", serve_options.smtp_user,
                   "SMTP login name; its password is read from SCIATICARE_SMTP_PASSWORD only")
      ->envname("SCIATICARE_SMTP_USER");
  serve->add_flag("--smtp-require-tls", serve_options.smtp_require_tls,
                  "Refuse to send unless the SMTP server takes STARTTLS");
  serve
      ->add_option("--mail-poll-seconds", serve_options.mail_poll_seconds,
                   "How often the mail worker looks for due mail (default 15)")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--public-url", serve_options.public_url,
                   "The clinic's public web address, e.g. https://clinic.example.org, for the "
                   "links mailed to patients (portal invitations); default: none, and they are "
                   "not mailed")
      ->envname("SCIATICARE_PUBLIC_URL");

  AdminCreateOptions admin_options;
  CLI::App* admin = app.add_subcommand("admin", "Manage accounts from the command line.");
  admin->require_subcommand(1);
  CLI::App* admin_create =
      admin->add_subcommand("create",
                            "Create an admin, and the clinic unless one of that name exists.\n"
                            "Exit codes: 0 created, 2 invalid input, 1 database failure.");
  admin_create->add_option("--db", admin_options.db,
                           "sqlite:PATH (default sqlite:sciaticare.db) or postgresql://...");
  admin_create->add_option("--clinic", admin_options.clinic, "Clinic name")->required();
  admin_create->add_option("--email", admin_options.email, "The admin's login email")->required();
  admin_create->add_option("--name", admin_options.name, "The admin's display name")->required();
  admin_create
      ->add_option("--password", admin_options.password,
                   "At least 12 characters, hard to guess (not your email or name)")
      ->required();

  std::string backup_db = "sqlite:sciaticare.db", backup_to;
  CLI::App* backup =
      app.add_subcommand("backup",
                         "Copy a SQLite database to a backup file while the server keeps running.\n"
                         "Exit codes: 0 done, 2 invalid input, 1 failure.");
  backup->add_option("--db", backup_db, "sqlite:PATH (default sqlite:sciaticare.db)");
  backup->add_option("--to", backup_to, "Backup file to write (replaced atomically)")->required();

  std::string restore_from, restore_db = "sqlite:sciaticare.db";
  bool restore_force = false;
  CLI::App* restore =
      app.add_subcommand("restore",
                         "Replace a SQLite database with a backup. Stop the server first.\n"
                         "Exit codes: 0 done, 2 invalid input or refused, 1 failure.");
  restore->add_option("--from", restore_from, "Backup file written by `sciaticare backup`")
      ->required();
  restore->add_option("--db", restore_db,
                      "sqlite:PATH to restore into (default sqlite:sciaticare.db)");
  restore->add_flag("--force", restore_force, "Replace a database that already holds records");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitInvalid;
  }
  try {
    if (*plan) return RunPlanCommand(plan_path, plan_json, std::cin, std::cout, std::cerr);
    if (*serve) return RunServeCommand(serve_options);
    if (*admin_create) return RunAdminCreateCommand(admin_options, std::cout, std::cerr);
    if (*backup) return RunBackupCommand(backup_db, backup_to, std::cout, std::cerr);
    if (*restore) {
      return RunRestoreCommand(restore_from, restore_db, restore_force, std::cout, std::cerr);
    }
    if (*questionnaires) {
      return RunQuestionnairesCommand(wording_path, questionnaires_json, std::cout, std::cerr);
    }
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return 1;
  }
  return kExitInvalid;
}
