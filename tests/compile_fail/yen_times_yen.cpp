// Yen × Yen must not compile: an amount is multiplied by a count, never by another amount.
#include "santei/money.hpp"

void multiply(santei::Yen price, santei::Yen other) {
#ifdef SANTEI_EXPECT_ERROR
  (void)(price * other);  // expected error
#else
  (void)(price * other.value);
#endif
}
