// confpress serve: migrates the database, then serves the web application and the API, and delivers the
// mail outbox on a background thread, until SIGINT or SIGTERM: then it stops accepting, lets running
// requests finish, lets the sender finish the message in hand, and exits. Background jobs (the reviewer
// assignment) run on their own thread; a stop lets the job in hand finish.
#include <Poco/Util/ServerApplication.h>

#include "app/Command.h"
#include "app/Commands.h"
#include "app/Runtime.h"
#include "mail/MailCommandLine.h"
#include "mail/OutboxSender.h"
#include "web/HttpServer.h"

namespace confpress::app {

namespace {

class ServeCommand : public Command<Poco::Util::ServerApplication> {
 public:
  ServeCommand()
      : Command("serve", "Serves ConfPress over HTTP (migrates the database first).",
                "[--db URL] [--data DIR] [--host H] [--port N] [--threads N] [--public-url URL] [--quiet]"
                " [--smtp-host H] [--smtp-port N] [--smtp-user U --smtp-password-file F] [--smtp-starttls]"
                " [--mail-from FROM] [--no-mail] [--preflight-seconds N] [--preflight-mb N]"
                " [--preflight-workers N]") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("host", "", "address to listen on (default 127.0.0.1)").argument("HOST"));
    options.addOption(
        Option("port", "p", "port to listen on; 0 picks a free one (default 8080)").argument("N"));
    options.addOption(Option("threads", "", "requests served at once (default 16)").argument("N"));
    options.addOption(
        Option("public-url", "", "base of links in e-mails (default http://HOST:PORT)").argument("URL"));
    options.addOption(Option("quiet", "q", "no access log"));
    mail::addSmtpOptions(options);
    options.addOption(Option("no-mail", "", "deliver no mail: messages stay queued in the outbox"));
    options.addOption(
        Option("preflight-seconds", "", "time one upload's check may take (default 10)").argument("N"));
    options.addOption(
        Option("preflight-mb", "", "memory one upload's check may use, in MB (default 512)").argument("N"));
    options.addOption(Option("preflight-workers", "", "uploads checked at once; 0 = one per CPU (default 0)")
                          .argument("N"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "host")
      config.server.host = value;
    else if (name == "port")
      config.server.port = parseCount("port", value, 0, 65535);
    else if (name == "threads")
      config.server.threads = parseCount("threads", value, 1, 512);
    else if (name == "public-url")
      config.publicUrl = value;
    else if (name == "quiet")
      config.server.accessLog = false;
    else if (name == "no-mail")
      config.mail.enabled = false;
    else if (name == "preflight-seconds")
      config.preflight.timeLimitSeconds = parseCount("preflight-seconds", value, 1, 3600);
    else if (name == "preflight-mb")
      config.preflight.memoryLimitMb = parseCount("preflight-mb", value, 16, 1 << 20);
    else if (name == "preflight-workers")
      config.preflightWorkers = parseCount("preflight-workers", value, 0, 1024);
    else
      return mail::applySmtpOption(config.mail, name, value);
    return true;
  }

  int execute(const std::vector<std::string>&) override {
    Runtime runtime(config);
    const int applied = runtime.migrate();
    if (applied > 0) std::cout << "applied " << applied << " migration(s)\n";
    mail::OutboxSender sender(runtime.db, config.mail, &std::cerr);  // checks the mail options
    web::Services services = runtime.webServices("");
    web::HttpServer server(services, config.server);
    server.bind();
    services.publicUrl = runtime.setServerUrl(server.url());  // the port actually bound
    runtime.jobs.start();
    server.start();
    std::cout << "listening on " << server.url() << std::endl;
    if (config.mail.enabled) {
      sender.start();
      std::cout << "mail: delivering through " << config.mail.host << ":" << config.mail.port
                << (config.mail.starttls ? " with STARTTLS" : "") << std::endl;
    } else {
      std::cout << "mail: not delivering (--no-mail); messages stay queued" << std::endl;
    }
    waitForTerminationRequest();
    std::cout << "stopping: letting running requests finish" << std::endl;
    server.stop();
    runtime.jobs.stop();
    sender.stop();
    std::cout << "stopped" << std::endl;
    return 0;
  }
};

}  // namespace

int launchServe(int argc, char** argv) {
  return Poco::makeAuto<ServeCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
