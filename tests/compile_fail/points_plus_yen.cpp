// Points + Yen must not compile: 点数 and 円 are different units; convert with yen_of (1点 = 10円).
#include "santei/money.hpp"

void add(santei::Points points, santei::Yen yen) {
#ifdef SANTEI_EXPECT_ERROR
  (void)(points + yen);  // expected error
#else
  (void)(santei::yen_of(points) + yen);
#endif
}
