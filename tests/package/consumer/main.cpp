// A vendor's program: loads santei's embedded demo master and looks up 初診料 (111000110).
#include <santei/masters.hpp>

#include <cstdio>

int main() {
  const auto masters = santei::MasterSet::demo();
  const santei::ProcedureRecord* shoshin = masters->procedure(111000110, santei::Date::from_ymd(2024, 6, 1));
  if (!shoshin || shoshin->points != santei::Decimal(291)) {
    std::fprintf(stderr, "111000110 is not 初診料 291点 in the demo master\n");
    return 1;
  }
  std::printf("%u %s %s\n", static_cast<unsigned>(shoshin->code), shoshin->name.c_str(),
              shoshin->points.to_string().c_str());
  return 0;
}
