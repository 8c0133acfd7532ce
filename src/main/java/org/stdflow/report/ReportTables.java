package org.stdflow.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of a periodic report as titled tables, built once from {@link Statistics} so that
 * the PDF and the XLSX show the same figures. Cells are Integer, BigDecimal or String; a figure
 * that cannot be computed (nothing due, no records) is {@link #NO_DATA}.
 */
final class ReportTables {

  static final String NO_DATA = "暂无数据";

  record Table(String title, List<String> header, List<List<Object>> rows) {
  }

  private ReportTables() {
  }

  static List<Table> of(Statistics s) {
    List<Table> tables = new ArrayList<>();
    Statistics.Standards st = s.standards();
    Statistics.Reviews rv = s.reviews();
    Statistics.Inspections in = s.inspections();
    Statistics.Rectifications rc = s.rectifications();
    Statistics.Commendations cm = s.commendations();
    FeedbackStatistics.Complaints cp = s.complaints();
    FeedbackStatistics.Satisfaction sa = s.satisfaction();

    List<List<Object>> overview = new ArrayList<>();
    overview.add(row("标准总数（各状态）", st.total()));
    overview.add(row("现行有效标准", st.inForce()));
    overview.add(row("其中：内部标准", st.internal()));
    overview.add(row("其中：采用的国家、地方标准", st.adopted()));
    overview.add(row("其中：规章制度", st.regulation()));
    overview.add(row("标准体系末级节点数", st.coverage().leafNodes()));
    overview.add(row("有现行标准的末级节点数", st.coverage().coveredLeafNodes()));
    overview.add(row("标准体系覆盖率（%）", value(st.coverage().rate())));
    overview.add(row("本期实施的标准版本", st.publishedInPeriod()));
    overview.add(row("本期到期应复审", rv.dueInPeriod()));
    overview.add(row("复审逾期（截至今日）", rv.overdue()));
    overview.add(row("本期完成复审", rv.completedInPeriod()));
    overview.add(row("完成检查（合格＋不合格）", in.done()));
    overview.add(row("检查合格", in.passed()));
    overview.add(row("检查不合格", in.failed()));
    overview.add(row("漏检", in.missed()));
    overview.add(row("检查合格率（%）", value(in.passRate())));
    overview.add(row("本期新开整改", rc.opened()));
    overview.add(row("本期关闭整改", rc.closed()));
    overview.add(row("期末未关闭整改", rc.open()));
    overview.add(row("期末逾期整改", rc.overdue()));
    overview.add(row("平均整改天数", value(rc.meanDaysToClose())));
    overview.add(row("表扬", cm.praise()));
    overview.add(row("通报批评", cm.criticism()));
    overview.add(row("收到投诉", value(cp.received())));
    overview.add(row("已办结投诉", value(cp.closed())));
    overview.add(row("投诉平均响应时长（小时）", value(cp.meanResponseHours())));
    overview.add(row("满意度测评人数", value(sa.responses())));
    overview.add(row("满意率（%）", value(sa.average())));
    tables.add(new Table("主要指标", List.of("指标", "数值"), overview));

    List<List<Object>> types = new ArrayList<>();
    st.byType().forEach(c -> types.add(row(c.label(), c.count())));
    tables.add(new Table("现行有效标准按类型", List.of("类型", "数量"), types));

    List<List<Object>> statuses = new ArrayList<>();
    st.byStatus().forEach(c -> statuses.add(row(c.label(), c.count())));
    tables.add(new Table("标准按状态", List.of("状态", "数量"), statuses));

    List<List<Object>> nodes = new ArrayList<>();
    st.byNode().forEach(n -> nodes.add(row(n.code(), "　".repeat(n.level()) + n.name(), n.inForce(), n.internal(),
        n.adopted(), n.regulation())));
    tables.add(new Table("标准体系各节点现行有效标准", List.of("编号", "节点", "现行有效", "内部标准", "采用标准", "规章制度"),
        nodes));

    List<List<Object>> sections = new ArrayList<>();
    in.bySection().forEach(r -> sections.add(row(r.label(), r.passed(), r.failed(), r.missed(), value(r.passRate()))));
    tables.add(new Table("各科室检查情况", List.of("科室", "合格", "不合格", "漏检", "合格率（%）"), sections));

    List<List<Object>> months = new ArrayList<>();
    in.byMonth().forEach(r -> months.add(row(r.label(), r.passed(), r.failed(), r.missed(), value(r.passRate()))));
    tables.add(new Table("各月检查情况", List.of("月份", "合格", "不合格", "漏检", "合格率（%）"), months));

    List<List<Object>> rects = new ArrayList<>();
    rc.bySection().forEach(r -> rects.add(row(r.sectionName(), r.opened(), r.closed(), r.open(), r.overdue(),
        value(r.meanDaysToClose()))));
    tables.add(new Table("各科室整改情况", List.of("科室", "新开", "关闭", "期末未关闭", "期末逾期", "平均整改天数"), rects));

    List<List<Object>> sources = new ArrayList<>();
    rc.bySource().forEach(c -> sources.add(row(c.label(), c.count())));
    tables.add(new Table("本期新开整改按来源", List.of("来源", "数量"), sources));

    List<List<Object>> commendations = new ArrayList<>();
    cm.bySection().forEach(r -> commendations.add(row(r.sectionName(), r.praise(), r.criticism())));
    tables.add(new Table("各科室表扬与通报批评", List.of("科室", "表扬", "通报批评"), commendations));

    List<List<Object>> overdue = new ArrayList<>();
    rv.overdueStandards().forEach(o -> overdue.add(row(o.code() == null ? "" : o.code(), o.title(), o.sectionName(),
        o.nextReviewDate().toString())));
    tables.add(new Table("复审逾期的标准", List.of("标准编号", "标准名称", "责任科室", "应复审日期"), overdue));

    List<List<Object>> trend = new ArrayList<>();
    sa.byMonth().forEach(m -> trend.add(row(m.month(), m.responses(), value(m.average()))));
    if (trend.isEmpty()) {
      trend.add(row(NO_DATA, NO_DATA, NO_DATA));
    }
    tables.add(new Table("满意度趋势", List.of("录入月份", "测评人数", "满意率（%）"), trend));
    return tables;
  }

  private static List<Object> row(Object... cells) {
    return List.of(cells);
  }

  private static Object value(Object v) {
    return v == null ? NO_DATA : v;
  }

  /** The cell as printed in the PDF. */
  static String text(Object cell) {
    return org.stdflow.platform.xlsx.XlsxTables.text(cell);
  }
}
