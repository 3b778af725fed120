/* hash.c: FNV-1a over bytes, the program's one hash. */
#include "hash.h"

uint32_t
hash_bytes(uint32_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 16777619u;
	}
	return h;
}
