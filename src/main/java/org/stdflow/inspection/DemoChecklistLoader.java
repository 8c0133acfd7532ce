package org.stdflow.inspection;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo checklists (demo profile only, {@code stdflow.demo-data}) for the demo standards the pilot
 * report names, so inspections have something to check. Runs once the context is refreshed, after
 * the demo register is loaded; a version that already has a checklist is left alone.
 */
@Component
class DemoChecklistLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoChecklistLoader.class);
  private static final List<String> CANTEENS = List.of("canteen-1", "canteen-2", "canteen-3", "canteen-4");

  /** Standard title → its checklist. */
  static final Map<String, List<ChecklistService.Item>> CHECKLISTS = Map.of(
      "机关食堂服务规范", List.of(
          item("5.1", "食品原料索证索票齐全，进货查验台账完整", 20, true, CANTEENS),
          item("5.3", "食品留样不少于 48 小时，每餐次每品种不少于 125 g", 20, true, CANTEENS),
          item("6.2", "餐用具清洗消毒后在保洁柜内存放", 15, false, CANTEENS),
          item("7.1", "就餐区地面、桌面清洁无油污", 10, false, CANTEENS),
          item("8.4", "公示菜谱与价格，设置意见簿", 5, false, CANTEENS)),
      "党政机关物业管理服务规范", List.of(
          item("5.2", "公共区域每日保洁，卫生间无异味、无积水", 15, false, List.of("centre-public")),
          item("6.1", "安保人员按时巡查并记录，监控室 24 小时值守", 20, true, List.of("centre-public", "centre-plant")),
          item("7.3", "设备机房巡检记录完整，消防设施完好有效", 25, true, List.of("centre-plant")),
          item("8.2", "报修 30 分钟内响应", 10, false, List.of("centre-offices", "centre-meeting"))),
      "会务服务规范", List.of(
          item("4.2", "会前 1 小时完成会场布置与设备调试", 15, false, List.of("centre-meeting")),
          item("5.1", "座次、桌签与会议通知一致", 10, false, List.of("centre-meeting")),
          item("6.3", "茶水服务按规程续水，不打扰发言", 5, false, List.of("centre-meeting"))),
      "垃圾分类与收集处理规范", List.of(
          item("5.1", "各楼层分类收集容器标识清晰、齐全", 10, false, List.of("centre-offices", "centre-public")),
          item("6.2", "厨余垃圾日产日清，交有资质单位处理", 20, true, CANTEENS)));

  private final ChecklistService checklists;
  private final JdbcClient jdbc;
  private final boolean enabled;

  DemoChecklistLoader(ChecklistService checklists, JdbcClient jdbc, @Value("${stdflow.demo-data:false}") boolean enabled) {
    this.checklists = checklists;
    this.jdbc = jdbc;
    this.enabled = enabled;
  }

  @EventListener(ContextRefreshedEvent.class)
  public void onStart() {
    if (enabled) {
      LOG.info("Demo checklists: {} standards given a checklist", load());
    }
  }

  /** Gives each named demo standard in force its checklist unless it has one; returns how many. */
  int load() {
    int loaded = 0;
    for (Map.Entry<String, List<ChecklistService.Item>> e : CHECKLISTS.entrySet()) {
      List<Long> ids = jdbc.sql("""
              SELECT id FROM std_standard WHERE title = :t AND status = 'IN_FORCE' AND created_by = 'demo'""")
          .param("t", e.getKey()).query(Long.class).list();
      for (long id : ids) {
        ChecklistService.Owner owner = checklists.owner(id);
        if (owner.versionId() != null && checklists.items(owner.versionId()).isEmpty()) {
          checklists.replace(owner, e.getValue(), "demo");
          loaded++;
        }
      }
    }
    return loaded;
  }

  private static ChecklistService.Item item(String clause, String requirement, int weight, boolean critical,
      List<String> places) {
    return new ChecklistService.Item(null, clause, requirement, weight, critical, places);
  }
}
