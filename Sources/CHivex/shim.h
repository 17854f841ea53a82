#include <hivex.h>
#include <errno.h>
