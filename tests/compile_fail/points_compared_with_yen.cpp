// Points compared with Yen must not compile: 291点 is not less than 300円 in any meaningful sense.
#include "santei/money.hpp"

bool compare(santei::Points points, santei::Yen yen) {
#ifdef SANTEI_EXPECT_ERROR
  return points < yen;  // expected error
#else
  return santei::yen_of(points) < yen;
#endif
}
