#pragma once
// Matches the documents of a list of ids: a search pass over a few documents chosen beforehand
// (the newest among the matches a search counted), which Xapian then leads the match with.

#include <memory>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

class DocidList : public Xapian::PostingSource {
  public:
    // `docids` sorted and distinct.
    explicit DocidList(std::vector<Xapian::docid> docids);

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return size(); }
    Xapian::doccount get_termfreq_max() const override { return size(); }
    void next(double) override;
    void skip_to(Xapian::docid docid, double) override;
    bool at_end() const override { return at_ >= docids_->size(); }
    Xapian::docid get_docid() const override { return (*docids_)[at_]; }
    PostingSource* clone() const override { return new DocidList(docids_); }
    std::string get_description() const override;

  private:
    explicit DocidList(std::shared_ptr<const std::vector<Xapian::docid>> docids)
        : docids_(std::move(docids)) {}
    Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }

    std::shared_ptr<const std::vector<Xapian::docid>> docids_;
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace talksearch::search
