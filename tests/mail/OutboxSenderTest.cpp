// The outbox sender against a real SMTP relay (aiosmtpd on 127.0.0.1): what arrives and how it decodes,
// what the outbox row says afterwards, and how delivery survives a dead relay, rejections, restarts,
// crashed senders and two senders at once.
#include <gtest/gtest.h>

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "mail/OutboxSender.h"
#include "mail/SmtpSink.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/Outbox.h"
#include "support/TempDir.h"

using namespace confpress;

namespace {

constexpr const char* kVietnameseSubject = "Đã nhận bài báo số 7 – Hội thảo Bình Dương";
constexpr const char* kFrom = "Hội thảo Bình Dương <hoithao@binhduong.example>";

std::string normalizedBody(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

std::string singleSpaced(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  return out;
}

Poco::Timestamp parseIso(const std::string& text) {
  int zone = 0;
  return Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%SZ", text, zone).timestamp();
}

// A clock the test moves forward by hand.
struct ManualClock {
  // A little ahead of the real clock, so that what enqueueMail stamps with the real time is due.
  // Whole seconds, as the outbox stores them.
  Poco::Timestamp now = Poco::Timestamp::fromEpochTime(Poco::Timestamp().epochTime() + 5);
  void advance(long long seconds) { now += Poco::Timespan(static_cast<long>(seconds), 0); }
  mail::OutboxSender::Clock clock() {
    return [this] { return now; };
  }
};

class MailOutboxSender : public ::testing::Test {
 protected:
  MailOutboxSender() : db(std::make_unique<store::Database>(url())) {
    store::Migrator(*db, CONFPRESS_SOURCE_DIR "/migrations").migrate();
  }

  std::string url() const { return "sqlite:" + dir.file("mail.db"); }

  mail::MailOptions options(int port) const {
    mail::MailOptions o;
    o.host = "127.0.0.1";
    o.port = port;
    o.from = kFrom;
    o.timeoutSeconds = 5;
    o.leaseSeconds = 60;
    return o;
  }

  int64_t queue(const std::string& to, const std::string& subject = kVietnameseSubject,
                const std::string& body = "Kính gửi tác giả,\n",
                const std::string& toName = "Trần Thị Thu Hà") {
    store::OutgoingMail m;
    m.toAddress = to;
    m.toName = toName;
    m.subject = subject;
    m.bodyText = body;
    m.templateName = "submission_receipt";
    return db->transaction([&](Poco::Data::Session& s) { return store::enqueueMail(s, m); });
  }

  store::OutgoingMail row(int64_t id) {
    Poco::Data::Session s = db->session();
    std::optional<store::OutgoingMail> m = store::findMail(s, id);
    if (!m) throw std::runtime_error("no outbox row " + std::to_string(id));
    return *m;
  }

  cptest::TempDir dir;
  std::unique_ptr<store::Database> db;
};

TEST_F(MailOutboxSender, DeliversAVietnameseMessageThatDecodesBackExactly) {
  cptest::SmtpSink relay;
  const std::string body =
      "Kính gửi TS. Trần Thị Thu Hà,\n\n"
      "Ban tổ chức Hội thảo Bình Dương đã nhận bài báo số 7 «Ứng dụng học máy trong quản lý đô thị thông "
      "minh "
      "tại tỉnh Bình Dương» vào lúc 14:05 ngày 24/11/2026 (giờ Việt Nam).\n"
      ".Dòng này bắt đầu bằng dấu chấm\n"
      "From: dòng này giống một tiêu đề\n"
      "Dòng có khoảng trắng cuối   \n"
      "Trân trọng,\nBan tổ chức\n";
  const int64_t id = queue("lan.nguyen@tdmu.example", kVietnameseSubject, body);

  mail::OutboxSender sender(*db, options(relay.port()));
  const mail::DeliveryCounts counts = sender.deliverDue();
  EXPECT_EQ(counts.sent, 1);
  EXPECT_EQ(counts.deferred + counts.failed + counts.lost, 0);

  const std::vector<cptest::ReceivedMail> got = relay.waitFor(1);
  ASSERT_EQ(got.size(), 1u);
  const cptest::ReceivedMail& mail = got[0];
  EXPECT_EQ(mail.envelope->getValue<std::string>("mail_from"), "hoithao@binhduong.example");
  EXPECT_EQ(mail.envelope->getArray("rcpt_tos")->getElement<std::string>(0), "lan.nguyen@tdmu.example");

  Poco::JSON::Object::Ptr d = mail.decoded;
  EXPECT_EQ(d->getValue<std::string>("subject"), kVietnameseSubject);
  EXPECT_EQ(d->getValue<std::string>("legacy_subject"), kVietnameseSubject);
  EXPECT_EQ(d->getObject("from")->getValue<std::string>("name"), "Hội thảo Bình Dương");
  EXPECT_EQ(d->getObject("from")->getValue<std::string>("address"), "hoithao@binhduong.example");
  EXPECT_EQ(d->getObject("to")->getValue<std::string>("name"), "Trần Thị Thu Hà");
  EXPECT_EQ(d->getObject("to")->getValue<std::string>("legacy_name"), "Trần Thị Thu Hà");
  EXPECT_EQ(d->getObject("to")->getValue<std::string>("address"), "lan.nguyen@tdmu.example");
  EXPECT_EQ(normalizedBody(d->getValue<std::string>("body")), body);
  EXPECT_EQ(d->getValue<std::string>("content_type"), "text/plain");
  EXPECT_EQ(d->getValue<std::string>("charset"), "utf-8");
  EXPECT_EQ(d->getValue<std::string>("transfer_encoding"), "quoted-printable");
  EXPECT_EQ(d->getValue<std::string>("mime_version"), "1.0");
  EXPECT_FALSE(d->getValue<std::string>("date").empty());
  EXPECT_EQ(d->getArray("defects")->size(), 0u) << mail.raw;
  EXPECT_LE(d->getValue<int>("longest_line"), 78) << mail.raw;
  // The headers themselves are 7-bit: the subject travels as RFC 2047 encoded words.
  const std::string rawSubject = d->getObject("raw_headers")->getValue<std::string>("Subject");
  EXPECT_NE(rawSubject.find("=?UTF-8?q?"), std::string::npos) << rawSubject;
  EXPECT_TRUE(std::all_of(mail.raw.begin(), mail.raw.end(), [](char c) { return (c & 0x80) == 0; }));

  const store::OutgoingMail sent = row(id);
  EXPECT_EQ(sent.state, "sent");
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_TRUE(sent.lastError.empty());
  EXPECT_FALSE(sent.sentAt.empty());
  EXPECT_EQ(d->getValue<std::string>("message_id"), sent.messageId);
  EXPECT_NE(sent.messageId.find("@binhduong.example>"), std::string::npos) << sent.messageId;
}

TEST_F(MailOutboxSender, LongAndMixedHeadersDecodeToTheSameText) {
  cptest::SmtpSink relay;
  const std::vector<std::pair<std::string, std::string>> cases = {
      // subject, recipient name
      {"Thông báo: bài báo số 12 «Phân tích dữ liệu lớn cho quy hoạch giao thông đô thị ở Thành phố Thủ Dầu "
       "Một, tỉnh Bình Dương, giai đoạn 2025–2030» đã được nhận",
       "Nguyễn Văn Anh, PGS. TS. (Trường Đại học Thủ Dầu Một)"},
      {"Re: [ICTBD-2026] paper #7 – đã nhận, thank you!", "Lê \"Tony\" Văn Tâm"},
      {"Kết quả: =?UTF-8?q?not-a-word?= và  hai khoảng trắng", "Phạm  Thị   Ngọc Ánh"},
      {"Ưu tiên 🎓 nghiên cứu ứng dụng ₫ — ĐĂNG KÝ", "ĐẶNG ĐỨC"},
      {"Plain ASCII subject, with: punctuation (and more)", "O'Brien, Patrick"},
      {"ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ", ""},
  };
  for (size_t i = 0; i < cases.size(); ++i)
    queue("author" + std::to_string(i) + "@tdmu.example", cases[i].first, "Nội dung\n", cases[i].second);

  mail::OutboxSender sender(*db, options(relay.port()));
  EXPECT_EQ(sender.deliverDue().sent, static_cast<int>(cases.size()));
  const std::vector<cptest::ReceivedMail> got = relay.waitFor(cases.size());
  ASSERT_EQ(got.size(), cases.size());
  std::map<std::string, Poco::JSON::Object::Ptr> byAddress;
  for (const auto& mail : got)
    byAddress[mail.decoded->getObject("to")->getValue<std::string>("address")] = mail.decoded;
  for (size_t i = 0; i < cases.size(); ++i) {
    Poco::JSON::Object::Ptr d = byAddress.at("author" + std::to_string(i) + "@tdmu.example");
    EXPECT_EQ(d->getValue<std::string>("subject"), cases[i].first);
    EXPECT_EQ(d->getValue<std::string>("legacy_subject"), cases[i].first);
    std::string expectedName = cases[i].second;
    if (i == 1) expectedName = "Lê 'Tony' Văn Tâm";  // quotes in a non-ASCII name become '
    if (i == 2) expectedName = "Phạm Thị Ngọc Ánh";  // runs of spaces in a name become one
    // RFC 2047 readers show the name exactly; Python's modern parser may show a fold between two
    // encoded words as an extra space (see read_message.py).
    EXPECT_EQ(d->getObject("to")->getValue<std::string>("legacy_name"), expectedName);
    EXPECT_EQ(singleSpaced(d->getObject("to")->getValue<std::string>("name")), expectedName);
    EXPECT_EQ(d->getArray("defects")->size(), 0u) << cases[i].first;
    EXPECT_LE(d->getValue<int>("longest_line"), 78) << cases[i].first;
  }
}

TEST_F(MailOutboxSender, ADeadRelayDefersWithTheErrorAndRetriesAfterAMinute) {
  const int64_t id = queue("lan.nguyen@tdmu.example");
  mail::OutboxSender sender(*db, options(cptest::unusedPort()));
  const Poco::Timestamp before;
  const mail::DeliveryCounts counts = sender.deliverDue();
  EXPECT_EQ(counts.deferred, 1);
  EXPECT_EQ(counts.sent + counts.failed, 0);

  const store::OutgoingMail m = row(id);
  EXPECT_EQ(m.state, "pending");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_NE(m.lastError.find("Connection refused"), std::string::npos) << m.lastError;
  const double wait = static_cast<double>(parseIso(m.nextAttemptAt) - before) / 1e6;
  EXPECT_GE(wait, 58);
  EXPECT_LE(wait, 62);
  // Not due yet: a second pass right away leaves it alone.
  EXPECT_EQ(sender.deliverDue().deferred, 0);
  EXPECT_EQ(row(id).attempts, 1);
}

TEST_F(MailOutboxSender, BacksOffExponentiallyAndGivesUpAfterTheLastAttemptKeepingTheError) {
  mail::MailOptions o = options(cptest::unusedPort());
  o.maxAttempts = 4;
  EXPECT_EQ(mail::OutboxSender::retryDelaySeconds(o, 1), 60);
  EXPECT_EQ(mail::OutboxSender::retryDelaySeconds(o, 2), 120);
  EXPECT_EQ(mail::OutboxSender::retryDelaySeconds(o, 3), 240);
  EXPECT_EQ(mail::OutboxSender::retryDelaySeconds(o, 7), 3600);
  EXPECT_EQ(mail::OutboxSender::retryDelaySeconds(o, 40), 3600);

  const int64_t id = queue("lan.nguyen@tdmu.example");
  ManualClock time;
  mail::OutboxSender sender(*db, o, nullptr, time.clock());
  for (int attempt = 1; attempt <= 3; ++attempt) {
    EXPECT_EQ(sender.deliverDue().deferred, 1) << "attempt " << attempt;
    const store::OutgoingMail m = row(id);
    EXPECT_EQ(m.state, "pending");
    EXPECT_EQ(m.attempts, attempt);
    const long long delay = mail::OutboxSender::retryDelaySeconds(o, attempt);
    EXPECT_EQ((parseIso(m.nextAttemptAt) - time.now) / 1000000, delay) << "attempt " << attempt;
    time.advance(delay - 1);
    EXPECT_EQ(sender.deliverDue().deferred, 0) << "due too early after attempt " << attempt;
    time.advance(1);
  }
  EXPECT_EQ(sender.deliverDue().failed, 1);
  const store::OutgoingMail m = row(id);
  EXPECT_EQ(m.state, "failed");
  EXPECT_EQ(m.attempts, 4);
  EXPECT_NE(m.lastError.find("gave up after attempt 4 of 4"), std::string::npos) << m.lastError;
  EXPECT_NE(m.lastError.find("Connection refused"), std::string::npos) << m.lastError;
  time.advance(24 * 3600);
  EXPECT_EQ(sender.deliverDue().failed, 0);  // failed stays failed
}

TEST_F(MailOutboxSender, A5xxRejectionFailsAtOnceA4xxIsRetriedAndTheRestStillGoesOut) {
  cptest::SmtpSink relay;
  const int64_t rejected = queue("reject-me@tdmu.example");
  const int64_t busy = queue("busy@tdmu.example");
  const int64_t fine = queue("lan.nguyen@tdmu.example");
  const int64_t malformed = queue("not an address");
  mail::OutboxSender sender(*db, options(relay.port()));
  const mail::DeliveryCounts counts = sender.deliverDue();
  EXPECT_EQ(counts.sent, 1);
  EXPECT_EQ(counts.failed, 2);
  EXPECT_EQ(counts.deferred, 1);

  const store::OutgoingMail r = row(rejected);
  EXPECT_EQ(r.state, "failed");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_NE(r.lastError.find("550"), std::string::npos) << r.lastError;
  EXPECT_NE(r.lastError.find("no such mailbox"), std::string::npos) << r.lastError;
  const store::OutgoingMail b = row(busy);
  EXPECT_EQ(b.state, "pending");
  EXPECT_NE(b.lastError.find("451"), std::string::npos) << b.lastError;
  EXPECT_EQ(row(fine).state, "sent");
  const store::OutgoingMail bad = row(malformed);
  EXPECT_EQ(bad.state, "failed");
  EXPECT_NE(bad.lastError.find("not a deliverable address"), std::string::npos) << bad.lastError;
  const std::vector<cptest::ReceivedMail> got = relay.waitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].envelope->getArray("rcpt_tos")->getElement<std::string>(0), "lan.nguyen@tdmu.example");
}

TEST_F(MailOutboxSender, ARestartedSenderDeliversWhatWasPendingAndWhatACrashLeftBehind) {
  ManualClock time;
  const int64_t deferred = queue("first@tdmu.example");
  {
    mail::OutboxSender down(*db, options(cptest::unusedPort()), nullptr, time.clock());
    EXPECT_EQ(down.deliverDue().deferred, 1);
  }
  // A sender that crashed in the middle of a delivery: its claim is still there, its lease running.
  const int64_t crashed = queue("second@tdmu.example");
  db->transaction([&](Poco::Data::Session& s) {
    const std::string now = Poco::DateTimeFormatter::format(time.now, "%Y-%m-%dT%H:%M:%SZ");
    Poco::Timestamp leaseEnd = time.now + Poco::Timespan(300, 0);
    const auto claimed =
        store::claimDueMail(s, now, Poco::DateTimeFormatter::format(leaseEnd, "%Y-%m-%dT%H:%M:%SZ"), 10, 10);
    ASSERT_EQ(claimed.size(), 1u);
  });
  EXPECT_EQ(row(crashed).state, "sending");

  // The process restarts: a new database connection, a new sender, the relay is back.
  db = std::make_unique<store::Database>(url());
  cptest::SmtpSink relay;
  mail::OutboxSender restarted(*db, options(relay.port()), nullptr, time.clock());
  EXPECT_EQ(restarted.deliverDue().sent, 0) << "nothing is due yet";
  time.advance(60);
  EXPECT_EQ(restarted.deliverDue().sent, 1) << "the deferred one after its back-off";
  time.advance(240);
  EXPECT_EQ(restarted.deliverDue().sent, 1) << "the crashed claim once its lease ran out";
  EXPECT_EQ(row(deferred).state, "sent");
  EXPECT_EQ(row(deferred).attempts, 2);
  EXPECT_EQ(row(crashed).state, "sent");
  EXPECT_EQ(row(crashed).attempts, 2);
  EXPECT_EQ(relay.waitFor(2).size(), 2u);
}

TEST_F(MailOutboxSender, TwoSendersAtOnceDeliverEveryMessageExactlyOnce) {
  cptest::SmtpSink relay;
  constexpr int kMessages = 40;
  for (int i = 0; i < kMessages; ++i)
    queue("author" + std::to_string(i) + "@tdmu.example", "Bài báo số " + std::to_string(i));
  mail::MailOptions o = options(relay.port());
  o.batchSize = 3;
  // Two processes, as far as the database can tell: separate connection pools on the same file.
  store::Database otherDb(url());
  mail::OutboxSender a(*db, o), b(otherDb, o);
  mail::DeliveryCounts ca, cb;
  std::thread ta([&] { ca = a.deliverDue(); });
  std::thread tb([&] { cb = b.deliverDue(); });
  ta.join();
  tb.join();
  EXPECT_EQ(ca.sent + cb.sent, kMessages);
  EXPECT_EQ(ca.lost + cb.lost + ca.deferred + cb.deferred + ca.failed + cb.failed, 0);
  EXPECT_GT(ca.sent, 0);
  EXPECT_GT(cb.sent, 0);

  const std::vector<cptest::ReceivedMail> got = relay.waitFor(kMessages);
  ASSERT_EQ(got.size(), static_cast<size_t>(kMessages));
  std::set<std::string> subjects, ids;
  for (const auto& mail : got) {
    subjects.insert(mail.decoded->getValue<std::string>("subject"));
    ids.insert(mail.decoded->getValue<std::string>("message_id"));
  }
  EXPECT_EQ(subjects.size(), static_cast<size_t>(kMessages));
  EXPECT_EQ(ids.size(), static_cast<size_t>(kMessages));
  Poco::Data::Session s = db->session();
  EXPECT_EQ(store::mailCountsByState(s).at("sent"), kMessages);
}

TEST_F(MailOutboxSender, WhatASlowPassCannotFinishWithinItsLeaseGoesBackUntried) {
  cptest::SmtpSink relay;
  for (int i = 0; i < 4; ++i)
    queue("author" + std::to_string(i) + "@tdmu.example", "Bài " + std::to_string(i));
  mail::MailOptions o = options(relay.port());  // lease 60 s, time-out 5 s: 50 s needed per message
  o.batchSize = 4;
  // Every look at the clock finds 7 s gone: the lease of a batch lasts for about one message.
  Poco::Timestamp now = Poco::Timestamp::fromEpochTime(Poco::Timestamp().epochTime() + 5);
  mail::OutboxSender sender(*db, o, nullptr, [&now] { return now += Poco::Timespan(7, 0); });
  const mail::DeliveryCounts counts = sender.deliverDue();
  EXPECT_EQ(counts.sent, 4);
  EXPECT_GT(counts.released, 0);
  EXPECT_EQ(relay.waitFor(4).size(), 4u);
  Poco::Data::Session s = db->session();
  for (const store::OutgoingMail& m : store::recentMail(s, 10)) {
    EXPECT_EQ(m.state, "sent");
    EXPECT_EQ(m.attempts, 1) << "a message given back untried has not used an attempt";
  }
}

TEST_F(MailOutboxSender, UsesStarttlsAndAuthWithTheRelaysCertificate) {
  const cptest::TestCertificate certificate = cptest::makeCertificate(dir);
  cptest::SmtpSink relay({certificate.certificate, certificate.key, "confpress", "mật khẩu bí mật"});
  mail::MailOptions o = options(relay.port());
  o.starttls = true;
  o.caFile = certificate.certificate;
  o.user = "confpress";
  o.password = "mật khẩu bí mật";
  const int64_t id = queue("lan.nguyen@tdmu.example");
  mail::OutboxSender sender(*db, o);
  EXPECT_EQ(sender.deliverDue().sent, 1) << row(id).lastError;
  const std::vector<cptest::ReceivedMail> got = relay.waitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].envelope->getValue<bool>("tls"));
  EXPECT_EQ(got[0].envelope->getValue<std::string>("login"), "confpress");
  EXPECT_EQ(got[0].decoded->getValue<std::string>("subject"), kVietnameseSubject);
}

TEST_F(MailOutboxSender, TlsAndLoginProblemsDeferTheMessageWithTheReason) {
  const cptest::TestCertificate certificate = cptest::makeCertificate(dir);
  cptest::SmtpSink relay({certificate.certificate, certificate.key, "confpress", "secret"});
  const int64_t id = queue("lan.nguyen@tdmu.example");
  ManualClock time;
  auto attempt = [&](const mail::MailOptions& o) {
    mail::OutboxSender sender(*db, o, nullptr, time.clock());
    const mail::DeliveryCounts counts = sender.deliverDue();
    time.advance(3600);
    return counts;
  };
  mail::MailOptions good = options(relay.port());
  good.starttls = true;
  good.caFile = certificate.certificate;
  good.user = "confpress";
  good.password = "secret";

  mail::MailOptions plain = good;  // the relay demands STARTTLS before MAIL FROM (530)
  plain.starttls = false;
  plain.user.clear();
  EXPECT_EQ(attempt(plain).deferred, 1);
  EXPECT_NE(row(id).lastError.find("530"), std::string::npos) << row(id).lastError;

  mail::MailOptions untrusted = good;  // a self-signed certificate is not among the system's CAs
  untrusted.caFile.clear();
  EXPECT_EQ(attempt(untrusted).deferred, 1);
  EXPECT_NE(row(id).lastError.find("certificate"), std::string::npos) << row(id).lastError;

  mail::MailOptions wrongPassword = good;
  wrongPassword.password = "guess";
  EXPECT_EQ(attempt(wrongPassword).deferred, 1);
  EXPECT_NE(row(id).lastError.find("535"), std::string::npos) << row(id).lastError;

  mail::MailOptions unverified = good;  // verification off: for test relays only
  unverified.caFile.clear();
  unverified.tlsVerify = false;
  EXPECT_EQ(attempt(unverified).sent, 1) << row(id).lastError;
  EXPECT_EQ(row(id).attempts, 4);
  EXPECT_EQ(relay.waitFor(1).size(), 1u);
}

TEST_F(MailOutboxSender, TheBackgroundThreadDeliversWhenWokenAndStopsCleanly) {
  cptest::SmtpSink relay;
  mail::MailOptions o = options(relay.port());
  o.pollSeconds = 3600;  // only wake() can make it look again
  mail::OutboxSender sender(*db, o);
  sender.start();
  const int64_t id = queue("lan.nguyen@tdmu.example");
  sender.wake();
  EXPECT_EQ(relay.waitFor(1, std::chrono::seconds(10)).size(), 1u);
  sender.stop();
  EXPECT_EQ(row(id).state, "sent");
  sender.stop();  // twice is fine
}

TEST_F(MailOutboxSender, RefusesOptionsThatCannotWork) {
  mail::MailOptions o = options(25);
  o.from = "nobody";
  EXPECT_THROW({ mail::OutboxSender sender(*db, o); }, std::invalid_argument);
  o = options(0);
  EXPECT_THROW({ mail::OutboxSender sender(*db, o); }, std::invalid_argument);
  o = options(25);
  o.authMethod = "gssapi";
  EXPECT_THROW({ mail::OutboxSender sender(*db, o); }, std::invalid_argument);
  o = options(25);
  o.caFile = dir.file("missing.pem");
  EXPECT_THROW({ mail::OutboxSender sender(*db, o); }, std::invalid_argument);
}

}  // namespace
