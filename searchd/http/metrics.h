#pragma once
// Request counters and latency histograms, exposed in Prometheus' text format.

#include <array>
#include <map>
#include <mutex>
#include <string>

#include "searchd/search/search_response.h"

namespace talksearch::http {

class Metrics {
  public:
    void record(const std::string& endpoint, unsigned status, double seconds);
    // A search answered without `missing` of the index's shards.
    void record_partial(std::size_t missing);
    // `index` is the search core's, at scrape time.
    std::string render(const search::Health& index) const;

  private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::uint64_t partial_responses_ = 0;
};

}  // namespace talksearch::http
