#pragma once
// Matches the documents of a list of ids: a search pass over a few documents chosen beforehand
// (the newest among the matches a search counted), which Xapian then leads the match with.
// Over a stub of several databases the ids are the stub's, as Xapian numbers the documents of
// several databases together; Xapian 1.4 gives each database a clone of the source and asks it
// about that database's own ids, telling it which database only by the one it is given, so each
// clone finds its database among the stub's parts by UUID and keeps the ids of its documents.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

class DocidList : public Xapian::PostingSource {
  public:
    // `docids` sorted and distinct. `part_uuids`: the UUIDs of the stub's databases in the order
    // it numbers their documents; none for a single database.
    explicit DocidList(std::vector<Xapian::docid> docids, std::vector<std::string> part_uuids = {});

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return size(); }
    Xapian::doccount get_termfreq_max() const override { return size(); }
    void next(double) override;
    void skip_to(Xapian::docid docid, double) override;
    bool at_end() const override { return at_ >= docids_->size(); }
    Xapian::docid get_docid() const override { return (*docids_)[at_]; }
    PostingSource* clone() const override { return new DocidList(all_, part_uuids_); }
    std::string get_description() const override;

  private:
    using Ids = std::shared_ptr<const std::vector<Xapian::docid>>;
    using Uuids = std::shared_ptr<const std::vector<std::string>>;
    DocidList(Ids docids, Uuids part_uuids)
        : all_(docids), part_uuids_(std::move(part_uuids)), docids_(std::move(docids)) {}
    Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }

    Ids all_;  // numbered as the stub numbers them
    Uuids part_uuids_;
    Ids docids_;  // those of the database this clone was given, at its own ids
    std::size_t at_ = 0;
    bool started_ = false;
};

// The UUIDs of `database`'s parts, in the order Xapian numbers their documents (from the UUID
// Xapian gives a stub: theirs joined by colons); empty for a single database; none when the parts
// cannot be told apart by them (a part without one, or two alike).
std::optional<std::vector<std::string>> part_uuids(const Xapian::Database& database);

}  // namespace talksearch::search
