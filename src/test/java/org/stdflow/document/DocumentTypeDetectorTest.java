package org.stdflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DocumentTypeDetectorTest {

  @Test
  void recognisesEachAcceptedTypeByContent() {
    assertThat(DocumentTypeDetector.detect(TestDocuments.pdf())).contains(DocumentTypeDetector.PDF);
    assertThat(DocumentTypeDetector.detect(TestDocuments.docx())).contains(DocumentTypeDetector.DOCX);
    assertThat(DocumentTypeDetector.detect(TestDocuments.xlsx())).contains(DocumentTypeDetector.XLSX);
    assertThat(DocumentTypeDetector.detect(TestDocuments.odt())).contains(DocumentTypeDetector.ODT);
    assertThat(DocumentTypeDetector.detect(TestDocuments.photo("jpeg"))).contains(DocumentTypeDetector.JPEG);
    assertThat(DocumentTypeDetector.detect(TestDocuments.photo("png"))).contains(DocumentTypeDetector.PNG);
    assertThat(DocumentTypeDetector.detect(TestDocuments.pptx())).contains(DocumentTypeDetector.PPTX);
    assertThat(DocumentTypeDetector.detect(TestDocuments.mp4("isom"))).contains(DocumentTypeDetector.MP4);
    assertThat(DocumentTypeDetector.detect(TestDocuments.mp4("mp42"))).contains(DocumentTypeDetector.MP4);
  }

  @Test
  void onlyMp4AmongIsoMediaFiles() {
    assertThat(DocumentTypeDetector.detect(TestDocuments.mp4("qt  "))).as("QuickTime").isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.mp4("3gp4"))).as("3GP").isEmpty();
    byte[] mp4 = TestDocuments.mp4("isom");
    assertThat(DocumentTypeDetector.detect(Arrays.copyOf(mp4, 12))).as("cut inside the box").isEmpty();
    byte[] oversized = mp4.clone();
    oversized[0] = 0x7f; // a first box larger than the whole upload
    assertThat(DocumentTypeDetector.detect(oversized)).isEmpty();
    byte[] shifted = new byte[mp4.length + 1];
    System.arraycopy(mp4, 0, shifted, 1, mp4.length);
    assertThat(DocumentTypeDetector.detect(shifted)).as("'ftyp' not at offset 4").isEmpty();
  }

  @Test
  void rejectsLookAlikes() {
    // not the PDF magic at the start
    assertThat(DocumentTypeDetector.detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentTypeDetector.detect("PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.exe())).isEmpty();
    assertThat(DocumentTypeDetector.detect(new byte[0])).isEmpty();
    assertThat(DocumentTypeDetector.detect(null)).isEmpty();
    // zips that are not our formats
    assertThat(DocumentTypeDetector.detect(TestDocuments.plainZip())).isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.zip(TestDocuments.entries(
        "[Content_Types].xml", "<Types/>", "word/styles.xml", "<styles/>")))).as("OOXML without main part").isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.zip(TestDocuments.entries(
        "word/document.xml", "<document/>")))).as("Word part without [Content_Types].xml").isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.odf("application/vnd.oasis.opendocument.spreadsheet")))
        .as("ODS is not ODT").isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.zip(TestDocuments.entries(
        "content.xml", "<x/>", "mimetype", "application/vnd.oasis.opendocument.text"))))
        .as("mimetype not the first entry").isEmpty();
    assertThat(DocumentTypeDetector.detect(TestDocuments.odf("application/vnd.oasis.opendocument.textX")))
        .as("mimetype must match exactly").isEmpty();
  }

  @Test
  void damagedArchivesAreNoTypeAndThrowNothing() {
    byte[] docx = TestDocuments.docx();
    assertThat(DocumentTypeDetector.detect(Arrays.copyOf(docx, docx.length / 2))).as("truncated").isEmpty();
    assertThat(DocumentTypeDetector.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
  }

  @Test
  void entriesAreNeverInflated() {
    // a zip bomb must cost nothing: garble the deflated data of every entry. Inflating any of them
    // would fail; the detector still answers, so it read only the names from the central directory.
    byte[] garbled = garbleEntryData(TestDocuments.docx());
    assertThatThrownBy(() -> {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(garbled))) {
        zip.getNextEntry();
        zip.readAllBytes();
      }
    }).as("the garbled entry cannot be inflated").isInstanceOf(ZipException.class);
    assertThat(DocumentTypeDetector.detect(garbled)).contains(DocumentTypeDetector.DOCX);
    assertThat(DocumentTypeDetector.detect(garbleEntryData(TestDocuments.xlsx()))).contains(DocumentTypeDetector.XLSX);
  }

  /**
   * Overwrites the data of each entry with 0xFF bytes (an invalid deflate block). Sizes come from the
   * central directory: ZipOutputStream puts them in data descriptors, not in the local headers.
   */
  private static byte[] garbleEntryData(byte[] zip) {
    byte[] b = zip.clone();
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = b.length - 22; // no archive comment
    assertThat(buf.getInt(eocd)).isEqualTo(0x06054b50);
    int entries = buf.getShort(eocd + 10) & 0xffff;
    int cd = buf.getInt(eocd + 16);
    for (int i = 0; i < entries; i++) {
      assertThat(buf.getInt(cd)).isEqualTo(0x02014b50);
      int compressedSize = buf.getInt(cd + 20);
      int local = buf.getInt(cd + 42);
      int dataStart = local + 30 + (buf.getShort(local + 26) & 0xffff) + (buf.getShort(local + 28) & 0xffff);
      Arrays.fill(b, dataStart, dataStart + compressedSize, (byte) 0xFF);
      cd += 46 + (buf.getShort(cd + 28) & 0xffff) + (buf.getShort(cd + 30) & 0xffff) + (buf.getShort(cd + 32) & 0xffff);
    }
    return b;
  }
}
