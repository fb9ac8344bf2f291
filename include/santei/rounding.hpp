// santei/rounding.hpp — every rounding rule of the law, one named function each.
//
// Pinned by the edge-case tables in tests/unit/rounding_test.cpp. Nothing in santei rounds
// money or points except through these functions.
#pragma once

#include "santei/money.hpp"

namespace santei::rounding {

// 四捨五入 to a whole number: .5 and above goes up (away from zero for negatives).
// Unit totals after %加算・きざみ (通知 E001/E002 examples), material points (C300/J400/K950).
SANTEI_API std::int64_t half_up(Decimal value);

// 五捨五超入 to a whole number: exactly .5 goes down, anything above .5 goes up.
// The pharmacy statement of the 薬剤料 rule (see drug_points_*).
SANTEI_API std::int64_t half_down(Decimal value);

// 薬剤料 of 投薬 and 注射 (F200, G100): one 所定単位 costing `yen`
// (内服 1剤1日分, 屯服 1回分, 外用 1調剤, 注射 1回分) is 1点 up to 15円, and beyond that
// 1点 more for each 10円 or part of 10円: 1 + ⌈(yen − 15) / 10⌉.
SANTEI_API Points drug_points_dispensed(Decimal yen);

// 薬剤料 inside 在宅・検査・画像・リハ・精神・処置・手術・麻酔 (C200, D500, E300, H100, I100,
// J300, K940, L200): not billable (0点) up to 15円, otherwise as drug_points_dispensed.
SANTEI_API Points drug_points_in_procedure(Decimal yen);

// 特定保険医療材料料: price ÷ divisor (10円 normally; 50円/1,000円 for the 特定器材種別 3/4
// isotopes), 四捨五入 (告示 C300/J400/K950 「材料価格を10円で除して得た点数」).
SANTEI_API Points material_points(Decimal yen, int divisor = 10);

// 酸素 (通知 J201): the price is rounded to whole yen (1円未満四捨五入) before ÷10 四捨五入.
SANTEI_API Decimal oxygen_yen(Decimal unit_price, Decimal litres, Decimal correction);

// DPC: a month's 包括 points, Σ(per-day points × days) × 医療機関別係数, 小数点以下第１位を四捨五入
// (DPC 留意事項 保医発0321第6号 第３ １(１), from 2024-06-01): 92,453.418 → 92,453.
SANTEI_API Points dpc_month_points(Decimal total);

// 一部負担金 10円未満四捨五入 (健康保険法 第75条, 国民健康保険法 第42条第2項 and 高確法):
// under 5円 cut off, 5円 and above raised to 10円. Applied per visit (outpatient) or per bill.
SANTEI_API Yen copay_round10(Yen amount);

// 1% part of a 高額療養費 limit (健康保険法施行令 第42条): the yen amount of `base` × 1%,
// under 50銭 cut off, 50銭 and above raised to 1円. Never negative (base below 0 counts as 0).
SANTEI_API Yen one_percent_part(Yen base);

// 5% of a yen amount to the yen with the same 50銭 rule (結核 適正医療 patient share).
SANTEI_API Yen percent_of_half_up(Yen base, int percent);

// A share of the cost at an exact rate (0 ≤ rate ≤ 1), to the yen: under 50銭 cut off, 50銭 and
// above raised (the 1円 figures of the receipt: 2割 of 15,230 = 3,046; 5% of 12,350 = 618).
// Used for 一部負担金 before window rounding and for 公費 shares recorded in 1円 units.
SANTEI_API Yen share_of_cost(Yen cost, Decimal rate);

// 10円未満切り捨て: a local subsidy (地方単独) whose rule cuts the patient share down to 10円
// (rounding "floor10" of public_expenses[]). 1,239 → 1,230.
SANTEI_API Yen copay_floor10(Yen amount);

}  // namespace santei::rounding
