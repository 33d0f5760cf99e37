#pragma once
// What the committee pages (committee, invitation, profile, bids, conflicts) show, as mstch maps: the
// conference heading with the committee navigation of the reader, topic choices, members, conflicts and
// errors. Labels come from the reader's catalog; keys are documented in templates/README.md.
#include <mstch/mstch.hpp>

#include <map>
#include <string>
#include <vector>

#include "policy/Policy.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/ConflictRepository.h"
#include "web/Exchange.h"

namespace confpress::web {

/// {slug, title, acronym, url} of the conference.
mstch::map conferenceHeading(Exchange& ex, const store::ConferenceRecord& c);

/// The committee pages the reader may use, as {links: [{url, key, label, current}], has_links}
/// (`current`: the page's own key): chairs get committee, conflicts and assignment; members who accepted
/// get profile and bids.
mstch::map committeeNav(Exchange& ex, const store::ConferenceRecord& c,
                        const policy::ConferenceStanding& standing, const std::string& current);

/// The conference's topics as checkboxes [{id, name, checked}].
mstch::array topicChoices(Exchange& ex, const store::ConferenceRecord& c, const std::vector<int64_t>& chosen);
/// The same for topics posted as ids (form values), unknown ones ignored.
mstch::array topicChoices(Exchange& ex, const store::ConferenceRecord& c,
                          const std::vector<std::string>& chosen);

/// Topic names in the reader's language, in the conference's order.
mstch::array topicList(Exchange& ex, const store::ConferenceRecord& c, const std::vector<int64_t>& ids);

/// One committee member (a row of the chairs' list, or the edit form's values).
mstch::map memberView(Exchange& ex, const store::ConferenceRecord& c, const store::CommitteeMemberRecord& m);

/// One conflict of interest (a row of the chairs' list).
mstch::map conflictView(Exchange& ex, const store::ConferenceRecord& c, const store::ConflictRecord& row);

/// [{value, label, selected}] for a select whose options are `values`, labelled by `prefix + value`.
mstch::array selectOptions(Exchange& ex, const std::vector<std::string>& values, const std::string& prefix,
                           const std::string& selected);

/// A form's error map: the field named by the error (its base name when listed in `fields`, so "topics[2]"
/// is "topics") or "form", with the message in the reader's language.
mstch::map fieldErrors(Exchange& ex, const Error& e, const std::vector<std::string>& fields);

/// The values of every field named `name` (repeated checkboxes).
std::vector<std::string> repeatedValues(const Poco::Net::HTMLForm& form, const std::string& name);

}  // namespace confpress::web
