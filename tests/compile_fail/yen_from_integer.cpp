// A bare integer does not silently become Yen (or Points): the unit is always written.
#include "santei/money.hpp"

santei::Yen charge(long long amount) {
#ifdef SANTEI_EXPECT_ERROR
  return amount;  // expected error
#else
  return santei::Yen{amount};
#endif
}
