#include "serve/library.hpp"

namespace santei::serve {

std::shared_ptr<const Library> LibraryHolder::current() const {
  const std::lock_guard lock(mutex_);
  return current_;
}

LibraryHolder::Outcome LibraryHolder::reload() {
  std::unique_lock loading(loading_, std::try_to_lock);
  if (!loading.owns_lock()) return Outcome{current(), std::nullopt, true};
  const auto start = std::chrono::steady_clock::now();
  try {
    auto next = std::make_shared<Library>(loader_());
    next->generation = ++generation_;
    next->loaded_at = std::chrono::system_clock::now();
    next->load_time = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::shared_ptr<const Library> swapped = std::move(next);
    {
      const std::lock_guard lock(mutex_);
      current_.swap(swapped);
    }
    // `swapped` (the old generation) is released here, outside the lock; requests still holding
    // it keep it alive until they end.
    return Outcome{current(), std::nullopt, false};
  } catch (const Exception& e) {
    return Outcome{current(), e.info(), false};
  } catch (const std::exception& e) {
    return Outcome{current(), ErrorInfo{Status::internal_error, {}, 0, 0, {}, e.what()}, false};
  }
}

}  // namespace santei::serve
