// Points assigned to Yen must not compile: the 1点 = 10円 conversion is explicit (yen_of).
#include "santei/money.hpp"

void assign(santei::Points points) {
#ifdef SANTEI_EXPECT_ERROR
  santei::Yen yen = points;  // expected error
#else
  santei::Yen yen = santei::yen_of(points);
#endif
  (void)yen;
}
