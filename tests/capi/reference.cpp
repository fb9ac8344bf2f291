// The C++ API's result for a claim on the real masters, written for the binding tests to compare
// against: <name>.json (santei.result/1, byte for byte) and <name>.figures (key=value lines).
// usage: capi_reference MASTERS_DIR CLAIM.json OUT_DIR NAME
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "santei/pricing.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: capi_reference MASTERS_DIR CLAIM.json OUT_DIR NAME\n";
    return 2;
  }
  try {
    const santei::MasterLibrary masters = santei::MasterLibrary::load(argv[1]);
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream claim;
    claim << in.rdbuf();
    const santei::PricedClaim priced = santei::price(santei::parse_claim(claim.str()), masters);
    std::filesystem::create_directories(argv[3]);
    const std::string out = std::string(argv[3]) + "/" + argv[4];
    std::ofstream(out + ".json", std::ios::binary) << santei::result_json(priced, masters);
    std::ofstream figures(out + ".figures");
    figures << "total_points=" << priced.total.value << '\n';
    figures << "patient_yen=" << priced.copay->patient_yen.value << '\n';
    figures << "insurer_yen=" << priced.copay->insurer_yen.value << '\n';
    figures << "medical_cost_yen=" << priced.copay->medical_cost.value << '\n';
    figures << "public_expenses=" << priced.copay->public_expenses.size() << '\n';
    figures << "diagnostics=" << priced.diagnostics.size() << '\n';
    std::cout << "C++ reference: total_points=" << priced.total.value << " patient_yen=" << priced.copay->patient_yen.value
              << '\n';
    return 0;
  } catch (const santei::Exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
