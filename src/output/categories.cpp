#include "output/categories.hpp"

#include <fmt/format.h>

namespace santei::output {

std::string category_name(std::uint8_t category) {
  switch (category) {
    case 1: return "全体";
    case 11: return "初診";
    case 12: return "再診";
    case 13: return "医学管理";
    case 14: return "在宅";
    case 21: return "投薬・内服";
    case 22: return "投薬・屯服";
    case 23: return "投薬・外用";
    case 24: return "投薬・調剤";
    case 25: return "投薬・処方";
    case 26: return "投薬・麻毒";
    case 27: return "投薬・調基";
    case 28: return "投薬・その他";
    case 31: return "注射・皮下筋肉内";
    case 32: return "注射・静脈内";
    case 33: return "注射・その他";
    case 39: return "薬剤料減点";
    case 40: return "処置";
    case 50: return "手術";
    case 54: return "麻酔";
    case 60: return "検査・病理";
    case 70: return "画像診断";
    case 80: return "その他";
    case 90: return "入院基本料";
    case 92: return "特定入院料・その他";
    case 97: return "食事・生活療養";
    case 99: return "全体";
    default: return fmt::format("{:02}", category);
  }
}

}  // namespace santei::output
