#include "searchd/search/shard_columns.h"

#include "common/schema.h"
#include "searchd/search/facet_counting.h"

namespace talksearch::search {
namespace {

std::shared_ptr<const SlotColumns> build_columns(const Xapian::Database& database) {
    return std::make_shared<const SlotColumns>(database, counted_slots());
}

}  // namespace

ShardColumns::ShardColumns(const Xapian::Database& database) { update(database); }

void ShardColumns::update(const Xapian::Database& database) {
    current_ = shared_.get(database, {database}, {database.get_revision()},
                           [&] { return build_columns(database); });
    whole_stories_ = database.get_metadata(std::string(schema::kWholeStoriesKey)) == "1";
}

std::string ShardColumnsSource::serialise() const {
    return ends_ ? Deadline::time_left(*ends_) : std::string();
}

ShardColumnsSource* ShardColumnsSource::unserialise(const std::string& serialised) const {
    if (serialised.empty()) return new ShardColumnsSource(columns_);
    return new ShardColumnsSource(columns_, Deadline::ends_after(serialised));
}

void ShardColumnsSource::init(const Xapian::Database& database) {
    if (!columns_) {
        throw Xapian::InvalidArgumentError(
            "ShardColumnsSource runs on a shard server (shardd), not over a local database");
    }
    columns_->update(database);
    documents_ = database.get_doccount();
    position_ = database.postlist_begin({});
    end_ = database.postlist_end({});
    current_ = 0;
    at_end_ = false;
    questions_ = 0;
    set_maxweight(0);
}

void ShardColumnsSource::check_time() {
    if (ends_ && ++questions_ % kCheckEvery == 0 && Deadline::Clock::now() >= *ends_) {
        at_end_ = true;  // the match ends here
    }
}

void ShardColumnsSource::skip_to(Xapian::docid docid, double) {
    if (at_end_ || docid <= current_) return;
    position_.skip_to(docid);
    at_end_ = position_ == end_;
    if (!at_end_) current_ = *position_;
    check_time();
}

void ShardColumnsSource::next(double min_weight) { skip_to(current_ + 1, min_weight); }

bool ShardColumnsSource::check(Xapian::docid docid, double) {
    current_ = docid;
    check_time();
    return true;
}

}  // namespace talksearch::search
