#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with the given test function (libFuzzer's own main is not linked: SwiftPM names
/// the executable's entry point itself).
int vpr_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));
