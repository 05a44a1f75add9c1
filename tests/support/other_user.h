#pragma once
// Runs test code as a user who may not read what only its owner may: the tests run as root in
// CI, and root reads every folder.

#include <filesystem>
#include <functional>

namespace talksearch::testing {

// Gives `path` and everything below it to the unprivileged user code runs as in
// as_unprivileged_user (nothing, when the tests do not run as root).
void give_to_unprivileged_user(const std::filesystem::path& path);

// Runs `check` as an unprivileged user: in a child process that becomes "nobody" when the tests
// run as root, in this process otherwise. Returns what `check` returned; false when it threw or
// the user could not be changed.
bool as_unprivileged_user(const std::function<bool()>& check);

}  // namespace talksearch::testing
