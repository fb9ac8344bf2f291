// santei.h is also valid C++ (compiled with -Wall -Wextra -pedantic -Werror): its declarations
// have C linkage and the INIT macros work as aggregate initialisers.
#include "santei/santei.h"

#include <cstdio>
#include <cstring>

int main() {
  santei_price_options options = SANTEI_PRICE_OPTIONS_INIT;
  santei_buf buf = SANTEI_BUF_INIT;
  santei_buf_dispose(&buf);
  if (options.version != SANTEI_PRICE_OPTIONS_VERSION || options.copay != 1 || options.explain != 1) return 1;
  if (santei_version_number() != SANTEI_VERSION_NUMBER) return 1;
  if (std::strcmp(santei_status_name(SANTEI_ERR_CLAIM), "claim_error") != 0) return 1;
  std::printf("C++: santei.h %s\n", santei_version_string());
  return 0;
}
