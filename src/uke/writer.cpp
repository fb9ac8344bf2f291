// Priced claims → a UKE file (fee-rules.md §8: order, field counts, CP932, CR LF, GO totals).
//
// Placeholders, for what neither the Claim nor UkeReceiptExtras gives:
//   RE 5 氏名 "カンジャ　<n>" (full-width), RE 37 "カンジャ";
//   HO 保険者番号 by insurance kind, each with a valid 検証番号: 01130012 (協会けんぽ 東京, 被用者),
//   138016 (国保, 東京), 39131008 (後期高齢者, 東京); 記号・番号 "１"/"１";
//   KO 公費負担者番号 <法別>13001 + 検証番号, 受給者番号 0000000;
//   SY without diagnoses: 0000999 (未コード化傷病名) named "病名未設定", starting on the first
//   visit, 主傷病 — the file is accepted, and the name says a person must supply the diagnosis.
// RE 3 レセプト種別 digit 4 is 本人 (the Claim does not say 本人 or 家族), 未就学者 before the
// 1 April after the 6th birthday, 高齢受給者 from the month after the one in which the patient
// reaches 70 (健康保険法 第74条第1項第2号・第3号); 7割 when the income bracket is 現役並み.
#include <algorithm>
#include <bit>
#include <map>

#include <fmt/format.h>

#include "core/cp932.hpp"
#include "output/put_at.hpp"
#include "santei/rounding.hpp"
#include "santei/uke.hpp"
#include "uke/burden.hpp"
#include "uke/dpc_records.hpp"

namespace santei {

void uke::write_fail(const std::string& claim_id, std::string field, std::string message, Status status) {
  ErrorInfo info;
  info.status = status;
  info.file = claim_id.empty() ? "<claim>" : "<claim " + claim_id + ">";
  info.field = std::move(field);
  info.message = std::move(message);
  throw Exception(std::move(info));
}

namespace {

std::string full_width_digits_of(std::int64_t n) {
  std::string out;
  static constexpr std::string_view kDigits = "０１２３４５６７８９";
  for (char c : std::to_string(n)) out += kDigits.substr(static_cast<std::size_t>(c - '0') * 3, 3);
  return out;
}

std::string with_check_digit(std::string digits) {
  digits += static_cast<char>('0' + payer_check_digit(digits));
  return digits;
}

// One 算定単位 to write: priced lines of equal content on different dates.
struct Unit {
  const PricedLine* first = nullptr;
  char burden = '1';
  std::array<std::int32_t, 31> days{};
  std::int32_t count = 0;
};

bool same_items(const std::vector<LineItem>& a, const std::vector<LineItem>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const LineItem& x, const LineItem& y) {
    return x.code == y.code && x.kind == y.kind && x.quantity == y.quantity && x.unit_price == y.unit_price &&
           x.text == y.text;
  });
}

class Writer {
 public:
  void record(const std::string& claim_id, std::vector<std::string> fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& f = fields[i];
      if (f.find_first_of(",\r\n") != std::string::npos) {
        uke::write_fail(claim_id, fmt::format("{} {}", fields[0], i + 1), fmt::format("'{}' holds a comma or a line break", f));
      }
      if (i > 0) out_ += ',';
      if (cp932::encode_append(f, out_) != cp932::npos) {
        uke::write_fail(claim_id, fmt::format("{} {}", fields[0], i + 1), fmt::format("'{}' has a character with no CP932 form", f),
             Status::encoding_error);
      }
    }
    out_ += "\r\n";
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

const char* record_id(ItemKind kind) {
  switch (kind) {
    case ItemKind::procedure: return "SI";
    case ItemKind::drug: return "IY";
    case ItemKind::material: return "TO";
    case ItemKind::comment: return "CO";
  }
  return "SI";
}

std::string code_text(Code code) { return output::nine_digits(code); }

std::string optional_text(const std::optional<Decimal>& value) { return value ? value->to_string() : std::string(); }

// RE 3 レセプト種別 (fee-rules.md §1.1).
std::string receipt_type(const Claim& claim) {
  const bool inpatient = claim.setting == Setting::inpatient;
  const std::size_t payers = (claim.insurance.kind == InsuranceKind::none ? 0 : 1) + claim.public_expenses.size();
  if (payers == 0 || payers > 5) {
    uke::write_fail(claim.id, "public_expenses", fmt::format("{} payers: a receipt has 1 to 5 (医保 and up to four 公費)", payers));
  }
  char main = '1';
  if (claim.insurance.kind == InsuranceKind::none) main = '2';
  if (claim.insurance.kind == InsuranceKind::elderly) main = '3';
  const Date first = claim.month.first_day();
  const Date birth = claim.patient.birth_date;
  const bool preschool = first < AgeCode{{'M', 'G'}}.reached_on(birth);
  const Date birthday70 = birth.month() == 2 && birth.day() == 29 ? Date::from_ymd(birth.year() + 70, 3, 1)
                                                                    : Date::from_ymd(birth.year() + 70, birth.month(), birth.day());
  const Date reaches70 = birthday70.plus_days(-1);  // 年齢計算ニ関スル法律: the day before the birthday
  const bool elderly = claim.insurance.kind == InsuranceKind::elderly ||
                       (claim.insurance.kind != InsuranceKind::none && first > YearMonth::of(reaches70).last_day());
  const bool working_income = claim.insurance.income_bracket.starts_with("現役並み");
  char patient = '2';
  if (claim.insurance.kind != InsuranceKind::none) {
    if (elderly) {
      patient = working_income ? '0' : '8';
    } else if (preschool) {
      patient = '4';
    }
  }
  if (inpatient) patient = patient == '0' ? '9' : static_cast<char>(patient - 1);
  return fmt::format("1{}{}{}", main, payers, patient);
}

std::string insurer_placeholder(InsuranceKind kind) {
  switch (kind) {
    case InsuranceKind::national: return with_check_digit("13801");
    case InsuranceKind::elderly: return with_check_digit("3913100");
    default: return with_check_digit("0113001");
  }
}

class ReceiptWriter {
 public:
  ReceiptWriter(Writer& out, const UkeReceiptInput& input, std::int64_t number)
      : out_(out), claim_(*input.claim), priced_(*input.priced), number_(number) {
    static const UkeReceiptExtras kNone;
    extras_ = input.extras ? input.extras : &kNone;
    all_payers_ = uke::receipt_payers(claim_.insurance.kind != InsuranceKind::none, claim_.public_expenses.size());
  }

  Points write() {
    build_units();
    receipt();
    const Points insurer_total = payer_total(0);
    if (claim_.insurance.kind != InsuranceKind::none) insurer(insurer_total);
    for (std::size_t i = 0; i < claim_.public_expenses.size(); ++i) public_payer(i);
    if (priced_.dpc) {
      for (std::vector<std::string>& r : uke::dpc_records(claim_, *priced_.dpc, *extras_, uke::burden_code(all_payers_))) {
        out_.record(claim_.id, std::move(r));
      }
    } else {
      diagnoses();  // a DPC receipt's are its SB records
    }
    for (const Unit& unit : units_) write_unit(unit);
    for (const PricedLine* line : receipt_comments_) {
      for (const LineItem& item : line->items) {
        out_.record(claim_.id, {"CO", "99", std::string(1, burden_of(*line)), code_text(item.code), item.text});
      }
    }
    return claim_.insurance.kind != InsuranceKind::none ? insurer_total : payer_total(1);
  }

 private:
  char burden_of(const PricedLine& line) const {
    if (line.burden != '\0') {
      if ((uke::burden_payers(line.burden) & ~all_payers_) != 0 || uke::burden_payers(line.burden) == 0) {
        uke::write_fail(claim_.id, "lines.burden", fmt::format("負担区分 {} names a payer the claim does not have", line.burden));
      }
      return line.burden;
    }
    return uke::burden_code(all_payers_);
  }

  void build_units() {
    for (const PricedLine& line : priced_.lines) {
      if (line.count == 0) continue;  // not billed
      if (line.count < 0) uke::write_fail(claim_.id, "lines.count", fmt::format("negative count {}", line.count));
      if (!claim_.month.contains(line.date)) {
        uke::write_fail(claim_.id, "lines.date", fmt::format("line dated {} outside the month {}", line.date.iso(), claim_.month.iso()));
      }
      const bool has_record = std::any_of(line.items.begin(), line.items.end(),
                                          [](const LineItem& i) { return i.kind != ItemKind::comment; });
      if (!has_record) {
        receipt_comments_.push_back(&line);
        continue;
      }
      // A daily inpatient line (day_mask) spreads its count evenly over its days.
      const std::uint32_t days = line.day_mask != 0 ? line.day_mask : 1u << (line.date.day() - 1);
      const std::int32_t per_day = line.count / std::popcount(days);
      const auto free_on_days = [&](const Unit& u) {
        for (std::size_t d = 0; d < 31; ++d) {
          if ((days & (1u << d)) && u.days[d] != 0) return false;
        }
        return true;
      };
      const char burden = burden_of(line);
      auto it = std::find_if(units_.begin(), units_.end(), [&](const Unit& u) {
        return free_on_days(u) && u.burden == burden && u.first->category == line.category &&
               u.first->points == line.points && same_items(u.first->items, line.items);
      });
      if (it == units_.end()) {
        units_.push_back(Unit{&line, burden, {}, 0});
        it = units_.end() - 1;
      }
      for (std::size_t d = 0; d < 31; ++d) {
        if (days & (1u << d)) it->days[d] += per_day;
      }
      it->count += line.count;
    }
    std::stable_sort(units_.begin(), units_.end(),
                     [](const Unit& a, const Unit& b) { return a.first->category < b.first->category; });
  }

  // Σ 点数×回数 of the units the payer bears, and a DPC month's 包括 points (borne by every payer).
  Points payer_total(int payer) const {
    Points sum = priced_.dpc ? rounding::dpc_month_points(priced_.dpc->total) : Points{};
    for (const Unit& u : units_) {
      if (uke::is_yen_category(u.first->category)) continue;  // 食事療養: yen, HO 8–9
      if ((uke::burden_payers(u.burden) & (1U << payer)) != 0) sum += u.first->points * u.count;
    }
    return sum;
  }

  // HO 8–9 食事療養・生活療養 回数 / 合計金額 of the 診療識別 97 units the payer bears: the meals of
  // the claim's meal fee (its きざみ 数量 is the day's meals, × the unit's 回数) and the yen of every
  // 97 unit (meal fee, 特別食加算, 食堂加算). As the SSK sample (../shared/uke/ssk-sample, receipt 9)
  // states them: 197000110 ×2, ×3, ×1 and 食堂加算 50×3 → HO 8 = 6, HO 9 = 1280+1920+640+150 = 3990.
  std::pair<std::int64_t, std::int64_t> payer_meals(int payer) const {
    const Code meal_fee = claim_.admission && claim_.admission->meals ? claim_.admission->meals->code : 0;
    std::int64_t meals = 0;
    std::int64_t yen = 0;
    for (const Unit& u : units_) {
      if (!uke::is_yen_category(u.first->category) || (uke::burden_payers(u.burden) & (1U << payer)) == 0) continue;
      yen += u.first->yen.value * u.count;
      const LineItem& item = u.first->items.front();
      if (item.code == meal_fee) meals += (item.quantity ? item.quantity->trunc() : 1) * u.count;
    }
    return {meals, yen};
  }

  std::int32_t payer_days(int payer) const {
    std::array<bool, 31> seen{};
    bool every_unit = true;
    for (const Unit& u : units_) {
      if ((uke::burden_payers(u.burden) & (1U << payer)) == 0) {
        every_unit = false;
        continue;
      }
      for (std::size_t d = 0; d < 31; ++d) seen[d] = seen[d] || u.days[d] > 0;
    }
    if (every_unit) return priced_.visit_days;
    return std::min<std::int32_t>(priced_.visit_days, static_cast<std::int32_t>(std::count(seen.begin(), seen.end(), true)));
  }

  void receipt() {
    if (claim_.patient.sex == Sex::unknown) uke::write_fail(claim_.id, "patient.sex", "a UKE receipt needs 男女区分 (male or female)");
    std::vector<std::string> re(38);
    re[0] = "RE";
    re[1] = std::to_string(number_);
    re[2] = priced_.dpc ? uke::dpc_receipt_type(receipt_type(claim_)) : receipt_type(claim_);
    re[3] = claim_.month.compact();
    re[4] = extras_->name.empty() ? "カンジャ　" + full_width_digits_of(number_) : extras_->name;
    re[5] = claim_.patient.sex == Sex::male ? "1" : "2";
    re[6] = claim_.patient.birth_date.compact();
    if (claim_.setting == Setting::inpatient && claim_.admission) re[8] = claim_.admission->admitted.compact();
    // 特記事項 26–30 = 区ア … 区オ (fee-rules.md §8.2).
    static constexpr std::array<std::string_view, 5> kBrackets = {"ア", "イ", "ウ", "エ", "オ"};
    for (std::size_t i = 0; i < kBrackets.size(); ++i) {
      if (claim_.insurance.income_bracket == kBrackets[i]) re[11] = std::to_string(26 + i);
    }
    if (claim_.facility.beds > 0) re[12] = std::to_string(claim_.facility.beds);
    if (claim_.id.size() <= 20) re[13] = claim_.id;  // カルテ番号等: the caller's id
    re[36] = extras_->kana.empty() ? "カンジャ" : extras_->kana;
    out_.record(claim_.id, std::move(re));
  }

  void insurer(Points total) {
    const UkeInsurer* given = extras_->insurer ? &*extras_->insurer : nullptr;
    std::vector<std::string> ho(15);
    ho[0] = "HO";
    ho[1] = given && !given->number.empty() ? given->number : insurer_placeholder(claim_.insurance.kind);
    ho[2] = given && !given->symbol.empty() ? given->symbol : "１";
    ho[3] = given && !given->card_number.empty() ? given->card_number : "１";
    ho[4] = std::to_string(priced_.visit_days);
    ho[5] = std::to_string(total.value);
    if (const auto [meals, yen] = payer_meals(0); meals != 0 || yen != 0) {
      ho[7] = std::to_string(meals);
      ho[8] = std::to_string(yen);
    }
    out_.record(claim_.id, std::move(ho));
  }

  void public_payer(std::size_t i) {
    const PublicExpense& pe = claim_.public_expenses[i];
    const UkePublicPayer* given = i < extras_->public_payers.size() ? &extras_->public_payers[i] : nullptr;
    if (pe.law.size() != 2) uke::write_fail(claim_.id, fmt::format("public_expenses[{}].law", i), "法別番号 must be two digits");
    std::vector<std::string> ko(12);
    ko[0] = "KO";
    ko[1] = !pe.payer_number.empty() ? pe.payer_number
            : given && !given->payer_number.empty() ? given->payer_number
                                                     : with_check_digit(pe.law + "13001");
    ko[2] = !pe.recipient_number.empty() ? pe.recipient_number
            : given && !given->recipient_number.empty() ? given->recipient_number
                                                         : "0000000";
    ko[4] = std::to_string(payer_days(static_cast<int>(i + 1)));
    ko[5] = std::to_string(payer_total(static_cast<int>(i + 1)).value);
    out_.record(claim_.id, std::move(ko));
  }

  void diagnoses() {
    if (extras_->diagnoses.empty()) {
      const Date start = claim_.visits.empty() ? claim_.month.first_day() : claim_.visits.front().date;
      out_.record(claim_.id, {"SY", "0000999", start.compact(), "1", "", "病名未設定", "01", ""});
      return;
    }
    for (const UkeDiagnosis& sy : extras_->diagnoses) {
      out_.record(claim_.id, {"SY", sy.code, sy.start.compact(), std::to_string(sy.outcome), sy.modifiers, sy.name,
                              sy.main ? "01" : "", sy.note});
    }
  }

  // SI/IY/TO/CO records of one unit: 点数 on the last SI/IY/TO; comments before it as CO
  // records, comments after it as that record's inline comments (so a reader attaches them to
  // this unit, not the next).
  void write_unit(const Unit& unit) {
    const PricedLine& line = *unit.first;
    const std::vector<LineItem>& items = line.items;
    std::size_t last = items.size();
    while (items[--last].kind == ItemKind::comment) {
    }
    if (items.size() - last - 1 > 3) {
      uke::write_fail(claim_.id, "lines.items",
           fmt::format("{} comments after the last item of a line: a record holds three", items.size() - last - 1));
    }
    const std::string category = fmt::format("{:02}", line.category);
    const std::string burden(1, unit.burden);
    bool first = true;
    for (std::size_t i = 0; i <= last; ++i) {
      const LineItem& item = items[i];
      const std::string cat = first ? category : std::string();
      first = false;
      if (item.kind == ItemKind::comment) {
        out_.record(claim_.id, {"CO", cat, burden, code_text(item.code), item.text});
        continue;
      }
      const bool material = item.kind == ItemKind::material;
      std::vector<std::string> r(material ? 48 : 44);
      r[0] = record_id(item.kind);
      r[1] = cat;
      r[2] = burden;
      r[3] = code_text(item.code);
      r[4] = optional_text(item.quantity);
      // 点数, or for 食事療養 (97) the 金額 in yen, as the SSK sample writes 197000110 ×2 as 1280.
      if (i == last) r[5] = std::to_string(uke::is_yen_category(line.category) ? line.yen.value : line.points.value);
      r[6] = std::to_string(unit.count);
      if (material) {
        r[8] = optional_text(item.unit_price);
        r[10] = item.text;
      }
      const std::size_t first_comment = material ? 11 : 7;
      if (i == last) {
        for (std::size_t c = last + 1, k = 0; c < items.size(); ++c, ++k) {
          r[first_comment + 2 * k] = code_text(items[c].code);
          r[first_comment + 2 * k + 1] = items[c].text;
        }
      }
      const std::size_t first_day = material ? 17 : 13;
      for (std::size_t d = 0; d < 31; ++d) {
        if (unit.days[d] > 0) r[first_day + d] = std::to_string(unit.days[d]);
      }
      out_.record(claim_.id, std::move(r));
    }
  }

  Writer& out_;
  const Claim& claim_;
  const PricedClaim& priced_;
  std::int64_t number_;
  const UkeReceiptExtras* extras_ = nullptr;
  std::uint8_t all_payers_ = 0;
  std::vector<Unit> units_;
  std::vector<const PricedLine*> receipt_comments_;
};

}  // namespace

std::string write_uke(const UkeFacility& facility, std::span<const UkeReceiptInput> receipts) {
  Writer out;
  out.record("", {"IR", facility.payer_org, facility.prefecture, "1", facility.code, "", facility.name,
                  facility.billing_month.compact(), facility.volume, facility.phone});
  Points total;
  std::int64_t number = 0;
  for (const UkeReceiptInput& input : receipts) {
    if (input.claim == nullptr || input.priced == nullptr) {
      throw Exception(Status::invalid_argument, "write_uke: a receipt without its claim or priced claim");
    }
    if (input.priced->dpc.has_value() != receipts.front().priced->dpc.has_value()) {
      throw Exception(ErrorInfo{Status::claim_error, "<claim " + input.claim->id + ">", 0, 0, "admission.dpc",
                                fmt::format("receipt {} is {} and receipt 1 is not: a file holds DPC receipts or 医科 ones, "
                                            "not both (記録条件仕様 DPC用)", number + 1, input.priced->dpc ? "a DPC receipt" : "医科")});
    }
    total += ReceiptWriter(out, input, ++number).write();
  }
  out.record("", {"GO", std::to_string(number), std::to_string(total.value), "99"});
  return out.take();
}

}  // namespace santei
