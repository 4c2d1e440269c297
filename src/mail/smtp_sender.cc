// SMTP through libcurl (smtp_sender.h).
#include "mail/smtp_sender.h"

#include <curl/curl.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <string_view>

namespace sciaticare::mail {
namespace {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// RFC 2047 "B" encoding of a header value that is not plain ASCII, so a
// clinic's name with accents survives every mail server.
std::string HeaderText(std::string_view text) {
  bool ascii = true;
  for (unsigned char ch : text) ascii = ascii && ch >= 0x20 && ch < 0x7f;
  if (ascii) return std::string(text);
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "=?UTF-8?B?";
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    out +=
        {kDigits[(v >> 18) & 63], kDigits[(v >> 12) & 63], kDigits[(v >> 6) & 63], kDigits[v & 63]};
  }
  if (i < text.size()) {
    const bool two = i + 1 < text.size();
    const unsigned v = (static_cast<unsigned char>(text[i]) << 16) |
                       (two ? static_cast<unsigned char>(text[i + 1]) << 8 : 0);
    out +=
        {kDigits[(v >> 18) & 63], kDigits[(v >> 12) & 63], two ? kDigits[(v >> 6) & 63] : '=', '='};
  }
  return out + "?=";
}

std::string DateHeader() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[64];
  std::strftime(buf, sizeof buf, "Date: %a, %d %b %Y %H:%M:%S +0000", &utc);
  return buf;
}

std::string DomainOf(const std::string& address) {
  const std::size_t at = address.find('@');
  return at == std::string::npos ? "sciaticare" : address.substr(at + 1);
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
  void operator()(curl_mime* m) const { curl_mime_free(m); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

SmtpSender::SmtpSender(SmtpOptions options) : options_(std::move(options)) { InitCurlOnce(); }

SendOutcome SmtpSender::Send(const OutgoingMail& mail) {
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return {false, "the mail library could not start"};
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_USE_SSL, options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  if (!options_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  const std::string from = "<" + options_.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, CurlFree> rcpt(
      curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);

  curl_slist* headers = nullptr;
  for (const std::string& h :
       {DateHeader(), "From: " + options_.from, "To: " + mail.to,
        "Subject: " + HeaderText(mail.subject),
        "Message-ID: <" + mail.message_id_local_part + "@" + DomainOf(options_.from) + ">"}) {
    headers = curl_slist_append(headers, h.c_str());
  }
  std::unique_ptr<curl_slist, CurlFree> header_list(headers);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

  std::unique_ptr<curl_mime, CurlFree> mime(curl_mime_init(c));
  curl_mimepart* text = curl_mime_addpart(mime.get());
  curl_mime_data(text, mail.body.data(), mail.body.size());
  curl_mime_type(text, "text/plain; charset=UTF-8");
  curl_mime_encoder(text, "quoted-printable");
  if (!mail.calendar.empty()) {
    curl_mimepart* ics = curl_mime_addpart(mime.get());
    curl_mime_data(ics, mail.calendar.data(), mail.calendar.size());
    const std::string type = "text/calendar; charset=UTF-8; method=" + mail.calendar_method;
    curl_mime_type(ics, type.c_str());
    curl_mime_filename(ics, "appointment.ics");
    curl_mime_encoder(ics, "base64");
  }
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

  const CURLcode res = curl_easy_perform(c);
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  if (res == CURLE_OK) {
    return {true, "accepted by the mail server (" + std::to_string(code) + ")"};
  }
  std::string why = error[0] ? error : curl_easy_strerror(res);
  if (code != 0) why += " (server answered " + std::to_string(code) + ")";
  return {false, why};
}

}  // namespace sciaticare::mail
