#include "web/HttpServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Stopwatch.h>

#include <iostream>
#include <mutex>

#include "core/Errors.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Routes.h"

namespace confpress::web {

namespace {

std::mutex logMutex;

void writeAccessLog(Exchange& ex, double millis) {
  std::lock_guard lock(logMutex);
  std::cerr << ex.clientIp() << " \"" << ex.request.getMethod() << ' ' << ex.request.getURI().substr(0, 200)
            << "\" " << ex.status() << ' ' << ex.bytesSent() << ' '
            << static_cast<long>(millis * 1000) / 1000.0 << "ms\n";
}

// Serves one request: route, run, and turn every failure into an answer.
class Dispatcher : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatcher(const Router& router, Services& services, bool accessLog)
      : router_(router), services_(services), accessLog_(accessLog) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    Poco::Stopwatch clock;
    clock.start();
    Exchange ex(request, response, services_);
    try {
      dispatch(ex);
    } catch (const Error& e) {
      answer(ex, [&] { sendError(ex, e); });
    } catch (const std::exception& e) {
      {
        std::lock_guard lock(logMutex);
        std::cerr << "error: " << request.getMethod() << ' ' << ex.path() << ": " << e.what() << '\n';
      }
      answer(ex, [&] {
        sendError(ex, 500, "internal", "the server failed to answer this request; it was logged");
      });
    }
    if (accessLog_) writeAccessLog(ex, static_cast<double>(clock.elapsed()) / 1000.0);
  }

 private:
  void dispatch(Exchange& ex) {
    Router::Match match = router_.match(ex.request.getMethod(), ex.path());
    if (!match.handler) {
      if (!match.allowedMethods.empty()) {
        std::string allow;
        for (const auto& m : match.allowedMethods) allow += (allow.empty() ? "" : ", ") + m;
        ex.response.set("Allow", allow);
        sendError(ex, 405, "method_not_allowed",
                  ex.request.getMethod() + " is not allowed here (allowed: " + allow + ")");
        return;
      }
      throw NotFound("no page or API route at " + ex.path());
    }
    ex.params = std::move(match.params);
    (*match.handler)(ex);
  }

  // An error found after the response was sent can only be logged; otherwise answer it.
  template <class Send>
  void answer(Exchange& ex, Send send) {
    if (ex.sent()) return;
    try {
      send();
    } catch (const std::exception& e) {
      std::lock_guard lock(logMutex);
      std::cerr << "error while answering an error: " << e.what() << '\n';
    }
  }

  const Router& router_;
  Services& services_;
  bool accessLog_;
};

class DispatcherFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  DispatcherFactory(const Router& router, Services& services, bool accessLog)
      : router_(router), services_(services), accessLog_(accessLog) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    // Poco takes ownership of the handler it asked for.
    return std::make_unique<Dispatcher>(router_, services_, accessLog_).release();
  }

 private:
  const Router& router_;
  Services& services_;
  bool accessLog_;
};

}  // namespace

HttpServer::HttpServer(Services& services, ServerOptions options)
    : services_(services),
      options_(std::move(options)),
      router_(allRoutes()),
      pool_(2, std::max(2, options_.threads), 60) {}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::bind() {
  if (socket_) return;
  Poco::Net::SocketAddress address(options_.host, static_cast<Poco::UInt16>(options_.port));
  socket_ = std::make_unique<Poco::Net::ServerSocket>(address, 128);
  port_ = socket_->address().port();
}

void HttpServer::start() {
  bind();
  auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
  params->setMaxThreads(options_.threads);
  params->setMaxQueued(options_.queueLength);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(options_.keepAliveSeconds, 0));
  params->setMaxKeepAliveRequests(1000);
  params->setTimeout(Poco::Timespan(options_.socketTimeoutSeconds, 0));
  params->setServerName("ConfPress");
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      Poco::makeShared<DispatcherFactory>(router_, services_, options_.accessLog), pool_, *socket_, params);
  server_->start();
}

void HttpServer::stop(int graceSeconds) {
  if (!server_) return;
  server_->stopAll(false);  // no new connections; running requests complete
  Poco::Stopwatch waited;
  waited.start();
  while (server_->currentConnections() > 0 && waited.elapsedSeconds() < graceSeconds) Poco::Thread::sleep(20);
  if (server_->currentConnections() > 0) server_->stopAll(true);
  pool_.joinAll();
  server_.reset();
}

}  // namespace confpress::web
