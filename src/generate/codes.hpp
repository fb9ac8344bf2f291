// The 診療行為 and 特定器材 codes of the generator's clinic months, with their 告示 区分 (別表第一
// 医科診療報酬点数表) and the r06 points as a reader's guide (the masters give the real values).
// A code missing from a target revision is left out of the catalog, so r06-only codes (marked) appear
// only when every target revision has them.
#pragma once

#include <array>

#include "santei/records.hpp"

namespace santei::generate::code {

// 基本診療料 (11 初診, 12 再診)
inline constexpr Code kFirstVisit = 111000110;            // A000 初診料 291
inline constexpr Code kFunctionAddition = 111013770;      // A000 注10 機能強化加算 80 (施設基準 3522)
inline constexpr Code kInfoFirst = 111703170;             // A000 注15 医療情報取得加算1 3 (r06 only)
inline constexpr Code kDxFirst = 111703370;               // A000 注16 医療DX推進体制整備加算 8 (r06 only, 4035)
inline constexpr Code kRevisit = 112007410;               // A001 再診料 75
inline constexpr Code kManagement = 112011010;            // A001 注8 外来管理加算 52
inline constexpr Code kStatement = 112015770;             // A001 注12 明細書発行体制等加算 1 (clinics)
inline constexpr Code kAfterHoursSupport = 112016070;     // A001 注10 時間外対応加算1 5 (施設基準 3001)
inline constexpr Code kInfoRevisit = 112708870;           // A001 注19 医療情報取得加算3 2 (r06 only)

// 医学管理等 (13)
inline constexpr Code kChronicManagement = 113001810;     // B000 特定疾患療養管理料 (診療所) 225, 月2回
inline constexpr Code kDrugInformation = 120002370;       // B011-3 薬剤情報提供料 4 (r04 10)

// 投薬 (24 調剤, 25 処方, 27 調基, 80 処方箋料)
inline constexpr Code kDispensingOral = 120000710;        // F000 調剤料 内服薬・浸煎薬・屯服薬 11
inline constexpr Code kDispensingExternal = 120001010;    // F000 調剤料 外用薬 8
inline constexpr Code kPrescribing = 120001210;           // F100 処方料 その他 42
inline constexpr Code kDispensingBase = 120001810;        // F500 調剤技術基本料 その他 14, 月1回
inline constexpr Code kPrescription = 120002910;          // F400 処方箋料 その他 60 (r04 68)
inline constexpr Code kGenericName1 = 120004270;          // F400 注7 一般名処方加算1 10 (r04 7)
inline constexpr Code kGenericName2 = 120003570;          // F400 注7 一般名処方加算2 8 (r04 5)

// 注射 (31 皮下筋肉内, 32 静脈内, 33 その他)
inline constexpr Code kIntramuscular = 130000510;         // G000 皮内、皮下及び筋肉内注射 25 (r04 22)
inline constexpr Code kIntravenous = 130003510;           // G001 静脈内注射 37 (r04 34)
inline constexpr Code kDrip = 130009310;                  // G004 2 点滴注射 その他 (入院外) 53 (r04 50)
inline constexpr Code kJointInjection = 130005310;        // G010 関節腔内注射 80

// 処置 (40)
inline constexpr Code kWound = 140000610;                 // J000 創傷処置 100cm2未満 52
inline constexpr Code kCatheter = 140013810;              // J063 留置カテーテル設置 40
inline constexpr Code kSuction = 140003810;               // J018 喀痰吸引 48
inline constexpr Code kNebulizer = 140022710;             // J114 ネブライザ 12
inline constexpr Code kNose = 140019710;                  // J097 鼻処置 16
inline constexpr Code kEar = 140019310;                   // J095 耳処置 27
inline constexpr Code kPainDevice = 140040310;            // J119 消炎鎮痛等処置 器具等による療法 35
inline constexpr Code kPainMassage = 140029610;           // J119 消炎鎮痛等処置 マッサージ等 35
inline constexpr Code kPoultice = 140002210;              // J119 消炎鎮痛等処置 湿布処置 35 (clinics)
inline constexpr Code kTraction = 140048010;              // J118 介達牽引 35
inline constexpr Code kJointPuncture = 140023010;         // J116 関節穿刺 片側 120
inline constexpr Code kOintment = 140011610;              // J053 皮膚科軟膏処置 100–500cm2 55
inline constexpr Code kWartFreezing = 140012410;          // J056 いぼ等冷凍凝固法 3箇所以下 210
inline constexpr Code kCorn = 140038710;                  // J057-3 鶏眼・胼胝処置 170

// 在宅医療 (14): a 訪問診療 day of an elderly patient, some on 在宅酸素療法
inline constexpr Code kHomeVisit = 114001110;             // C001 1 イ 在宅患者訪問診療料1 同一建物居住者以外 888
inline constexpr Code kHomeVisitSameBuilding = 114030310; // C001 1 ロ 在宅患者訪問診療料1 同一建物居住者 213
inline constexpr Code kHomeOxygen = 114003710;            // C103 2 在宅酸素療法指導管理料 その他 2,400
inline constexpr Code kOxygenConcentrator = 114006210;    // C158 酸素濃縮装置加算 4,000 (材料加算, 3月に3回)

// 手術 (50) and 麻酔 (54) of a visit outside hours: their 時間外・休日・深夜加算 are santei's (automatic)
inline constexpr Code kWoundSuture = 150001010;           // K000 2 創傷処理 筋肉、臓器に達しない 長径5cm未満 530
inline constexpr Code kTriggerPoint = 150266010;          // L104 トリガーポイント注射 70 (r04 80)

// 検査 (60): 生化学的検査(I) items of the 包括対象検査 group 1 (D007, s col 16 = 1)
inline constexpr std::array<Code, 18> kChemistry = {
    160022510,  // AST 17
    160022610,  // ALT 17
    160020410,  // γ-GT 11
    160020910,  // TG 11
    160023410,  // HDL-C 17
    160167250,  // LDL-C 18
    160019010,  // BUN 11
    160019210,  // クレアチニン 11
    160019310,  // UA 11
    160019410,  // グルコース 11
    160017410,  // TP 11
    160018910,  // Alb 11
    160021110,  // Na・Cl 11
    160021410,  // K 11
    160020010,  // ALP 11
    160019510,  // LD 11
    160020610,  // CK 11
    160022110,  // Fe 11
};
inline constexpr Code kBloodCount = 160008010;            // D005 5 末梢血液一般検査 21
inline constexpr Code kHbA1c = 160010010;                 // D005 9 HbA1c 49
inline constexpr Code kTsh = 160031710;                   // D008 TSH 98 (r04 101)
inline constexpr Code kFt4 = 160033310;                   // D008 FT4 121 (r04 124)
inline constexpr Code kPsa = 160037510;                   // D009 PSA 121 (r04 124)
inline constexpr Code kCrp = 160054710;                   // D015 CRP 16
inline constexpr Code kUrine = 160000310;                 // D000 尿中一般物質定性半定量検査 26
inline constexpr Code kEcg = 160068410;                   // D208 心電図検査 12誘導 130
inline constexpr Code kInfluenza = 160169450;             // D012 インフルエンザウイルス抗原定性 132 (r04 136)
inline constexpr Code kStrepA = 160044110;                // D012 A群β溶連菌迅速試験定性 121 (r04 124)
inline constexpr Code kCovidAntigen = 160229850;          // D012 SARS-CoV-2抗原定性 150 (r04 300)
inline constexpr Code kSwab = 160208510;                  // D419 6 鼻腔・咽頭拭い液採取 25
inline constexpr Code kVenousBlood = 160095710;           // D400 1 静脈採血 40 (r04 37)
// 判断料 (D026), once a month each
inline constexpr Code kJudgeUrine = 160061710;            // 尿・糞便等検査判断料 34
inline constexpr Code kJudgeHematology = 160061810;       // 血液学的検査判断料 125
inline constexpr Code kJudgeChemistry1 = 160061910;       // 生化学的検査(I)判断料 144
inline constexpr Code kJudgeChemistry2 = 160062010;       // 生化学的検査(II)判断料 144
inline constexpr Code kJudgeImmunology = 160062110;       // 免疫学的検査判断料 144

// 画像診断 (70)
inline constexpr Code kXrayChest = 170000410;             // E001 1 写真診断 単純撮影 イ (頭部・胸部・腹部・脊椎) 85
inline constexpr Code kXrayOther = 170000510;             // E001 1 写真診断 単純撮影 ロ (その他) 43
inline constexpr Code kXrayDigital = 170027910;           // E002 1 撮影 単純撮影 デジタル 68
inline constexpr Code kXrayImaging = 170000210;           // E001 注4 電子画像管理加算 単純撮影 57

// 精神科専門療法 (80)
inline constexpr Code kPsychotherapyShort = 180067310;    // I002 通院精神療法 30分未満 290 (r04 315)
inline constexpr Code kPsychotherapyLong = 180067410;     // I002 通院精神療法 30分以上 390

// その他 (80): 外来・在宅ベースアップ評価料(I), r06 only (施設基準 4307)
inline constexpr Code kBaseUpFirst = 180725710;           // O100 1 初診時 6
inline constexpr Code kBaseUpRevisit = 180725810;         // O100 2 再診時等 2

// 特定器材
inline constexpr Code kBladderCatheter = 728720000;       // 膀胱留置用ディスポーザブルカテーテル 2管一般(1) 233円

// Every procedure code above but the chemistry items, for the catalog check.
inline constexpr Code kProcedures[] = {
    kFirstVisit, kFunctionAddition, kInfoFirst, kDxFirst, kRevisit, kManagement, kStatement, kAfterHoursSupport,
    kInfoRevisit, kChronicManagement, kDrugInformation, kDispensingOral, kDispensingExternal, kPrescribing,
    kDispensingBase, kPrescription, kGenericName1, kGenericName2, kIntramuscular, kIntravenous, kDrip,
    kJointInjection, kWound, kCatheter, kSuction, kNebulizer, kNose, kEar, kPainDevice, kPainMassage, kPoultice,
    kTraction, kJointPuncture, kOintment, kWartFreezing, kCorn, kBloodCount, kHbA1c, kTsh, kFt4, kPsa, kCrp,
    kUrine, kEcg, kInfluenza, kStrepA, kCovidAntigen, kSwab, kVenousBlood, kJudgeUrine, kJudgeHematology,
    kJudgeChemistry1, kJudgeChemistry2, kJudgeImmunology, kXrayChest, kXrayOther, kXrayDigital, kXrayImaging,
    kPsychotherapyShort, kPsychotherapyLong, kBaseUpFirst, kBaseUpRevisit, kHomeVisit, kHomeVisitSameBuilding,
    kHomeOxygen, kOxygenConcentrator, kWoundSuture, kTriggerPoint};

// 施設基準 codes (別紙7-8) a generated clinic may have notified.
inline constexpr std::int32_t kStandardFunction = 3522;        // 機能強化加算
inline constexpr std::int32_t kStandardAfterHours1 = 3001;     // 時間外対応加算1
inline constexpr std::int32_t kStandardDx = 4035;              // 医療DX推進体制整備加算 (r06)
inline constexpr std::int32_t kStandardBaseUp = 4307;          // 外来・在宅ベースアップ評価料(I) (r06)
inline constexpr std::int32_t kStandardPsychiatry = 23;        // 通院・在宅精神療法 (s cols 72–81 of I002)

}  // namespace santei::generate::code
