#pragma once
// What an element's class, id, role and itemprop say about it: the article's own container
// ("article-body", itemprop="articleBody") or site furniture ("share-bar", "related_stories",
// role="navigation"). Sites name their furniture far more consistently than they structure it,
// so these cues weigh heavily in choosing the article's region and dropping what is inside it.

#include <gumbo.h>

namespace talksearch::indexer {

// strong_furniture: furniture whatever else the element says about itself (share, related,
// newsletter...); furniture: a word such as "nav" or "date" with no word of content beside it.
enum class Cue { none, content, furniture, strong_furniture };

Cue classify_cue(const GumboNode* element);

// The same as a number: below zero for furniture, above zero for content.
int boilerplate_cue(const GumboNode* element);

}  // namespace talksearch::indexer
