#include "searchd/http/metrics.h"

#include <fmt/format.h>

namespace talksearch::http {

void Metrics::record(const std::string& endpoint, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{endpoint, status}];
    auto& histogram = latency_[endpoint];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
}

void Metrics::record_partial(std::size_t missing) {
    if (missing == 0) return;
    std::lock_guard lock(mutex_);
    ++partial_responses_;
}

std::string Metrics::render(const search::Health& index) const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP talksearch_requests_total HTTP requests by endpoint and status.\n";
    out += "# TYPE talksearch_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        out += fmt::format("talksearch_requests_total{{endpoint=\"{}\",status=\"{}\"}} {}\n",
                           key.first, key.second, count);
    }
    out += "# HELP talksearch_request_duration_seconds Time to answer a request.\n";
    out += "# TYPE talksearch_request_duration_seconds histogram\n";
    for (const auto& [endpoint, histogram] : latency_) {
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += fmt::format(
                "talksearch_request_duration_seconds_bucket{{endpoint=\"{}\",le=\"{}\"}} {}\n",
                endpoint, kBuckets[i], histogram.buckets[i]);
        }
        out += fmt::format(
            "talksearch_request_duration_seconds_bucket{{endpoint=\"{}\",le=\"+Inf\"}} {}\n",
            endpoint, histogram.count);
        out += fmt::format("talksearch_request_duration_seconds_sum{{endpoint=\"{}\"}} {}\n",
                           endpoint, histogram.sum);
        out += fmt::format("talksearch_request_duration_seconds_count{{endpoint=\"{}\"}} {}\n",
                           endpoint, histogram.count);
    }
    out += "# HELP talksearch_documents Articles in the index.\n";
    out += "# TYPE talksearch_documents gauge\n";
    out += fmt::format("talksearch_documents {}\n", index.documents);
    out += "# HELP talksearch_last_reopen_timestamp_seconds When the index was last reopened.\n";
    out += "# TYPE talksearch_last_reopen_timestamp_seconds gauge\n";
    out +=
        fmt::format("talksearch_last_reopen_timestamp_seconds {:.3f}\n", index.last_reopen_epoch);
    out += "# HELP talksearch_shards Shards of the index.\n";
    out += "# TYPE talksearch_shards gauge\n";
    out += fmt::format("talksearch_shards {}\n", index.shards.total);
    out += "# HELP talksearch_shards_down Shards not answering.\n";
    out += "# TYPE talksearch_shards_down gauge\n";
    out += fmt::format("talksearch_shards_down {}\n", index.shards.failures.size());
    out += "# HELP talksearch_shard_failures_total Times a shard was found not answering.\n";
    out += "# TYPE talksearch_shard_failures_total counter\n";
    out += fmt::format("talksearch_shard_failures_total {}\n", index.shard_failures);
    out += "# HELP talksearch_partial_responses_total Searches answered without some shards.\n";
    out += "# TYPE talksearch_partial_responses_total counter\n";
    out += fmt::format("talksearch_partial_responses_total {}\n", partial_responses_);
    return out;
}

}  // namespace talksearch::http
