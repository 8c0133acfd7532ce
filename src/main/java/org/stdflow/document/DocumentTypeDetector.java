package org.stdflow.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Tells the type of an upload from its content, never from its name or the browser's declared type
 * (both are the sender's claim). Accepts PDF, DOCX, XLSX, PPTX and ODT, JPEG and PNG photos (evidence of
 * rectifications) and MP4 videos (training materials, e.g. the meeting-service standards filmed).
 *
 * <p>Zip bombs: no entry is ever inflated. DOCX/XLSX are recognised by entry names read from the
 * central directory ({@link ZipFile}; {@link ZipInputStream} would inflate every entry to skip it);
 * ODT by its first entry {@code mimetype}, of which at most a few bytes are read.
 */
final class DocumentTypeDetector {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String MP4 = "video/mp4";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  /** ISO base media file format: a 'ftyp' box first, its major brand one of MP4's (ISO/IEC 14496-12, -14). */
  private static final byte[] FTYP = {'f', 't', 'y', 'p'};
  private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
      "avc1", "M4V ", "MSNV", "dash");
  /** An OOXML package has a few dozen parts; a huge directory is no document of ours. */
  private static final int MAX_ZIP_ENTRIES = 10_000;

  private DocumentTypeDetector() {
  }

  /** The media type of {@code content}, or empty if it is none of the accepted types. */
  static Optional<String> detect(byte[] content) {
    if (content == null) {
      return Optional.empty();
    }
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return detectZip(content);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (isMp4(content)) {
      return Optional.of(MP4);
    }
    return Optional.empty();
  }

  private static Optional<String> detectZip(byte[] content) {
    if (isOdt(content)) {
      return Optional.of(ODT);
    }
    try {
      Set<String> names = entryNames(content);
      if (names.contains("[Content_Types].xml")) {
        if (names.contains("word/document.xml")) {
          return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
          return Optional.of(XLSX);
        }
        if (names.contains("ppt/presentation.xml")) {
          return Optional.of(PPTX);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // a damaged or hostile archive is simply not one of our types
      return Optional.empty();
    }
  }

  /**
   * The first box is 'ftyp' (size, then type at offset 4) with an MP4 major brand; its size is at least
   * the 16 bytes of size, type, brand and minor version. QuickTime ('qt  ') and 3GP are not taken.
   */
  private static boolean isMp4(byte[] content) {
    if (content.length < 16 || content[4] != FTYP[0] || content[5] != FTYP[1] || content[6] != FTYP[2]
        || content[7] != FTYP[3]) {
      return false;
    }
    long size = ((content[0] & 0xffL) << 24) | ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8) | (content[3] & 0xff);
    return size >= 16 && size <= content.length
        && MP4_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII));
  }

  /** ODF: the first local entry is "mimetype" holding exactly the media type (ODF 1.2 part 3, 3.3). */
  private static boolean isOdt(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry first = zip.getNextEntry();
      if (first == null || !"mimetype".equals(first.getName())) {
        return false;
      }
      byte[] value = zip.readNBytes(ODT.length() + 1); // bounded: never inflates more than this
      return ODT.equals(new String(value, StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Entry names from the central directory; ZipFile needs a file, so the bytes go to a temp file. */
  private static Set<String> entryNames(byte[] content) throws IOException {
    Path tmp = Files.createTempFile("stdflow-upload-", ".zip");
    try {
      Files.write(tmp, content);
      try (ZipFile zip = new ZipFile(tmp.toFile())) {
        if (zip.size() > MAX_ZIP_ENTRIES) {
          return Collections.emptySet();
        }
        Set<String> names = new HashSet<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        return names;
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
