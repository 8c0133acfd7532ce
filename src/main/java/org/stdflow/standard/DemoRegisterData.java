package org.stdflow.standard;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo register: the bureau's standard system after its two-year pilot (see the pilot report),
 * 40 entries over all nodes and all seven sections. Internal standards and regulations carry
 * Q/BSJG BZ codes whose sequence grows with first publication in each node; a revision keeps the
 * sequence and takes the year of its publication. Adopted national standards keep their real codes;
 * the two local (DB) standards have codes marked as invented (DB XX/T …), and say so in their scope.
 * As of late 2026 four reviews are overdue (204.1, 205.7, 301.1, GB/T 19001) and two entries are
 * repealed.
 */
final class DemoRegisterData {

  private DemoRegisterData() {
  }

  /**
   * One register entry.
   *
   * @param sequence sequence in the node (internal standards and regulations), null for adopted ones
   * @param externalCode the code of an adopted standard, null for internal ones
   * @param effectiveDates effective date of version 1, 2, … (each later one supersedes the one before)
   * @param repealedOn null while in force
   */
  record Entry(String node, Integer sequence, String title, StandardType type, String section,
      String externalCode, String scope, List<LocalDate> effectiveDates, LocalDate repealedOn, String repealReason) {

    Entry repealed(LocalDate on, String reason) {
      return new Entry(node, sequence, title, type, section, externalCode, scope, effectiveDates, on, reason);
    }
  }

  private static final String LOCAL_NOTE = "（演示数据：此地方标准编号为示例编号，并非真实标准编号。）";

  static List<Entry> entries() {
    return List.of(
        // 101 标准化工作指南
        internal("101", 1, "标准化工作指南", "sec-general",
            "规定了本局标准化工作的组织、标准体系构建、标准制修订、实施、监督检查与评价改进的要求。适用于本局各科室及直属单位的标准化工作。",
            d("2021-03-01"), d("2024-03-01")),
        regulation("101", 2, "标准化工作管理办法", "sec-general",
            "规定了标准立项、起草、征求意见、评审、批准发布、宣传培训、实施和复审（废改立释）的职责与程序。",
            d("2024-03-01")),
        adopted(StandardType.NATIONAL, "GB/T 1.1-2009", "101", "标准化工作导则 第1部分：标准的结构和编写",
            "sec-general", "本局起草内部标准时遵循的文件结构和编写规则（已由 GB/T 1.1-2020 代替）。", d("2019-06-01"))
            .repealed(d("2022-02-15"), "该标准已由 GB/T 1.1-2020 代替，本局改为采用新版。"),
        adopted(StandardType.NATIONAL, "GB/T 1.1-2020", "101", "标准化工作导则 第1部分：标准化文件的结构和起草规则",
            "sec-general", "本局起草内部标准、规章制度时遵循的文件结构和起草规则。", d("2022-03-01")),
        adopted(StandardType.NATIONAL, "GB/T 24421.1-2009", "101", "服务业组织标准化工作指南 第1部分：基本要求",
            "sec-general", "本局作为服务业组织开展标准化工作的基本要求。", d("2022-03-01")),
        adopted(StandardType.NATIONAL, "GB/T 24421.2-2009", "101", "服务业组织标准化工作指南 第2部分：标准体系",
            "sec-general", "本局标准体系（通用基础、运行保障、监督评价）的构建依据。", d("2022-03-01")),
        adopted(StandardType.NATIONAL, "GB/T 24421.3-2009", "101", "服务业组织标准化工作指南 第3部分：标准编写",
            "sec-general", "本局服务标准的编写要求。", d("2022-03-01")),
        adopted(StandardType.NATIONAL, "GB/T 24421.4-2009", "101", "服务业组织标准化工作指南 第4部分：标准实施及评价",
            "sec-general", "本局标准实施、监督检查和评价的依据。", d("2022-03-01")),
        // 102 术语, 103 符号与标志
        internal("102", 1, "机关事务服务常用术语", "sec-general",
            "界定了公务接待、办公用房、公务用车、公共机构节能和后勤服务保障中的常用术语。", d("2024-06-01")),
        internal("103", 1, "机关事务服务标识标牌设置规范", "sec-property",
            "规定了行政中心和 4 个机关食堂的导向、文明用餐、廉政文化、节能宣传等标识标牌的样式与设置要求。", d("2024-05-01")),
        // 201 公务接待后勤保障
        internal("201", 1, "公务接待服务规范", "sec-reception",
            "规定了公务接待的接待范围、审批、住宿、用餐、用车和经费结算等服务要求。适用于本局承担的公务接待后勤保障。",
            d("2021-09-01"), d("2024-09-01")),
        regulation("201", 2, "公务接待管理办法", "sec-reception",
            "规定了公务接待的审批、接待标准、清单管理和经费报销的管理要求。", d("2024-02-01")),
        // 202 办公用房管理
        internal("202", 1, "办公用房管理规范", "sec-office-space",
            "规定了党政机关办公用房的配置、权属、使用、调剂和处置要求。适用于区行政中心及各单位办公用房。", d("2024-03-15")),
        internal("202", 2, "办公用房维修改造管理规范", "sec-office-space",
            "规定了办公用房维修改造的申报、审核、实施、验收和档案管理要求。", d("2024-09-01")),
        // 203 公务用车管理
        internal("203", 1, "公务用车管理规范", "sec-vehicle",
            "规定了公务用车的编制、配备、使用、调度、维修保养和处置要求。适用于本局统一管理的公务用车。",
            d("2021-07-01"), d("2025-02-01")),
        internal("203", 2, "公务用车驾驶员服务规范", "sec-vehicle",
            "规定了公务用车驾驶员的仪容仪表、出车前检查、安全驾驶、服务礼仪和车辆交接要求。", d("2024-04-01")),
        regulation("203", 3, "公务用车使用管理制度", "sec-vehicle",
            "规定了公务用车的用车申请、派车、行车登记、费用结算和违规处理。", d("2024-07-01")),
        // 204 公共机构节能
        internal("204", 1, "公共机构节能监督检查规范", "sec-energy",
            "规定了对全区公共机构能源资源节约工作开展监督检查的内容、方式、频次和结果处理。", d("2022-07-01")),
        internal("204", 2, "公共机构能源资源消耗统计规范", "sec-energy",
            "规定了公共机构水、电、气、油等能源资源消耗数据的采集、填报、审核和分析要求。", d("2024-12-01")),
        adopted(StandardType.LOCAL, "DB XX/T 0102-2023", "204", "公共机构能源资源消耗限额", "sec-energy",
            "规定了党政机关办公建筑能源资源消耗限额指标及其使用。" + LOCAL_NOTE, d("2023-06-01")),
        // 205 后勤服务保障（食堂、物业、会务）
        internal("205", 1, "机关食堂服务规范", "sec-canteen",
            "规定了机关食堂的环境、人员、食品采购与加工、供餐、就餐秩序和服务评价要求。适用于本局所属 4 个机关食堂。",
            d("2021-04-01"), d("2024-04-01")),
        internal("205", 2, "党政机关物业管理服务规范", "sec-property",
            "规定了区行政中心 12 万平方米集中办公区的保洁、秩序维护、设施设备运行维护、绿化和会务保障等物业服务要求。",
            d("2021-04-01"), d("2024-10-01")),
        internal("205", 3, "机关健康食堂管理规范", "sec-canteen",
            "规定了机关健康食堂的营养配餐、减盐减油减糖、健康宣传和考核要求。", d("2022-02-15"), d("2025-02-15")),
        regulation("205", 4, "机关食堂就餐管理暂行规定", "sec-canteen",
            "规定了机关食堂就餐人员范围、就餐卡管理和用餐秩序。", d("2021-06-01"))
            .repealed(d("2024-04-01"), "内容已并入《机关食堂服务规范》第 2 版，本规定予以废止。"),
        internal("205", 5, "会务服务规范", "sec-general",
            "规定了会前准备、会中服务、会后整理的会务服务流程和要求。适用于区行政中心各会议室的会务保障。",
            d("2022-06-01"), d("2025-06-01")),
        internal("205", 6, "会场座次安排规范", "sec-general",
            "规定了各类会议主席台、会场和签字仪式的座次安排原则与方法。", d("2022-06-01"), d("2025-06-01")),
        internal("205", 7, "垃圾分类与收集处理规范", "sec-property",
            "规定了区行政中心生活垃圾的分类、投放、收集、暂存、转运和宣传督导要求。", d("2022-09-01")),
        internal("205", 8, "会务茶水服务规程", "sec-property",
            "规定了会议茶水服务的准备、斟茶续水、茶具清洗消毒和服务礼仪。", d("2023-12-20")),
        regulation("205", 9, "机关食堂食品安全管理制度", "sec-canteen",
            "规定了机关食堂食品安全责任、原料采购查验、加工操作、留样和从业人员健康管理。", d("2024-03-01")),
        adopted(StandardType.NATIONAL, "GB 31654-2021", "205", "食品安全国家标准 餐饮服务通用卫生规范", "sec-canteen",
            "本局所属 4 个机关食堂执行的餐饮服务卫生要求。", d("2022-02-22")),
        // 206 内部运行管理
        internal("206", 1, "公文处理工作规程", "sec-general",
            "规定了本局公文的收文、发文、办理、归档和保密要求。", d("2024-02-01")),
        regulation("206", 2, "机关财务管理制度", "sec-general",
            "规定了本局预算、支出审批、报销、资产和经费公开的管理要求。", d("2024-05-01")),
        // 301 质量控制
        internal("301", 1, "机关事务服务质量监督检查规范", "sec-general",
            "规定了日检查、周上报、月评价、季考核的监督检查内容、方式和结果运用（表扬、通报批评、责令整改）。",
            d("2023-03-01")),
        regulation("301", 2, "标准实施情况统计分析制度", "sec-general",
            "规定了标准实施情况数据的采集、统计、分析和定期报告要求。", d("2025-09-01")),
        internal("301", 3, "机关事务突发事件应急保障规范", "sec-property",
            "规定了突发公共卫生事件、停水停电、火灾等情况下行政中心后勤保障的应急响应和处置要求。", d("2025-11-01")),
        adopted(StandardType.NATIONAL, "GB/T 19001-2016", "301", "质量管理体系 要求", "sec-general",
            "本局服务质量管理体系的建立和运行要求。", d("2021-06-01")),
        // 302 评价与改进
        internal("302", 1, "满意度测评规范", "sec-general",
            "规定了服务对象满意度测评的对象、指标、方式（问卷、访问）、频次和结果应用。", d("2024-06-01")),
        internal("302", 2, "投诉处理规范", "sec-general",
            "规定了服务投诉的受理渠道、登记、调查处理、答复时限和回访要求。", d("2024-06-01")),
        internal("302", 3, "机关食堂服务质量评价规范", "sec-canteen",
            "规定了机关食堂服务质量的评价指标、评价方法和评价结果的运用。", d("2025-10-01")),
        adopted(StandardType.LOCAL, "DB XX/T 0101-2022", "302", "党政机关物业管理服务评价规范", "sec-property",
            "规定了党政机关物业管理服务的评价指标、评价方法和评价等级。" + LOCAL_NOTE, d("2022-08-01")));
  }

  private static Entry internal(String node, int sequence, String title, String section, String scope,
      LocalDate... effectiveDates) {
    return new Entry(node, sequence, title, StandardType.INTERNAL, section, null, scope, List.of(effectiveDates),
        null, null);
  }

  private static Entry regulation(String node, int sequence, String title, String section, String scope,
      LocalDate... effectiveDates) {
    return new Entry(node, sequence, title, StandardType.REGULATION, section, null, scope, List.of(effectiveDates),
        null, null);
  }

  private static Entry adopted(StandardType type, String code, String node, String title, String section, String scope,
      LocalDate effective) {
    return new Entry(node, null, title, type, section, code, scope, List.of(effective), null, null);
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }
}
