package org.stdflow.audit;

/** The CJK font for PDF exports cannot be loaded: says where it was looked for and how to fix it. */
class PdfFontMissingException extends RuntimeException {
  PdfFontMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
