#include "searchd/search/match_set.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace talksearch::search {
namespace {

using Words = std::vector<std::uint64_t>;
using Op = Xapian::Query::op;

// How an operator's value follows from its subqueries' sets; `Unsupported` ones need the
// matcher.
enum class Combine { all, any, first_without_rest, first_only, odd, unsupported };

Combine combine_of(Op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
            return Combine::all;
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
        case Xapian::Query::OP_SCALE_WEIGHT:  // one subquery
            return Combine::any;
        case Xapian::Query::OP_AND_NOT:
            return Combine::first_without_rest;
        case Xapian::Query::OP_AND_MAYBE:
            return Combine::first_only;
        case Xapian::Query::OP_XOR:
            return Combine::odd;
        default:
            return Combine::unsupported;
    }
}

bool is_leaf(const Xapian::Query& query) {
    const auto type = query.get_type();
    return type == Xapian::Query::LEAF_TERM || type == Xapian::Query::LEAF_MATCH_ALL ||
           type == Xapian::Query::LEAF_MATCH_NOTHING || type == Xapian::Query::LEAF_POSTING_SOURCE;
}

// The terms of a term, or of an alternative of terms (a place's spellings): the parts that can
// be checked document by document against their posting lists; none for anything else.
std::vector<std::string> checkable_terms(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) return {*query.get_terms_begin()};
    if (is_leaf(query) || combine_of(query.get_type()) != Combine::any) return {};
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const auto part = query.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM) return {};
        terms.push_back(*part.get_terms_begin());
    }
    return terms;
}

Xapian::doccount popcount(const Words& words) {
    Xapian::doccount count = 0;
    for (const auto word : words) count += static_cast<Xapian::doccount>(std::popcount(word));
    return count;
}

class Evaluation {
  public:
    Evaluation(const Xapian::Database& database, Xapian::docid first, Xapian::docid last)
        : database_(database),
          first_(first),
          last_(last),
          word_count_((static_cast<std::size_t>(last - first) + 64) / 64) {}

    std::optional<Words> run(const Xapian::Query& query);

  private:
    struct Frame {
        Combine combine = Combine::unsupported;
        std::vector<Xapian::Query> children;  // in the order they are evaluated
        std::size_t next_child = 0;
        std::optional<Words> value;
    };

    Frame frame_of(const Xapian::Query& query) const;
    // At most how many documents `query` matches, as far as it is cheap to tell.
    Xapian::doccount estimate(const Xapian::Query& query) const;
    // A leaf's set, or nothing if the leaf needs the matcher.
    std::optional<Words> leaf(const Xapian::Query& query) const;
    void add_postings(const std::string& term, Words& into) const;
    void set_all(Words& into) const;
    // Keeps the documents of `words` that one of `terms` indexes (or, unless `keep_found`, that
    // none does), skipping through their posting lists: for few documents, much less than
    // reading the lists whole.
    void keep_where(Words& words, const std::vector<std::string>& terms, bool keep_found) const;
    // Whether the next child of `frame` is applied by keep_where(), and if so applies it.
    bool applied_by_skipping(Frame& frame, const Xapian::Query& child) const;
    static void fold(Frame& parent, Words&& child);

    const Xapian::Database& database_;
    const Xapian::docid first_;
    const Xapian::docid last_;
    const std::size_t word_count_;
};

Xapian::doccount Evaluation::estimate(const Xapian::Query& query) const {
    if (query.get_type() == Xapian::Query::LEAF_MATCH_NOTHING) return 0;
    const auto terms = checkable_terms(query);
    if (terms.empty()) return database_.get_doccount();
    Xapian::doccount sum = 0;
    for (const auto& term : terms) sum += database_.get_termfreq(term);
    return sum;
}

Evaluation::Frame Evaluation::frame_of(const Xapian::Query& query) const {
    Frame frame;
    frame.combine = combine_of(query.get_type());
    const auto count = frame.combine == Combine::first_only
                           ? std::min<std::size_t>(query.get_num_subqueries(), 1)
                           : query.get_num_subqueries();
    for (std::size_t i = 0; i < count; ++i) frame.children.push_back(query.get_subquery(i));
    // All must match: the rarest first, so that the others may only be checked against it.
    // The first of AND_NOT is the one the rest are taken from; the rest go rarest last.
    if (frame.combine == Combine::all) {
        std::stable_sort(frame.children.begin(), frame.children.end(),
                         [&](const Xapian::Query& a, const Xapian::Query& b) {
                             return estimate(a) < estimate(b);
                         });
    }
    return frame;
}

void Evaluation::add_postings(const std::string& term, Words& into) const {
    auto posting = database_.postlist_begin(term);
    const auto end = database_.postlist_end(term);
    if (posting == end) return;
    posting.skip_to(first_);
    for (; posting != end; ++posting) {
        const auto docid = *posting;
        if (docid > last_) break;
        const auto offset = docid - first_;
        into[offset / 64] |= std::uint64_t{1} << (offset % 64);
    }
}

void Evaluation::set_all(Words& into) const {
    if (database_.get_doccount() == database_.get_lastdocid()) {
        // No document was ever deleted: every id in the range is a document.
        std::fill(into.begin(), into.end(), ~std::uint64_t{0});
        const auto used = (last_ - first_ + 1) % 64;
        if (used != 0) into.back() = (std::uint64_t{1} << used) - 1;
        return;
    }
    add_postings(std::string(), into);  // the empty term's postings are every document
}

void Evaluation::keep_where(Words& words, const std::vector<std::string>& terms,
                            bool keep_found) const {
    struct List {
        Xapian::PostingIterator at;
        Xapian::PostingIterator end;
    };
    std::vector<List> lists;
    for (const auto& term : terms) {
        lists.push_back({database_.postlist_begin(term), database_.postlist_end(term)});
    }
    for (std::size_t index = 0; index < words.size(); ++index) {
        for (auto word = words[index]; word != 0; word &= word - 1) {
            const auto bit = std::countr_zero(word);
            const auto docid =
                first_ + static_cast<Xapian::docid>(index * 64) + static_cast<Xapian::docid>(bit);
            bool found = false;
            for (auto& list : lists) {
                if (list.at == list.end) continue;
                list.at.skip_to(docid);
                if (list.at != list.end && *list.at == docid) {
                    found = true;
                    break;
                }
            }
            if (found != keep_found) words[index] &= ~(std::uint64_t{1} << bit);
        }
    }
}

std::optional<Words> Evaluation::leaf(const Xapian::Query& query) const {
    Words words(word_count_, 0);
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            add_postings(*query.get_terms_begin(), words);
            return words;
        case Xapian::Query::LEAF_MATCH_ALL:
            set_all(words);
            return words;
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return words;
        default:
            return std::nullopt;
    }
}

bool Evaluation::applied_by_skipping(Frame& frame, const Xapian::Query& child) const {
    if (!frame.value) return false;
    const bool all = frame.combine == Combine::all;
    if (!all && frame.combine != Combine::first_without_rest) return false;
    const auto terms = checkable_terms(child);
    if (terms.empty()) return false;
    // Skipping costs more per document than reading a posting: worth it for a set several
    // times smaller than the lists.
    constexpr Xapian::doccount kSkipCost = 4;
    if (popcount(*frame.value) * kSkipCost >= estimate(child)) return false;
    keep_where(*frame.value, terms, all);
    return true;
}

void Evaluation::fold(Frame& parent, Words&& child) {
    if (!parent.value) {
        parent.value = std::move(child);
        return;
    }
    auto& value = *parent.value;
    switch (parent.combine) {
        case Combine::all:
            for (std::size_t i = 0; i < value.size(); ++i) value[i] &= child[i];
            break;
        case Combine::any:
            for (std::size_t i = 0; i < value.size(); ++i) value[i] |= child[i];
            break;
        case Combine::first_without_rest:
            for (std::size_t i = 0; i < value.size(); ++i) value[i] &= ~child[i];
            break;
        case Combine::odd:
            for (std::size_t i = 0; i < value.size(); ++i) value[i] ^= child[i];
            break;
        case Combine::first_only:
        case Combine::unsupported:
            break;
    }
}

std::optional<Words> Evaluation::run(const Xapian::Query& query) {
    if (is_leaf(query)) return leaf(query);
    std::vector<Frame> stack{frame_of(query)};
    while (true) {
        auto& frame = stack.back();
        if (frame.combine == Combine::unsupported) return std::nullopt;
        if (frame.next_child < frame.children.size()) {
            const auto child = frame.children[frame.next_child++];
            if (applied_by_skipping(frame, child)) continue;
            if (!is_leaf(child)) {
                stack.push_back(frame_of(child));  // `frame` is not used after this
                continue;
            }
            auto value = leaf(child);
            if (!value) return std::nullopt;
            fold(frame, std::move(*value));
            continue;
        }
        auto value = frame.value ? std::move(*frame.value) : Words(word_count_, 0);
        stack.pop_back();
        if (stack.empty()) return value;
        fold(stack.back(), std::move(value));
    }
}

}  // namespace

bool MatchSet::evaluable(const Xapian::Query& query) {
    std::vector<Xapian::Query> parts{query};
    while (!parts.empty()) {
        const auto part = std::move(parts.back());
        parts.pop_back();
        const auto type = part.get_type();
        if (type == Xapian::Query::LEAF_TERM || type == Xapian::Query::LEAF_MATCH_ALL ||
            type == Xapian::Query::LEAF_MATCH_NOTHING) {
            continue;
        }
        if (type == Xapian::Query::LEAF_POSTING_SOURCE ||
            combine_of(type) == Combine::unsupported) {
            return false;
        }
        const auto children = type == Xapian::Query::OP_AND_MAYBE
                                  ? std::min<std::size_t>(part.get_num_subqueries(), 1)
                                  : part.get_num_subqueries();
        for (std::size_t i = 0; i < children; ++i) parts.push_back(part.get_subquery(i));
    }
    return true;
}

std::optional<MatchSet> MatchSet::of(const Xapian::Database& database, const Xapian::Query& query,
                                     Xapian::docid first, Xapian::docid last) {
    first = std::max<Xapian::docid>(first, 1);
    last = std::min(last, database.get_lastdocid());
    if (last < first) {
        // No document ids to look at: an empty set, if the query is one the set can hold.
        if (!evaluable(query)) return std::nullopt;
        return MatchSet(1, 0, Words());
    }
    auto words = Evaluation(database, first, last).run(query);
    if (!words) return std::nullopt;
    return MatchSet(first, last, std::move(*words));
}

MatchSet MatchSet::from_matcher(const Xapian::Database& database, const Xapian::Query& query,
                                Xapian::docid first, Xapian::docid last) {
    first = std::max<Xapian::docid>(first, 1);
    last = std::min(last, database.get_lastdocid());
    if (last < first) return MatchSet(1, 0, Words());
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const auto matches = enquire.get_mset(0, database.get_doccount());
    Words words((static_cast<std::size_t>(last - first) + 64) / 64, 0);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const auto docid = *it;
        if (docid < first || docid > last) continue;
        const auto offset = docid - first;
        words[offset / 64] |= std::uint64_t{1} << (offset % 64);
    }
    return MatchSet(first, last, std::move(words));
}

Xapian::doccount MatchSet::size() const { return popcount(words_); }

void MatchSet::keep_common(const MatchSet& other) {
    if (other.first_ != first_ || other.last_ != last_) {
        throw std::logic_error("match sets over different ranges");
    }
    for (std::size_t index = 0; index < words_.size(); ++index)
        words_[index] &= other.words_[index];
}

}  // namespace talksearch::search
