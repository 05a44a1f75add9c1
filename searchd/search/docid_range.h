#pragma once
// Matches the documents whose ids lie in [first, last]: one searcher's share of a search split
// between two. Meant to filter another query: alone it would also claim the ids of deleted
// documents (it never claims ids past the database's last).
// Over a stub of several databases, Xapian numbers their documents in turn (a database's k-th
// document is the stub's (k - 1) * databases + its place + 1) but tells a posting source each
// database's own ids: a range of the stub's ids that starts after a multiple of `databases` and
// ends at one (or past the last document) is the same range of each database's own ids, which is
// what the source then matches. A range over a stub that starts elsewhere is refused; one that
// ends elsewhere takes in the rest of its last turn.

#include <xapian.h>

namespace talksearch::search {

class DocidRange : public Xapian::PostingSource {
  public:
    // Throws std::invalid_argument for a range over a stub that is no range of each database's.
    DocidRange(Xapian::docid first, Xapian::docid last, Xapian::doccount databases = 1);

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void next(double) override { current_ = current_ == 0 ? begin_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override;
    bool at_end() const override { return current_ > end_; }
    Xapian::docid get_docid() const override { return current_; }
    PostingSource* clone() const override { return new DocidRange(first_, last_, databases_); }
    std::string get_description() const override;

  private:
    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::doccount databases_;
    Xapian::docid begin_;    // first, in each database's own ids
    Xapian::docid end_ = 0;  // last, in each database's own ids, or the database's last id if lower
    Xapian::docid current_ = 0;
    Xapian::doccount estimate_ = 0;
};

}  // namespace talksearch::search
