// Names as printed and as indexed.
#include "volume/VolumeSpec.h"

namespace confpress::volume {

std::string PersonName::display() const {
  if (given.empty()) return family;
  return familyFirst ? family + " " + given : given + " " + family;
}

std::string PersonName::inverted() const {
  return given.empty() ? family : family + ", " + given;
}

}  // namespace confpress::volume
