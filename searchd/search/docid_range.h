#pragma once
// Matches the documents whose ids lie in [first, last]: one searcher's share of a search split
// between two. Meant to filter another query: alone it would also claim the ids of deleted
// documents (it never claims ids past the database's last).

#include <xapian.h>

namespace talksearch::search {

class DocidRange : public Xapian::PostingSource {
  public:
    DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void next(double) override { current_ = current_ == 0 ? first_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override;
    bool at_end() const override { return current_ > end_; }
    Xapian::docid get_docid() const override { return current_; }
    PostingSource* clone() const override { return new DocidRange(first_, last_); }
    std::string get_description() const override;

  private:
    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::docid end_ = 0;  // last, or the database's last id if lower
    Xapian::docid current_ = 0;
    Xapian::doccount estimate_ = 0;
};

}  // namespace talksearch::search
