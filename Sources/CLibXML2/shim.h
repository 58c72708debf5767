// The parts of libxml2 that AnswerEvalXML uses.
//
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h>, whose types clash with
// the ICU module Foundation carries on Linux ("'UErrorCode' has different definitions in different
// modules") whenever a Foundation module and this one meet in one compilation. Nothing here uses
// libxml2's ICU converters (only the optional uconv fields of xmlCharEncodingHandler depend on it, and we
// never touch that struct), so the flag is cleared after <libxml/xmlversion.h> and no ICU header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlwriter.h>
