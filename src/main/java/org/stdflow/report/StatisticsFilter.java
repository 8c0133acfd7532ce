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
 * @param node the standard-system node whose subtree the figures cover, or null: the whole tree — the
 *     register's, and the records tied to a standard (inspections, rectifications, criticisms of a
 *     rectification, complaints naming a standard); satisfaction surveys are of services, not standards
 * @param nodeCodes the node and its descendants (filled by the queries), or null
 */
public record StatisticsFilter(LocalDate from, LocalDate to, String section, List<String> sections, String node,
    List<String> nodeCodes) {

  public StatisticsFilter(LocalDate from, LocalDate to, String section, List<String> sections, String node) {
    this(from, to, section, sections, node, null);
  }

  StatisticsFilter withNodeCodes(java.util.Collection<String> codes) {
    return new StatisticsFilter(from, to, section, sections, node, codes == null ? null : List.copyOf(codes));
  }

  /** " AND <column> IN (standards of the node's subtree)", or "" without a node. */
  String standardCondition(String column) {
    return nodeCodes == null ? ""
        : " AND " + column + " IN (SELECT ns.id FROM std_standard ns WHERE ns.node_code IN (:nodeCodes))";
  }

  /** Binds the parameters the section and node conditions use. */
  org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
      org.springframework.jdbc.core.simple.JdbcClient.StatementSpec query) {
    var bound = sections == null ? query : query.param("sections", sections);
    return nodeCodes == null ? bound : bound.param("nodeCodes", nodeCodes);
  }

  /** Whether a record of this section counts. */
  boolean includes(String sectionId) {
    return sections == null || sections.contains(sectionId);
  }
}
