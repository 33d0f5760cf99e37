#pragma once
// Starting a confpress helper process (a preflight worker or the fork server) with chosen standard
// streams, nothing else inherited, and default signal handling.
//
// Why posix_spawn and not Poco::Process::launch: Poco 1.11 forks, which copies the page tables of a
// large multi-threaded server and then closes every possible descriptor one by one in the child; its
// pipes are not close-on-exec, so during concurrent launches another thread's child could inherit our
// pipe and keep it open; and it offers no timed wait. glibc's posix_spawn uses a vfork-style clone and
// closefrom(3) for the child, and gives us the pid to poll(), kill() and waitpid() on our own deadline.
#include <sys/types.h>

#include <string>
#include <vector>

namespace confpress::preflight {

/// Runs `binary` with `args` (args[0] is the program's name) and the descriptors `streams[i]` as its
/// descriptor i (-1: inherited); every other descriptor is closed in the child, which starts with no
/// blocked signals and every signal's default action (a worker must get SIGXCPU whatever the calling
/// thread blocks or ignores). Returns its pid. Throws std::system_error naming `what` when it cannot.
pid_t spawnHelper(const std::string& binary, std::vector<std::string> args, const int (&streams)[3],
                  const std::string& what);

}  // namespace confpress::preflight
