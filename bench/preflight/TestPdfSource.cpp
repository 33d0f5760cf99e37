// Compiles the tests' PDF generator (tests/preflight/TestPdf.cpp) into this benchmark: bench/CMakeLists.txt
// builds each bench/<name>/ folder from its own sources, with tests/ on the include path.
#include "preflight/TestPdf.cpp"
