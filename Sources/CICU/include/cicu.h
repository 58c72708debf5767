/*
 * cicu.h — the only door from Swift to ICU.
 *
 * ICU's C functions are macros carrying a version suffix (ubrk_open -> ubrk_open_72), which Swift cannot
 * call, and ICU's headers clash with the ICU module that Foundation carries on Linux. So this header
 * includes nothing but <stdint.h>: plain integer types, opaque handles and `cicu_` names. Only cicu.c sees
 * <unicode/*.h>.
 *
 * Status codes are ICU's UErrorCode values as int32_t: 0 is success, negative values are warnings, and
 * positive values are failures. `cicu_error_name` turns one into ICU's name for it (e.g.
 * "U_BUFFER_OVERFLOW_ERROR").
 */
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name ICU gives a status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR". Never NULL.
const char *cicu_error_name(int32_t status);

/// The ICU version this was built against, e.g. "72.1".
const char *cicu_version(void);

/* ---------------------------------------------------------------------------------------------------- */
/* Break iteration                                                                                        */
/* ---------------------------------------------------------------------------------------------------- */

/// Kinds of break iterator.
enum {
  CICU_BREAK_WORD = 1,
  CICU_BREAK_SENTENCE = 3
};

/// Ranges of word-break rule status values (ICU's UWordBreak): a segment's status tells what it holds.
enum {
  CICU_WORD_NONE = 0,         /* spaces, punctuation, symbols: [0, 100) */
  CICU_WORD_NUMBER = 100,     /* [100, 200) */
  CICU_WORD_LETTER = 200,     /* [200, 300) */
  CICU_WORD_KANA = 300,       /* [300, 400) */
  CICU_WORD_IDEO = 400,       /* [400, 500) */
  CICU_WORD_LIMIT = 500
};

typedef struct cicu_breaker cicu_breaker;

/// Opens a break iterator of `kind` for `locale` (e.g. "en", "en@ss=standard"). NULL on failure, with
/// `*status` set.
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// Frees a break iterator. NULL is allowed.
void cicu_breaker_close(cicu_breaker *breaker);

/// Segments `text[0..<length]` (UTF-16 code units). Writes the end offset of each segment to `ends` and
/// its rule status to `statuses` (which may be NULL), at most `capacity` entries, and returns the number
/// of segments. A text of length n has at most n segments, so `capacity >= length` always suffices; with
/// less, the count is still returned and only the first `capacity` entries are written.
/// The text is not kept after the call returns.
int32_t cicu_breaker_segment(cicu_breaker *breaker, const uint16_t *text, int32_t length,
                             int32_t *ends, int32_t *statuses, int32_t capacity, int32_t *status);

/* ---------------------------------------------------------------------------------------------------- */
/* Normalization: NFKC_Casefold with a map back to the source                                            */
/* ---------------------------------------------------------------------------------------------------- */

/// Normalizes `source[0..<length]` with NFKC_Casefold into `dest` and, for every output unit `u`, stores in
/// `starts[u]` and `ends[u]` the source range [start, end) it came from. Source text is processed in
/// normalization-boundary chunks: when a chunk keeps its length, units map one to one; otherwise every
/// output unit of the chunk maps to the whole source chunk.
///
/// Returns the output length. When it exceeds `capacity`, nothing beyond `capacity` is written and
/// `*status` is U_BUFFER_OVERFLOW_ERROR (15): call again with at least the returned capacity.
int32_t cicu_casefold_mapped(const uint16_t *source, int32_t length, uint16_t *dest, int32_t *starts,
                             int32_t *ends, int32_t capacity, int32_t *status);

/* ---------------------------------------------------------------------------------------------------- */
/* Spelled-out numbers                                                                                    */
/* ---------------------------------------------------------------------------------------------------- */

typedef struct cicu_spellout cicu_spellout;

/// Opens a spell-out number parser for `locale` ("en" parses "twenty-one" as 21). A strict parser (`lenient`
/// 0) reads only text written as the rules write it (lowercase, "twenty-one"); a lenient one also reads
/// "Twenty One", but its first parse builds a collator (about 9 ms) and every parse is ten times slower.
cicu_spellout *cicu_spellout_open(const char *locale, int32_t lenient, int32_t *status);

/// Frees a spell-out parser. NULL is allowed.
void cicu_spellout_close(cicu_spellout *parser);

/// Parses a spelled-out number at the start of `text[0..<length]`. Returns the value and stores in
/// `*consumed` how many UTF-16 units were read (0 when nothing parsed; then `*status` is an error).
double cicu_spellout_parse(cicu_spellout *parser, const uint16_t *text, int32_t length, int32_t *consumed,
                           int32_t *status);

/* ---------------------------------------------------------------------------------------------------- */
/* The ICU floor (benchmarks only)                                                                       */
/* ---------------------------------------------------------------------------------------------------- */

/// What an ICU-based pipeline cannot avoid, for `answer-eval-bench`: UTF-8 to UTF-16 (u_strFromUTF8),
/// NFKC_Casefold (unorm2_normalize) and ICU's word (with rule statuses) and sentence break iterators over
/// the whole text. Nothing else: no structure, no offsets kept, no allocation after the buffers have grown.
/// One per thread.
typedef struct cicu_floor cicu_floor;

/// Opens the two break iterators for `locale`. NULL on failure, with `*status` set.
cicu_floor *cicu_floor_open(const char *locale, int32_t *status);

/// Frees a floor. NULL is allowed.
void cicu_floor_close(cicu_floor *floor);

/// Runs the floor over the UTF-8 `bytes[0..<length]`. Returns the number of word segments plus sentences
/// plus the sum of word rule statuses (so none of the work can be skipped); 0 with `*status` set on failure.
int64_t cicu_floor_run(cicu_floor *floor, const char *bytes, int32_t length, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif /* CICU_H */
