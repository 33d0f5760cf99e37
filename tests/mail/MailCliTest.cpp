// The real `confpress` binary with a real relay: `serve` delivers the outbox through the relay its
// options name and stops its sender on SIGTERM; `--no-mail` keeps messages queued; `confpress mail`
// lists the outbox, queues a failed message again and delivers now, with the password from a file.
#include <gtest/gtest.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <fstream>
#include <thread>

#include "mail/SmtpSink.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/Outbox.h"
#include "support/TempDir.h"

using namespace confpress;

namespace {

constexpr const char* kFrom = "Hội thảo Bình Dương <hoithao@binhduong.example>";

cptest::ProcessResult runConfpress(const std::vector<std::string>& args) {
  return cptest::runProcess(CONFPRESS_BINARY, args);
}

// A migrated database file with messages queued in it, as the web application would leave it.
class Outbox {
 public:
  explicit Outbox(const cptest::TempDir& dir) : url_("sqlite:" + dir.file("db.sqlite")), db_(url_) {
    store::Migrator(db_, CONFPRESS_SOURCE_DIR "/migrations").migrate();
  }
  const std::string& url() const { return url_; }

  int64_t queue(const std::string& to, const std::string& subject = "Đã nhận bài báo số 7") {
    store::OutgoingMail m;
    m.toAddress = to;
    m.toName = "Trần Thị Thu Hà";
    m.subject = subject;
    m.bodyText = "Kính gửi tác giả,\n";
    m.templateName = "submission_receipt";
    return db_.transaction([&](Poco::Data::Session& s) { return store::enqueueMail(s, m); });
  }

  store::OutgoingMail row(int64_t id) {
    Poco::Data::Session s = db_.session();
    return store::findMail(s, id).value();
  }

 private:
  std::string url_;
  store::Database db_;
};

// `confpress serve` on a free port until stop(): its output is read up to the mail line.
class Serve {
 public:
  Serve(const cptest::TempDir& dir, const std::string& url, std::vector<std::string> mailArgs) {
    std::vector<std::string> args = {"serve",          "--db",   url, "--data",
                                     dir.file("data"), "--port", "0", "--quiet"};
    args.insert(args.end(), mailArgs.begin(), mailArgs.end());
    process_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(CONFPRESS_BINARY, args, nullptr, &outPipe_, &errPipe_));
    out_ = std::make_unique<Poco::PipeInputStream>(outPipe_);
    for (std::string line; std::getline(*out_, line);) {
      started += line + "\n";
      if (line.starts_with("mail: ")) break;
    }
  }
  ~Serve() {
    if (process_) Poco::Process::kill(*process_);
  }

  /// SIGTERM, then the rest of its output and its exit code.
  cptest::ProcessResult stop() {
    Poco::Process::requestTermination(process_->id());
    cptest::ProcessResult r;
    Poco::StreamCopier::copyToString(*out_, r.out);
    Poco::PipeInputStream err(errPipe_);
    Poco::StreamCopier::copyToString(err, r.err);
    r.exitCode = process_->wait();
    process_.reset();
    return r;
  }

  std::string started;  // its output up to and including the "mail: …" line

 private:
  Poco::Pipe outPipe_, errPipe_;
  std::unique_ptr<Poco::ProcessHandle> process_;
  std::unique_ptr<Poco::PipeInputStream> out_;
};

}  // namespace

TEST(MailCli, ServeDeliversTheOutboxThroughTheRelayAndStopsItsSenderOnSigterm) {
  cptest::TempDir dir;
  cptest::SmtpSink relay;
  Outbox outbox(dir);
  const int64_t id = outbox.queue("lan.nguyen@tdmu.example");
  Serve serve(
      dir, outbox.url(),
      {"--smtp-host", "127.0.0.1", "--smtp-port", std::to_string(relay.port()), "--mail-from", kFrom});
  EXPECT_NE(serve.started.find("mail: delivering through 127.0.0.1:" + std::to_string(relay.port())),
            std::string::npos)
      << serve.started;
  const auto got = relay.waitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].decoded->getValue<std::string>("subject"), "Đã nhận bài báo số 7");
  EXPECT_EQ(got[0].envelope->getValue<std::string>("mail_from"), "hoithao@binhduong.example");
  const cptest::ProcessResult stopped = serve.stop();
  EXPECT_EQ(stopped.exitCode, 0) << stopped.err;
  EXPECT_NE(stopped.out.find("stopped"), std::string::npos) << stopped.out;
  EXPECT_NE(stopped.err.find("mail #" + std::to_string(id) + " to lan.nguyen@tdmu.example: sent"),
            std::string::npos)
      << stopped.err;
  EXPECT_EQ(outbox.row(id).state, "sent");
}

TEST(MailCli, ServeWithNoMailKeepsMessagesQueued) {
  cptest::TempDir dir;
  cptest::SmtpSink relay;
  Outbox outbox(dir);
  const int64_t id = outbox.queue("lan.nguyen@tdmu.example");
  Serve serve(dir, outbox.url(), {"--smtp-port", std::to_string(relay.port()), "--no-mail"});
  EXPECT_NE(serve.started.find("mail: not delivering (--no-mail)"), std::string::npos) << serve.started;
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(serve.stop().exitCode, 0);
  EXPECT_EQ(relay.count(), 0u);
  EXPECT_EQ(outbox.row(id).state, "pending");
  EXPECT_EQ(outbox.row(id).attempts, 0);
}

TEST(MailCli, MailCommandSendsNowListsAndRetriesWithThePasswordFromAFile) {
  cptest::TempDir dir;
  const cptest::TestCertificate certificate = cptest::makeCertificate(dir);
  cptest::SmtpSink relay({certificate.certificate, certificate.key, "confpress", "mật khẩu bí mật"});
  std::ofstream(dir.file("smtp-password")) << "mật khẩu bí mật\n";
  Outbox outbox(dir);
  const int64_t rejected = outbox.queue("reject-this@tdmu.example");
  const int64_t fine = outbox.queue("lan.nguyen@tdmu.example");
  const std::vector<std::string> smtp = {"--smtp-host",
                                         "127.0.0.1",
                                         "--smtp-port",
                                         std::to_string(relay.port()),
                                         "--smtp-starttls",
                                         "--smtp-ca-file",
                                         certificate.certificate,
                                         "--smtp-user",
                                         "confpress",
                                         "--smtp-password-file",
                                         dir.file("smtp-password"),
                                         "--mail-from",
                                         kFrom};
  std::vector<std::string> sendNow = {"mail", "--db", outbox.url(), "--send-now"};
  sendNow.insert(sendNow.end(), smtp.begin(), smtp.end());
  cptest::ProcessResult sent = runConfpress(sendNow);
  EXPECT_EQ(sent.exitCode, 0) << sent.out << sent.err;
  EXPECT_NE(sent.out.find("sent 1, deferred 0, failed 1"), std::string::npos) << sent.out;
  EXPECT_EQ(outbox.row(fine).state, "sent");
  EXPECT_EQ(relay.waitFor(1).size(), 1u);

  cptest::ProcessResult list = runConfpress({"mail", "--db", outbox.url()});
  EXPECT_EQ(list.exitCode, 0) << list.err;
  EXPECT_NE(list.out.find("outbox: 0 pending, 0 sending, 1 sent, 1 failed"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("#" + std::to_string(rejected) + " failed attempts=1"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("550"), std::string::npos) << list.out;

  cptest::ProcessResult retried =
      runConfpress({"mail", "--db", outbox.url(), "--retry", std::to_string(rejected)});
  EXPECT_EQ(retried.exitCode, 0) << retried.err;
  EXPECT_EQ(outbox.row(rejected).state, "pending");
  EXPECT_EQ(outbox.row(rejected).attempts, 0);
  EXPECT_EQ(runConfpress({"mail", "--db", outbox.url(), "--retry", std::to_string(fine)}).exitCode, 2);

  // The relay is gone: the message waits, and the exit code says so.
  cptest::ProcessResult down = runConfpress({"mail", "--db", outbox.url(), "--send-now", "--smtp-port",
                                             std::to_string(cptest::unusedPort()), "--mail-from", kFrom});
  EXPECT_EQ(down.exitCode, 1) << down.out << down.err;
  EXPECT_NE(down.out.find("deferred 1"), std::string::npos) << down.out;

  cptest::ProcessResult noFile =
      runConfpress({"serve", "--db", outbox.url(), "--smtp-password-file", dir.file("missing")});
  EXPECT_EQ(noFile.exitCode, 2);
  EXPECT_NE(noFile.err.find("--smtp-password-file"), std::string::npos) << noFile.err;
  cptest::ProcessResult badFrom = runConfpress({"mail", "--db", outbox.url(), "--mail-from", "ConfPress"});
  EXPECT_EQ(badFrom.exitCode, 2);
  EXPECT_NE(badFrom.err.find("--mail-from"), std::string::npos) << badFrom.err;
}
