#include <wimlib.h>
