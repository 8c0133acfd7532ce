package org.stdflow.standard;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.xlsx.XlsxTables;
import org.stdflow.standard.StandardViews.NodeView;
import org.stdflow.standard.StandardViews.Page;
import org.stdflow.standard.StandardViews.StandardItem;

/** 标准明细表 (the standards a filter finds) and 标准体系表 (the tree) in one workbook. */
@Component
class CatalogueWorkbook {

  static final List<String> HEADER = List.of("序号", "体系节点", "标准编号", "标准名称", "类型", "状态", "责任科室",
      "实施日期", "下次复审", "备注");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OrganisationFile organisation;
  private final Clock clock;

  CatalogueWorkbook(OrganisationFile organisation, Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
  }

  byte[] xlsx(StandardQueries.Filter filter, Page<StandardItem> found, List<NodeView> tree) {
    List<List<Object>> rows = new ArrayList<>();
    int n = 0;
    for (StandardItem s : found.items()) {
      List<String> notes = new ArrayList<>();
      if (s.reviewOverdue()) {
        notes.add("复审逾期");
      }
      if (s.revisionInProgress()) {
        notes.add("修订中");
      }
      rows.add(Arrays.asList(++n, s.nodeName() == null ? s.nodeCode() : s.nodeCode() + " " + s.nodeName(),
          s.code() == null ? "（未编号）" : s.code(), s.title(), s.typeLabel(), s.statusLabel(),
          s.responsibleSectionName() == null ? s.responsibleSection() : s.responsibleSectionName(),
          s.effectiveDate(), s.nextReviewDate(), String.join("、", notes)));
    }
    List<List<Object>> nodes = new ArrayList<>();
    addNodes(tree, 0, null, nodes);
    String subtitle = "范围：" + describe(filter) + "　　共 " + found.total() + " 项"
        + (found.total() > found.items().size() ? "（表中列出前 " + found.items().size() + " 项）" : "")
        + "　　导出时间：" + LocalDateTime.now(clock).format(MINUTES);
    return XlsxTables.write("机关事务管理局标准明细表", subtitle, List.of(
        new XlsxTables.Sheet("标准明细表", HEADER, rows),
        new XlsxTables.Sheet("标准体系表", List.of("节点编号", "节点名称", "上级节点", "在册标准（含下级）"), nodes)));
  }

  /** The tree in its order, names indented by level, each node with the live standards of its sub-tree. */
  private static void addNodes(List<NodeView> level, int depth, String parent, List<List<Object>> out) {
    for (NodeView node : level) {
      out.add(Arrays.asList(node.code(), "　".repeat(depth) + node.name(), parent, node.subtreeCount()));
      addNodes(node.children(), depth + 1, node.code(), out);
    }
  }

  /** The filters in words, as the list's form names them. */
  private String describe(StandardQueries.Filter f) {
    List<String> parts = new ArrayList<>();
    if (f.statuses().isEmpty()) {
      parts.add("全部状态");
    } else {
      parts.add(f.statuses().stream().map(StandardStatus::label).collect(Collectors.joining("、")));
    }
    if (f.node() != null) {
      parts.add("体系节点 " + f.node() + " 及其下级");
    }
    if (f.type() != null) {
      parts.add(f.type().label());
    }
    if (f.section() != null) {
      OrganisationFile.GroupEntry g = organisation.group(f.section());
      parts.add("责任科室 " + (g == null ? f.section() : g.name()));
    }
    if (f.q() != null) {
      parts.add("编号或名称含“" + f.q() + "”");
    }
    if (f.effectiveFrom() != null || f.effectiveTo() != null) {
      parts.add("实施日期 " + (f.effectiveFrom() == null ? "" : f.effectiveFrom()) + " 至 "
          + (f.effectiveTo() == null ? "" : f.effectiveTo()));
    }
    if (f.reviewDueBefore() != null) {
      parts.add(f.reviewDueBefore() + " 前应复审");
    }
    return String.join("，", parts);
  }
}
