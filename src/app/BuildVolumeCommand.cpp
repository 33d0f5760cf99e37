// confpress build-volume: a proceedings volume from a manifest (volume.xml and the papers' PDFs), without
// a database. Prints one "name value" line per figure; broken papers, manifest and style errors exit 2.
#include <Poco/Util/Application.h>

#include <cstdio>

#include "app/Command.h"
#include "app/Commands.h"
#include "volume/ManifestReader.h"
#include "volume/VolumeBuilder.h"

namespace confpress::app {

namespace {

class BuildVolumeCommand : public Command<Poco::Util::Application> {
 public:
  BuildVolumeCommand()
      : Command("build-volume",
                "Builds the proceedings volume into DIR: volume.pdf (title, imprint, preface, committees, "
                "contents, the papers stamped with running heads and page numbers, author index; outlines, "
                "page labels, links), papers/NNN-slug.pdf, volume.bib, crossref.xml (when the manifest has a "
                "DOI prefix and a depositor) and toc.csv. Everything is written under a temporary name and "
                "moved into DIR only when complete. The manifest's format is templates/volume/manifest.xsd "
                "(example: samples/manifest/volume.xml); a style is templates/volume/NAME.xml.",
                "--manifest volume.xml --out DIR [--style templates/volume/NAME.xml] [--skip-broken] "
                "[--crossref-schema DIR]") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("manifest", "", "the volume manifest (XML)").argument("FILE"));
    options.addOption(Option("out", "", "the output folder (created if needed)").argument("DIR"));
    options.addOption(
        Option("style", "", "a style file (default templates/volume/default.xml)").argument("FILE"));
    options.addOption(Option("skip-broken", "", "leave out papers whose PDF cannot be used, and list them"));
    options.addOption(Option("crossref-schema", "", "validate crossref.xml against crossref5.3.1.xsd in DIR")
                          .argument("DIR"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "manifest")
      manifest_ = value;
    else if (name == "out")
      options_.outDir = value;
    else if (name == "style")
      style_ = value;
    else if (name == "skip-broken")
      options_.skipBroken = true;
    else if (name == "crossref-schema")
      options_.crossrefSchemaDir = value;
    else
      return false;
    return true;
  }

  int execute(const std::vector<std::string>& args) override {
    if (!args.empty()) throw std::invalid_argument("unexpected argument '" + args.front() + "' (see --help)");
    if (manifest_.empty()) throw std::invalid_argument("--manifest is required");
    if (options_.outDir.empty()) throw std::invalid_argument("--out is required");
    const std::string templates = config.templatesDir() + "/volume/";
    options_.style = volume::VolumeStyle::read(style_.empty() ? templates + "default.xml" : style_,
                                               templates + "style.xsd");
    const volume::VolumeSpec spec = volume::readManifest(manifest_, templates + "manifest.xsd");
    volume::BuildReport report;
    try {
      report = volume::buildVolume(spec, options_);
    } catch (const volume::BrokenPaperError& e) {
      throw ValidationError("paper", "broken_pdf", e.what());
    }
    for (const volume::BrokenPaper& b : report.skipped) std::cerr << "skipped " << b.message() << '\n';
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", report.seconds);
    std::cout << "volume " << options_.outDir << "/volume.pdf\n"
              << "pages " << report.pages << '\n'
              << "papers " << report.papers << '\n'
              << "skipped " << report.skipped.size() << '\n'
              << "crossref " << (report.crossref ? "yes" : "no") << '\n'
              << "seconds " << seconds << '\n';
    return 0;
  }

 private:
  std::string manifest_, style_;
  volume::BuildOptions options_;
};

}  // namespace

int launchBuildVolume(int argc, char** argv) {
  return Poco::makeAuto<BuildVolumeCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
