// Price one claim from C++ with the C++ API: MasterLibrary, parse_claim, price.
// usage: price_claim_cpp CLAIM.json [MASTERS_DIR]   (no MASTERS_DIR: the demo master built into santei)
#include <fstream>
#include <iostream>
#include <sstream>

#include "santei/santei.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CLAIM.json [MASTERS_DIR]\n";
    return 2;
  }
  try {
    const santei::MasterLibrary masters = argc > 2 ? santei::MasterLibrary::load(argv[2]) : santei::MasterLibrary::demo();
    std::ifstream file(argv[1], std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const santei::PricedClaim priced = santei::price(santei::parse_claim(text.str()), masters);
    std::cout << "total_points: " << priced.total.value << '\n';
    std::cout << "patient_yen: " << (priced.copay ? priced.copay->patient_yen.value : 0) << '\n';
    return 0;
  } catch (const santei::Exception& e) {  // what() names the file, line, column and field
    std::cerr << argv[1] << ": " << e.what() << '\n';
    return 1;
  }
}
