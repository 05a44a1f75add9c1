#include "tests/support/other_user.h"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

namespace talksearch::testing {
namespace {

constexpr uid_t kNobody = 65534;

}  // namespace

void give_to_unprivileged_user(const std::filesystem::path& path) {
    if (::geteuid() != 0) return;
    const auto give = [](const std::filesystem::path& p) {
        if (::lchown(p.c_str(), kNobody, kNobody) != 0)
            throw std::filesystem::filesystem_error(
                "cannot give to nobody", p, std::error_code(errno, std::generic_category()));
    };
    give(path);
    if (!std::filesystem::is_directory(path)) return;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        give(entry.path());
    }
}

bool as_unprivileged_user(const std::function<bool()>& check) {
    const auto run = [&] {
        try {
            return check();
        } catch (...) {
            return false;
        }
    };
    if (::geteuid() != 0) return run();
    const pid_t child = ::fork();
    if (child < 0) return false;
    if (child == 0) {
        const bool changed = ::setgroups(0, nullptr) == 0 &&
                             ::setresgid(kNobody, kNobody, kNobody) == 0 &&
                             ::setresuid(kNobody, kNobody, kNobody) == 0;
        // _exit: the child must not run the parent's exit handlers (the test runner's, the
        // leak checker's).
        ::_exit(changed && run() ? 0 : 1);
    }
    int status = 0;
    if (::waitpid(child, &status, 0) != child) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace talksearch::testing
