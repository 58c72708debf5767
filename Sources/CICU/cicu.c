/*
 * cicu.c — thin, checked wrappers over ICU's C API. See cicu.h for the contract of each function.
 */
#include "cicu.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uvernum.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *cicu_version(void) { return U_ICU_VERSION; }

/* ---- break iteration ------------------------------------------------------------------------------ */

struct cicu_breaker {
  UBreakIterator *iterator;
};

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
  if (*status > U_ZERO_ERROR) return NULL;
  if (kind != CICU_BREAK_WORD && kind != CICU_BREAK_SENTENCE) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return NULL;
  }
  cicu_breaker *breaker = malloc(sizeof *breaker);
  if (breaker == NULL) {
    ubrk_close(iterator);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->iterator = iterator;
  *status = code;
  return breaker;
}

void cicu_breaker_close(cicu_breaker *breaker) {
  if (breaker == NULL) return;
  ubrk_close(breaker->iterator);
  free(breaker);
}

int32_t cicu_breaker_segment(cicu_breaker *breaker, const uint16_t *text, int32_t length, int32_t *ends,
                             int32_t *statuses, int32_t capacity, int32_t *status) {
  if (*status > U_ZERO_ERROR) return 0;
  if (length == 0) return 0;
  UErrorCode code = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, (const UChar *)text, length, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  int32_t count = 0;
  ubrk_first(breaker->iterator);
  for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE; end = ubrk_next(breaker->iterator)) {
    if (count < capacity) {
      ends[count] = end;
      if (statuses != NULL) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
    }
    count += 1;
  }
  /* Do not keep a pointer to the caller's buffer. */
  ubrk_setText(breaker->iterator, NULL, 0, &code);
  return count;
}

/* ---- normalization -------------------------------------------------------------------------------- */

int32_t cicu_casefold_mapped(const uint16_t *source, int32_t length, uint16_t *dest, int32_t *starts,
                             int32_t *ends, int32_t capacity, int32_t *status) {
  if (*status > U_ZERO_ERROR) return 0;
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  const UChar *text = (const UChar *)source;
  int32_t written = 0;
  int32_t i = 0;
  UChar chunkOut[64];
  while (i < length) {
    /* Fast path: an ASCII unit followed by a boundary (ASCII or the end) is its own chunk. In a run of ASCII
       units every one is, but the last when something else follows it: the run is folded in one loop. */
    int32_t end = i;
    while (end < length && text[end] < 0x80) end++;
    int32_t run = (end == length ? end : end - 1) - i;
    if (run > 0) {
      int32_t room = capacity - written;
      int32_t stored = run < room ? run : (room > 0 ? room : 0);
      for (int32_t k = 0; k < stored; k++) {
        UChar u = text[i + k];
        dest[written + k] = (u >= 'A' && u <= 'Z') ? (UChar)(u + 32) : u;
        starts[written + k] = i + k;
        ends[written + k] = i + k + 1;
      }
      written += run;
      i += run;
      continue;
    }
    /* A chunk runs from i to the next code point that has a normalization boundary before it. */
    int32_t j = i;
    UChar32 c;
    U16_NEXT(text, j, length, c);
    while (j < length) {
      int32_t k = j;
      U16_NEXT(text, k, length, c);
      if (unorm2_hasBoundaryBefore(normalizer, c)) break;
      j = k;
    }
    UErrorCode chunkCode = U_ZERO_ERROR;
    int32_t produced = unorm2_normalize(normalizer, text + i, j - i, chunkOut, 64, &chunkCode);
    UChar *out = chunkOut;
    UChar *heap = NULL;
    if (chunkCode == U_BUFFER_OVERFLOW_ERROR) {
      heap = malloc(sizeof(UChar) * (size_t)produced);
      if (heap == NULL) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return 0;
      }
      chunkCode = U_ZERO_ERROR;
      produced = unorm2_normalize(normalizer, text + i, j - i, heap, produced, &chunkCode);
      out = heap;
    }
    if (U_FAILURE(chunkCode)) {
      free(heap);
      *status = chunkCode;
      return 0;
    }
    int32_t sameLength = produced == j - i;
    for (int32_t u = 0; u < produced; u++) {
      if (written < capacity) {
        dest[written] = out[u];
        starts[written] = sameLength ? i + u : i;
        ends[written] = sameLength ? i + u + 1 : j;
      }
      written += 1;
    }
    free(heap);
    i = j;
  }
  if (written > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return written;
}

/* ---- spelled-out numbers -------------------------------------------------------------------------- */

struct cicu_spellout {
  UNumberFormat *format;
};

cicu_spellout *cicu_spellout_open(const char *locale, int32_t lenient, int32_t *status) {
  if (*status > U_ZERO_ERROR) return NULL;
  UErrorCode code = U_ZERO_ERROR;
  UNumberFormat *format = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return NULL;
  }
  unum_setAttribute(format, UNUM_LENIENT_PARSE, lenient ? 1 : 0);
  cicu_spellout *parser = malloc(sizeof *parser);
  if (parser == NULL) {
    unum_close(format);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  parser->format = format;
  return parser;
}

void cicu_spellout_close(cicu_spellout *parser) {
  if (parser == NULL) return;
  unum_close(parser->format);
  free(parser);
}

double cicu_spellout_parse(cicu_spellout *parser, const uint16_t *text, int32_t length, int32_t *consumed,
                           int32_t *status) {
  *consumed = 0;
  if (*status > U_ZERO_ERROR) return 0;
  UErrorCode code = U_ZERO_ERROR;
  int32_t position = 0;
  double value = unum_parseDouble(parser->format, (const UChar *)text, length, &position, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  *consumed = position;
  return value;
}

/* ---- the ICU floor -------------------------------------------------------------------------------- */

struct cicu_floor {
  UBreakIterator *words;
  UBreakIterator *sentences;
  UChar *text;
  UChar *folded;
  int32_t capacity;
};

cicu_floor *cicu_floor_open(const char *locale, int32_t *status) {
  if (*status > U_ZERO_ERROR) return NULL;
  cicu_floor *floor = calloc(1, sizeof *floor);
  if (floor == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  UErrorCode code = U_ZERO_ERROR;
  floor->words = ubrk_open(UBRK_WORD, locale, NULL, 0, &code);
  floor->sentences = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &code);
  if (U_FAILURE(code)) {
    *status = code;
    cicu_floor_close(floor);
    return NULL;
  }
  return floor;
}

void cicu_floor_close(cicu_floor *floor) {
  if (floor == NULL) return;
  if (floor->words != NULL) ubrk_close(floor->words);
  if (floor->sentences != NULL) ubrk_close(floor->sentences);
  free(floor->text);
  free(floor->folded);
  free(floor);
}

/* Grows both buffers to hold at least `units` UTF-16 units. */
static int cicu_floor_reserve(cicu_floor *floor, int32_t units) {
  if (units <= floor->capacity) return 1;
  int32_t capacity = units + units / 2 + 64;
  UChar *text = realloc(floor->text, sizeof(UChar) * (size_t)capacity);
  if (text == NULL) return 0;
  floor->text = text;
  UChar *folded = realloc(floor->folded, sizeof(UChar) * (size_t)capacity);
  if (folded == NULL) return 0;
  floor->folded = folded;
  floor->capacity = capacity;
  return 1;
}

int64_t cicu_floor_run(cicu_floor *floor, const char *bytes, int32_t length, int32_t *status) {
  if (*status > U_ZERO_ERROR) return 0;
  UErrorCode code = U_ZERO_ERROR;
  /* UTF-8 never takes fewer bytes than UTF-16 takes units. */
  if (!cicu_floor_reserve(floor, length + 1)) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  int32_t units = 0;
  u_strFromUTF8(floor->text, floor->capacity, &units, bytes, length, &code);
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  int32_t folded = unorm2_normalize(normalizer, floor->text, units, floor->folded, floor->capacity, &code);
  if (code == U_BUFFER_OVERFLOW_ERROR) {
    code = U_ZERO_ERROR;
    if (!cicu_floor_reserve(floor, folded + 1)) {
      *status = U_MEMORY_ALLOCATION_ERROR;
      return 0;
    }
    u_strFromUTF8(floor->text, floor->capacity, &units, bytes, length, &code);
    folded = unorm2_normalize(normalizer, floor->text, units, floor->folded, floor->capacity, &code);
  }
  int64_t result = folded > 0 ? floor->folded[folded - 1] : 0;
  ubrk_setText(floor->words, floor->text, units, &code);
  ubrk_setText(floor->sentences, floor->text, units, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  for (int32_t end = ubrk_next(floor->words); end != UBRK_DONE; end = ubrk_next(floor->words)) {
    result += 1 + ubrk_getRuleStatus(floor->words);
  }
  for (int32_t end = ubrk_next(floor->sentences); end != UBRK_DONE; end = ubrk_next(floor->sentences)) {
    result += 1;
  }
  ubrk_setText(floor->words, NULL, 0, &code);
  ubrk_setText(floor->sentences, NULL, 0, &code);
  return result;
}
