package org.stdflow.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ResourceLoader;

/**
 * A new PDF document with a CJK TrueType font embedded (as a subset), shared by every PDF export
 * (audit trail, statistics reports), so Chinese prints the same on every machine and can be read back
 * as text. The font file (.ttf or the first font of a .ttc) is read once per location.
 */
public final class CjkPdf implements AutoCloseable {

  private static final ConcurrentHashMap<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

  private final TrueTypeCollection collection;
  private final TrueTypeFont single;
  private final PDDocument doc;
  private final PDType0Font font;
  private final CmapLookup cmap;

  private CjkPdf(byte[] fontFile) throws IOException {
    boolean ttc = fontFile.length > 4 && fontFile[0] == 't' && fontFile[1] == 't' && fontFile[2] == 'c'
        && fontFile[3] == 'f';
    this.collection = ttc ? new TrueTypeCollection(new ByteArrayInputStream(fontFile)) : null;
    this.single = ttc ? null : new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
    TrueTypeFont ttf = ttc ? first(collection) : single;
    this.doc = new PDDocument();
    this.font = PDType0Font.load(doc, ttf, true);
    this.cmap = ttf.getUnicodeCmapLookup();
  }

  /**
   * Opens a document with the font at {@code location} (a Spring resource location). A font that
   * cannot be read fails with {@link FontUnavailableException}, whose message names {@code property}.
   */
  public static CjkPdf open(ResourceLoader resources, String location, String property) throws IOException {
    byte[] file = FONT_FILES.get(location);
    if (file == null) {
      try (InputStream in = resources.getResource(location).getInputStream()) {
        file = in.readAllBytes();
      } catch (IOException e) {
        throw new FontUnavailableException("导出 PDF 需要中文字体，但无法读取 " + property + " = «" + location
            + "»。请将其设为一个 TrueType 字体文件（.ttf/.ttc，例如 file:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc）。", e);
      }
      FONT_FILES.putIfAbsent(location, file);
    }
    return new CjkPdf(file);
  }

  public PDDocument document() {
    return doc;
  }

  public PDType0Font font() {
    return font;
  }

  /** The font's Unicode map: which characters it can draw. */
  public CmapLookup cmap() {
    return cmap;
  }

  public byte[] save() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    try {
      doc.close();
    } finally {
      if (collection != null) {
        collection.close();
      }
      if (single != null) {
        single.close();
      }
    }
  }

  private static TrueTypeFont first(TrueTypeCollection ttc) throws IOException {
    List<TrueTypeFont> fonts = new ArrayList<>();
    ttc.processAllFonts(fonts::add);
    if (fonts.isEmpty()) {
      throw new IOException("font collection holds no font");
    }
    return fonts.get(0);
  }

  /** The configured CJK font cannot be read. */
  public static class FontUnavailableException extends RuntimeException {
    public FontUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
