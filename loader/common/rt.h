#pragma once
#include <efi.h>
typedef __SIZE_TYPE__ size_t;
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
void *malloc(size_t size);
void free(void *p);
