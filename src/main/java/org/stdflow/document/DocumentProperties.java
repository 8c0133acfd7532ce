package org.stdflow.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of uploaded documents.
 *
 * @param maxSize largest accepted upload (default 20 MB). Must stay below
 *     {@code spring.servlet.multipart.max-file-size}, or the container rejects the request before
 *     we can answer with a Chinese message.
 */
@ConfigurationProperties("stdflow.documents")
public record DocumentProperties(DataSize maxSize) {

  public DocumentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("stdflow.documents.max-size must be positive");
    }
  }
}
