// A DPC receipt's own records (記録条件仕様 DPC用): BU 診断群分類, SB 傷病, KK 患者基礎, GA 外泊,
// HH 包括評価, GT 合計調整 — written from a priced DPC month, read back into UkeDpc and a claim.
// Field numbers and code tables: src/uke/record.cpp (the sources) and docs/uke-check.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/dpc.hpp"
#include "santei/uke.hpp"
#include "uke/record.hpp"

namespace santei::uke {

// RE 3 レセプト種別 of a DPC receipt (別表5): 4, the 医科 code's payer digits, and the patient class
// as the table writes it (本人 2, 未就学者 4, 家族 6, 高齢受給者 8, 7割 0) — `inpatient_type` is the
// 医科 入院 code (1112 → … 1111 本人入院 → 4112).
std::string dpc_receipt_type(std::string_view inpatient_type);

// BU, SB, KK, GA, HH (one per 入院期間 with days) and GT of a DPC month, each record's fields from
// its id. `burden` is the 負担区分 of the 包括 points (every payer of the receipt). Throws
// santei::Exception (claim_error) naming the claim for what the receipt needs and neither the
// claim nor `extras` gives.
std::vector<std::vector<std::string>> dpc_records(const Claim& claim, const PricedDpc& dpc,
                                                  const UkeReceiptExtras& extras, char burden);

// True for the record kinds (uke::kind of the id) only a DPC receipt has.
bool is_dpc_record(std::uint16_t id);

// Reads one DPC record of a receipt into `dpc` (BU, SB, GA, and HH/GT of 請求調整区分 2); false for
// a record to keep as read (KK, SK, CD, an HH or GT of another month's 請求調整区分). Field errors go
// to `f`'s list.
bool read_dpc_record(const Record& record, FieldReader& f, UkeDpc& dpc);

// What a DPC receipt's figures fail to add up to (UkeCheck::dpc_total), each with its line and field.
std::vector<UkeFinding> check_dpc(const UkeDpc& dpc);

// The claim's DPC stay from what the receipt states: admission.dpc {code, coefficient}, the
// admission and discharge dates of BU, the 外泊 days of GA (code 9). Returns a message when the
// receipt lacks what pricing needs (no BU, no GA 医療機関別係数), else nullopt.
std::optional<std::string> add_dpc_stay(const UkeDpc& dpc, Claim& claim);

}  // namespace santei::uke
