// confpress sample-volume: writes the sample manifest, its preface and its generated PDFs into a folder,
// ready for confpress build-volume. Needs no database.
#include <Poco/Util/Application.h>

#include "app/Command.h"
#include "app/Commands.h"
#include "sample/SampleVolume.h"

namespace confpress::app {

namespace {

class SampleVolumeCommand : public Command<Poco::Util::Application> {
 public:
  SampleVolumeCommand()
      : Command("sample-volume",
                "Writes samples/manifest/volume.xml, its preface and the PDFs it names (the sample "
                "workshop's 31 selected papers, generated) into DIR; then run confpress build-volume "
                "--manifest DIR/volume.xml --out OUT.",
                "--out DIR [--max-pages N]") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("out", "", "the folder to write into (created if needed)").argument("DIR"));
    options.addOption(
        Option("max-pages", "", "set papers on at most N pages where their text allows").argument("N"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "out")
      out_ = value;
    else if (name == "max-pages")
      maxPages_ = parseCount(name, value, 1, 40);
    else
      return false;
    return true;
  }

  int execute(const std::vector<std::string>& args) override {
    if (!args.empty()) throw std::invalid_argument("unexpected argument '" + args.front() + "' (see --help)");
    if (out_.empty()) throw std::invalid_argument("--out is required");
    const sample::SampleVolumeSummary s = sample::writeSampleVolume(config.samplesDir(), out_, maxPages_);
    std::cout << "manifest " << out_ << "/volume.xml\npapers " << s.papers << "\npages " << s.pages << '\n';
    return 0;
  }

 private:
  std::string out_;
  int maxPages_ = 0;
};

}  // namespace

int launchSampleVolume(int argc, char** argv) {
  return Poco::makeAuto<SampleVolumeCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
