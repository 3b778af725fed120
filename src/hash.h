/* hash.h: the one hash of the program (FNV-1a, 32 bits), for tables, ids and file fingerprints. */
#ifndef REHEARSE_HASH_H
#define REHEARSE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT	2166136261u	/* FNV-1a's offset basis */

/*
 * h carried on over n more bytes: start from HASH_INIT, and feed a long
 * input piece by piece.  Derived card ids are made of it (deck.h), so it
 * must never change: they are the keys of people's progress.
 */
uint32_t	hash_bytes(uint32_t h, const void *, size_t n);

#endif
