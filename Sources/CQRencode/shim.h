#ifndef TWOFOLD_CQRENCODE_SHIM_H
#define TWOFOLD_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
