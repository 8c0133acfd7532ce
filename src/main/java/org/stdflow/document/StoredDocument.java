package org.stdflow.document;

/** A document with its content, for downloads. */
public record StoredDocument(DocumentInfo info, byte[] content) {
}
