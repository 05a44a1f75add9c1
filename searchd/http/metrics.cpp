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

std::string Metrics::render(double documents, double last_reopen_epoch) const {
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
    out += fmt::format("talksearch_documents {}\n", documents);
    out += "# HELP talksearch_last_reopen_timestamp_seconds When the index was last reopened.\n";
    out += "# TYPE talksearch_last_reopen_timestamp_seconds gauge\n";
    out += fmt::format("talksearch_last_reopen_timestamp_seconds {:.3f}\n", last_reopen_epoch);
    return out;
}

}  // namespace talksearch::http
