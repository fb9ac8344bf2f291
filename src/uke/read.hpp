// Reading a UKE file with each receipt handed on as soon as its records are read, so that pricing
// can start while the rest of the file is read (price_file.cpp).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "santei/uke.hpp"

namespace santei::uke {

// Takes each well-formed receipt in file order; the UkeFile returned then holds none.
using ReceiptSink = std::function<void(UkeReceipt&&)>;

// santei::read_uke and santei::read_uke_file, each receipt to `sink` (empty: kept in the file).
UkeFile read_uke(std::string_view bytes, std::string_view path, const UkeReadOptions& options, const ReceiptSink& sink);
UkeFile read_uke_file(const std::filesystem::path& path, const UkeReadOptions& options, const ReceiptSink& sink);

}  // namespace santei::uke
