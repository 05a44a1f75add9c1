#include "indexer/title_cleaning.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("titles lose the site's name and section", "[title_cleaning]") {
    const auto [title, site, url,
                expected] = GENERATE(table<std::string, std::string, std::string, std::string>({
        {"Talks resume | World | Example News", "Example News", "", "Talks resume"},
        {"Why talks failed | Explainer News | Al Jazeera", "Al Jazeera", "", "Why talks failed"},
        {"Taylor Swift's AMA row seems to be over - BBC News", "", "https://www.bbc.co.uk/news/x",
         "Taylor Swift's AMA row seems to be over"},
        {"The Guardian view on Hong Kong: a city on the brink | Editorial", "the Guardian", "",
         "The Guardian view on Hong Kong: a city on the brink"},
        {"Talks stall in Geneva \xE2\x80\x93 The Guardian", "the Guardian", "",
         "Talks stall in Geneva"},
        {"Example News: Envoys meet again in Geneva", "Example News", "",
         "Envoys meet again in Geneva"},
        {"Is Football Violence a Crime? - WSJ", "", "https://www.wsj.com/articles/x",
         "Is Football Violence a Crime?"},
        {"Star Trek 4 eyes Noah Hawley to direct - The Verge", "The Verge", "",
         "Star Trek 4 eyes Noah Hawley to direct"},
        {"New car sales plunge 10 percent \xC2\xB7 Houston Chronicle", "", "",
         "New car sales plunge 10 percent"},
        // Colons and dashes inside a headline stay.
        {"Ukraine war: Talks stall in Geneva", "Example News", "",
         "Ukraine war: Talks stall in Geneva"},
        {"Russia - Ukraine talks", "", "", "Russia - Ukraine talks"},
        {"Example News", "Example News", "", "Example News"},
    }));
    CAPTURE(title, site, url);
    CHECK(remove_site_name(
              title, site.empty() ? std::vector<std::string>{} : std::vector<std::string>{site},
              url) == expected);
}

TEST_CASE("a title that is only the site's name", "[title_cleaning]") {
    const std::vector<std::string> site{"The New York Times"};
    CHECK(is_site_name_alone("the-new-york-times", site));
    CHECK(is_site_name_alone("The New York Times", site));
    CHECK_FALSE(is_site_name_alone("Talks resume | The New York Times", site));
    CHECK_FALSE(is_site_name_alone("Talks resume", site));
    CHECK_FALSE(is_site_name_alone("The New York Times", {}));
}
