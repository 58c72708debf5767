// The parts of libxml2 that AnswerEvalXML uses. Debian's libxml2 headers include ICU headers, which clash
// with the ICU module Foundation carries on Linux, so only the Foundation-free AnswerEvalXML imports this.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
