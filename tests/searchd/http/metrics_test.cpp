#include "searchd/http/metrics.h"

#include <catch2/catch.hpp>

using talksearch::http::Metrics;

TEST_CASE("requests are counted by endpoint and status, latencies in cumulative buckets",
          "[metrics]") {
    Metrics metrics;
    metrics.record("search", 200, 0.003);
    metrics.record("search", 200, 0.2);
    metrics.record("search", 400, 0.0001);
    talksearch::search::Health index;
    index.documents = 5;
    index.last_reopen_epoch = 1700000000.5;
    const auto text = metrics.render(index);

    CHECK_THAT(
        text, Catch::Contains("talksearch_requests_total{endpoint=\"search\",status=\"200\"} 2\n"));
    CHECK_THAT(
        text, Catch::Contains("talksearch_requests_total{endpoint=\"search\",status=\"400\"} 1\n"));
    // Buckets are cumulative: each counts the requests at or below its bound.
    CHECK_THAT(text, Catch::Contains("_bucket{endpoint=\"search\",le=\"0.0005\"} 1\n"));
    CHECK_THAT(text, Catch::Contains("_bucket{endpoint=\"search\",le=\"0.005\"} 2\n"));
    CHECK_THAT(text, Catch::Contains("_bucket{endpoint=\"search\",le=\"0.25\"} 3\n"));
    CHECK_THAT(text, Catch::Contains("_bucket{endpoint=\"search\",le=\"+Inf\"} 3\n"));
    CHECK_THAT(text, Catch::Contains(
                         "talksearch_request_duration_seconds_count{endpoint=\"search\"} 3\n"));
    CHECK_THAT(text, Catch::Contains("talksearch_documents 5\n"));
    CHECK_THAT(text, Catch::Contains("talksearch_last_reopen_timestamp_seconds 1700000000.500\n"));
}

TEST_CASE("every metric has its HELP and TYPE lines before any sample", "[metrics]") {
    const auto text = Metrics{}.render({});
    for (const auto* name :
         {"talksearch_requests_total", "talksearch_request_duration_seconds",
          "talksearch_documents", "talksearch_last_reopen_timestamp_seconds", "talksearch_shards",
          "talksearch_shards_down", "talksearch_shard_failures_total",
          "talksearch_partial_responses_total"}) {
        CHECK_THAT(text, Catch::Contains(std::string("# HELP ") + name + " "));
        CHECK_THAT(text, Catch::Contains(std::string("# TYPE ") + name + " "));
    }
}

TEST_CASE("shards down and searches answered without them are counted", "[metrics]") {
    Metrics metrics;
    metrics.record_partial(0);
    metrics.record_partial(1);
    metrics.record_partial(2);
    talksearch::search::Health index;
    index.shards.total = 3;
    index.shards.failures = {{1, "connection refused"}};
    index.shard_failures = 4;
    const auto text = metrics.render(index);
    CHECK_THAT(text, Catch::Contains("talksearch_shards 3\n"));
    CHECK_THAT(text, Catch::Contains("talksearch_shards_down 1\n"));
    CHECK_THAT(text, Catch::Contains("talksearch_shard_failures_total 4\n"));
    CHECK_THAT(text, Catch::Contains("talksearch_partial_responses_total 2\n"));
}
