package org.stdflow.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What a statistics request covers.
 *
 * @param from first day of the period (inclusive)
 * @param to last day of the period (inclusive)
 * @param section the one section asked for, or null
 * @param sections the sections whose records count; null: every section (callers who read all)
 * @param node the standard-system node whose subtree the register figures cover, or null: the whole tree
 */
public record StatisticsFilter(LocalDate from, LocalDate to, String section, List<String> sections, String node) {

  /** Whether a record of this section counts. */
  boolean includes(String sectionId) {
    return sections == null || sections.contains(sectionId);
  }
}
