/* santei build configuration and version. C-compatible: included by santei.h and santei.hpp. */
#ifndef SANTEI_CONFIG_H
#define SANTEI_CONFIG_H

#define SANTEI_VERSION_MAJOR 0
#define SANTEI_VERSION_MINOR 1
#define SANTEI_VERSION_PATCH 0
/* One integer for comparisons: MAJOR*10000 + MINOR*100 + PATCH. */
#define SANTEI_VERSION_NUMBER \
  (SANTEI_VERSION_MAJOR * 10000 + SANTEI_VERSION_MINOR * 100 + SANTEI_VERSION_PATCH)
#define SANTEI_VERSION_STRING "0.1.0"

/* SANTEI_API marks the symbols a shared santei exports. SANTEI_STATIC is defined by the build
   when santei is a static library; SANTEI_BUILDING while santei itself is compiled. */
#if defined(SANTEI_STATIC)
#  define SANTEI_API
#elif defined(_WIN32)
#  if defined(SANTEI_BUILDING)
#    define SANTEI_API __declspec(dllexport)
#  else
#    define SANTEI_API __declspec(dllimport)
#  endif
#else
#  define SANTEI_API __attribute__((visibility("default")))
#endif

/* The C ABI library (santei_c) is always shared; its exports are switched separately. */
#if defined(_WIN32)
#  if defined(SANTEI_C_BUILDING)
#    define SANTEI_C_API __declspec(dllexport)
#  else
#    define SANTEI_C_API __declspec(dllimport)
#  endif
#else
#  define SANTEI_C_API __attribute__((visibility("default")))
#endif

#endif /* SANTEI_CONFIG_H */
