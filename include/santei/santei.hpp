// santei.hpp — the C++ API in one include. Each header below is interface-first and documents
// ownership and thread-safety; the C ABI is santei.h.
//
// **Example**:
//   const santei::MasterLibrary masters = santei::MasterLibrary::load("../shared/masters");
//   const santei::Claim claim = santei::parse_claim(json_text);
//   const santei::PricedClaim priced = santei::price(claim, masters);   // any thread, no locks
//   std::cout << santei::result_json(priced, masters) << '\n';
#pragma once

#include "santei/claim.hpp"      // santei.claim/1: the receipt to price
#include "santei/copay.hpp"      // window charge and every payer's share
#include "santei/dpc.hpp"        // DPC: the 電子点数表 workbooks, a stay month's 包括 points
#include "santei/kougaku.hpp"    // the insurer's 高額療養費 of a household month
#include "santei/lookup.hpp"     // one code's record and edges as JSON
#include "santei/masters.hpp"    // the SSK masters, dated and immutable
#include "santei/money.hpp"      // Decimal, Points, Yen
#include "santei/period.hpp"     // Date, YearMonth, DateRange
#include "santei/pricing.hpp"    // price(): points, lines, diagnostics, result JSON
#include "santei/price_stream.hpp"  // claims text in, result lines out (santei price, santei serve)
#include "santei/records.hpp"    // decoded master rows
#include "santei/result.hpp"     // Status, ErrorInfo, Exception
#include "santei/rounding.hpp"   // every legal rounding rule, one function each
#include "santei/rules.hpp"      // the rule graph: 注加算, 年齢加算, 電子点数表 edges
#include "santei/uke.hpp"        // UKE (レセ電) files in and out
