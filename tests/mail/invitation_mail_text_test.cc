// The invitation mail's words, and its copy without the link: the words
// name the clinic, the link and its end on the clinic's clock, and say the
// clinic never asks for a password; the copy keeps every word but the link,
// wherever and however often it stands.
#include "mail/invitation_mail_text.h"

#include <gtest/gtest.h>

#include <random>

#include "core/utc_time.h"

namespace sciaticare::mail {
namespace {

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

InvitationMailFacts Facts(const std::string& link) {
  InvitationMailFacts f;
  f.clinic_name = "Harbour Massage";
  f.patient_given_name = "Cora";
  f.link = link;
  f.expires_at = *UtcSeconds("2026-11-30T09:00:00Z");
  f.zone = "Europe/Berlin";
  return f;
}

TEST(InvitationMailText, SaysWhoInvitesWhatTheLinkDoesAndUntilWhen) {
  const MailText text = InvitationMailText(Facts("https://clinic.example.org/invite#abc123"));
  EXPECT_EQ(text.subject, "Harbour Massage invites you to its patient portal");
  EXPECT_TRUE(Has(text.body, "Dear Cora,")) << text.body;
  EXPECT_TRUE(Has(text.body, "\n  https://clinic.example.org/invite#abc123\n")) << text.body;
  EXPECT_TRUE(Has(text.body, "choose your own password"));
  EXPECT_TRUE(Has(text.body, "works once, until Mon 30 Nov 2026 at 10:00")) << text.body;
  EXPECT_TRUE(Has(text.body, "will never ask you for your password"));
}

TEST(WithoutInvitationLink, KeepsEveryWordButTheLink) {
  const MailText text = InvitationMailText(Facts("https://clinic.example.org/invite#abc123"));
  const std::string kept = WithoutInvitationLink(text.body);
  EXPECT_FALSE(Has(kept, "abc123"));
  EXPECT_FALSE(Has(kept, "/invite#"));
  EXPECT_TRUE(Has(kept, "\n  " + std::string(kLinkRemovedNote) + "\n")) << kept;
  std::string back = kept;
  back.replace(back.find(kLinkRemovedNote), kLinkRemovedNote.size(),
               "https://clinic.example.org/invite#abc123");
  EXPECT_EQ(back, text.body);
  EXPECT_EQ(WithoutInvitationLink(kept), kept);  // Once is enough.
  EXPECT_EQ(WithoutInvitationLink("no link here"), "no link here");
}

// Property: any text with links of random secrets spliced in at word
// breaks loses every secret and nothing else.
TEST(WithoutInvitationLink, RemovesEverySecretAtAnyPlace) {
  std::mt19937 random(15);
  const std::string hex = "0123456789abcdef";
  const std::vector<std::string> words = {"Dear", "Cora,", "open", "this:", "\n", "  ", "link."};
  for (int round = 0; round < 200; ++round) {
    std::string body, expected;
    std::vector<std::string> secrets;
    const int parts = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < parts; ++i) {
      if (random() % 3 == 0) {
        std::string secret;
        for (int c = 0; c < 64; ++c) secret += hex[random() % 16];
        secrets.push_back(secret);
        body += "http://host:8080/invite#" + secret;
        expected += kLinkRemovedNote;
      } else {
        const std::string& w = words[random() % words.size()];
        body += w;
        expected += w;
      }
      body += ' ';
      expected += ' ';
    }
    const std::string kept = WithoutInvitationLink(body);
    EXPECT_EQ(kept, expected) << body;
    for (const std::string& s : secrets) EXPECT_FALSE(Has(kept, s));
  }
}

}  // namespace
}  // namespace sciaticare::mail
