#include "sample/SampleSubmissions.h"

#include "auth/Identity.h"
#include "sample/PaperPdf.h"
#include "store/ConferenceRepository.h"
#include "store/PeopleRepository.h"
#include "store/SubmissionRepository.h"

namespace confpress::sample {

namespace {

std::optional<auth::Principal> principalOf(store::PeopleRepository& people, const std::string& email) {
  auto account = people.findAccountByEmail(email);
  if (!account) return std::nullopt;
  const auto& p = account->person;
  return auth::Principal{p.id, p.email, auth::displayName(p.familyName, p.givenName, p.nameOrder), p.locale,
                         account->isAdmin};
}

submission::SubmissionInput inputOf(const SamplePaper& paper) {
  submission::SubmissionInput in;
  in.title = paper.content.title;
  in.abstract = paper.content.abstract;
  in.keywords = paper.content.keywords;
  in.topics = paper.topics;
  for (size_t i = 0; i < paper.authors.size(); ++i) {
    const SampleAuthor& a = paper.authors[i];
    submission::AuthorInput author;
    author.familyName = a.familyName;
    author.givenName = a.givenName;
    author.email = a.email;
    author.affiliation = a.affiliation;
    author.country = a.country.empty() ? "VN" : a.country;
    author.nameOrder = a.familyFirst ? "family_first" : "given_first";
    author.corresponding = i == 0;
    in.authors.push_back(std::move(author));
  }
  return in;
}

}  // namespace

SubmissionsSummary loadSampleSubmissions(store::Database& db, submission::SubmissionService& submissions,
                                         const std::string& sampleDir, const std::string& slug) {
  SubmissionsSummary summary;
  const std::string path = sampleDir + "/papers.json";
  std::vector<SamplePaper> papers = readSamplePapers(path);
  std::vector<std::optional<auth::Principal>> submitters;
  auth::Principal chair;
  {
    Poco::Data::Session s = db.session();
    store::ConferenceRepository conferences(s);
    auto c = conferences.findBySlug(slug);
    if (!c) throw std::runtime_error("no conference '" + slug + "' to load " + path + " into");
    if (!store::SubmissionRepository(s).countByStatus(c->id).empty()) {
      summary.skipped = true;
      return summary;
    }
    store::PeopleRepository people(s);
    for (const auto& holder : conferences.roleHolders(c->id))
      if (holder.role == "chair" && chair.personId == 0) chair = *principalOf(people, holder.email);
    if (chair.personId == 0) throw std::runtime_error(slug + " has no chair to enter the sample papers");
    for (const SamplePaper& paper : papers) {
      std::optional<auth::Principal> submitter;
      for (const auto& a : paper.authors)
        if (!submitter) submitter = principalOf(people, auth::normaliseEmail(a.email));
      submitters.push_back(submitter);
    }
  }
  const auth::Origin origin{"127.0.0.1", "confpress sample", std::nullopt};
  for (size_t i = 0; i < papers.size(); ++i) {
    const SamplePaper& paper = papers[i];
    const auth::Principal who = submitters[i].value_or(chair);
    const std::string name = path + ": paper " + std::to_string(paper.number);
    try {
      auto created = submissions.create(slug, inputOf(paper), who, origin);
      const int number = created.submission.number;
      const std::string pdf = renderPaperPdf(paper.content, paper.options());
      auto upload = submissions.uploadPdf(slug, number, pdf, "bai-" + std::to_string(paper.number) + ".pdf",
                                          who, origin);
      if (upload.report.status == "warning") ++summary.withWarnings;
      submissions.submit(slug, number, who, origin);
      if (paper.withdrawn) {
        submissions.withdraw(slug, number, paper.withdrawalReason, who, origin);
        ++summary.withdrawn;
      }
      ++summary.created;
    } catch (const submission::PreflightRefused& e) {
      throw std::runtime_error(name + ": the generated PDF was refused: " + e.what());
    } catch (const Error& e) {
      throw std::runtime_error(name + ": " + (e.field().empty() ? "" : e.field() + ": ") + e.what());
    }
  }
  return summary;
}

}  // namespace confpress::sample
