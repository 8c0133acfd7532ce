package org.stdflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny but structurally real documents of each accepted type, and look-alikes. */
public final class TestDocuments {

  private TestDocuments() {
  }

  /** A real photo, as a phone would send it (a small JPEG or PNG drawn with ImageIO). */
  public static byte[] photo(String format) {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(4, 4, 20, 12);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, format, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] pdf() {
    return """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] docx() {
    return zip(entries(
        "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
        "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
  }

  static byte[] xlsx() {
    return zip(entries(
        "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
        "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook/>"));
  }

  static byte[] pptx() {
    return zip(entries(
        "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
        "ppt/presentation.xml", "<?xml version=\"1.0\"?><presentation/>"));
  }

  /** The start of an MP4 file: a 'ftyp' box with {@code brand}, then an empty 'mdat' box. */
  public static byte[] mp4(String brand) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32);
    b.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII))
        .put(brand.getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
        .put("isommp41".getBytes(StandardCharsets.US_ASCII));
    b.putInt(8).put("mdat".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  static byte[] odt() {
    return odf("application/vnd.oasis.opendocument.text");
  }

  /** An ODF package of another type (e.g. a spreadsheet): not accepted. */
  static byte[] odf(String mimetype) {
    Map<String, String> rest = entries(
        "content.xml", "<?xml version=\"1.0\"?><office:document-content/>",
        "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest/>");
    return zipWithStoredFirst("mimetype", mimetype, rest);
  }

  /** A zip that is none of our formats. */
  static byte[] plainZip() {
    return zip(entries("readme.txt", "这只是一个压缩包"));
  }

  /** A Windows executable header followed by noise. */
  static byte[] exe() {
    byte[] b = new byte[512];
    new java.util.Random(7).nextBytes(b);
    b[0] = 'M';
    b[1] = 'Z';
    return b;
  }

  static Map<String, String> entries(String... nameThenContent) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      m.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return m;
  }

  static byte[] zip(Map<String, String> entries) {
    return zipWithStoredFirst(null, null, entries);
  }

  private static byte[] zipWithStoredFirst(String firstName, String firstContent, Map<String, String> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      if (firstName != null) {
        byte[] bytes = firstContent.getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry(firstName);
        e.setMethod(ZipEntry.STORED); // ODF: mimetype uncompressed, first
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
      }
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
