// A file another program cuts short while santei reads it mapped (a claims file, a UKE file, a
// snapshot): reading past its new end raises SIGBUS. Under MappedFile::exit_on_truncation, which
// santei's CLI installs, that ends the process with one line naming the file. Each case runs in a
// forked child, since the handler ends the process it is in.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>

#include "big_input.hpp"
#include "core/mapped_file.hpp"

namespace santei {
namespace {

struct ChildEnd {
  int wait_status = 0;
  std::string stderr_text;
};

// Runs `body` in a child process whose stderr is collected; a child that returns from it exits 0,
// one that throws exits 99.
ChildEnd in_child(const std::function<void()>& body) {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_ends[0]);
    ::dup2(pipe_ends[1], STDERR_FILENO);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);  // the case that dies of SIGBUS leaves no core file
    try {
      body();
    } catch (...) {
      ::_exit(99);
    }
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  ChildEnd end;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    REQUIRE(n > 0);
    end.stderr_text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_ends[0]);
  REQUIRE(::waitpid(child, &end.wait_status, 0) == child);
  return end;
}

}  // namespace

TEST_CASE("a mapped file truncated by another program while it is read ends the process with the exit status "
          "given and one line naming the file and the byte, not a bare SIGBUS") {
  const test::ScratchDirectory dir("santei-mapped-truncated");
  const auto path = dir.path() / "claims.jsonl";
  std::ofstream(path, std::ios::binary) << std::string(12288, 'x');  // three pages
  const ChildEnd end = in_child([&] {
    MappedFile::exit_on_truncation(7);
    const MappedFile file(path, std::size_t{1} << 20, MappedFile::Reading::sequential);
    std::filesystem::resize_file(path, 100);
    const volatile char past_the_end = file.bytes()[8197];
    (void)past_the_end;
  });
  REQUIRE(WIFEXITED(end.wait_status));
  CHECK(WEXITSTATUS(end.wait_status) == 7);
  CHECK(end.stderr_text == "santei: " + path.string() +
                               ": the file became shorter while it was read (truncated or rewritten in place by another "
                               "program): byte 8197 of the 12288 it had when it was opened is gone\n");
}

TEST_CASE("under the handler a SIGBUS that is no mapped file's ends the process by the signal, as without it") {
  const ChildEnd end = in_child([] {
    MappedFile::exit_on_truncation(7);
    ::raise(SIGBUS);
  });
  REQUIRE(WIFSIGNALED(end.wait_status));
  CHECK(WTERMSIG(end.wait_status) == SIGBUS);
  CHECK(end.stderr_text.empty());
}

}  // namespace santei
