package org.stdflow.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters (我的待办, 本科室待办, 待我审批, 即将到期, 已逾期), created or updated at
 * start and shared with the groups that need them through READ authorizations on the filter.
 */
public class TasklistFilterSetup {

  /** Tasks due within this many days count as "soon due". */
  public static final int DUE_SOON_DAYS = 3;

  public static final String MY_TASKS = "我的待办";
  public static final String SECTION_TASKS = "本科室待办";
  public static final String APPROVALS = "待我审批";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSetup authorizations;

  public TasklistFilterSetup(FilterService filterService, TaskService taskService, AuthorizationSetup authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void apply(OrganisationFile file) {
    List<String> staff = file.groups().stream().filter(g -> g.type() != GroupType.ADMIN).map(g -> g.id()).toList();
    List<String> leadership = file.groupsOfType(GroupType.LEADERSHIP).stream().map(g -> g.id()).toList();
    List<String> admins = file.groupsOfType(GroupType.ADMIN).stream().map(g -> g.id()).toList();

    upsert(MY_TASKS, "分配给我本人的任务", -20, "#3276b1",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), staff);
    upsert(SECTION_TASKS, "本科室（我所在用户组）可认领或已认领的任务", -10, "#4a9a52",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        staff);
    upsert(APPROVALS, "标准化领导小组的审批任务与升级事项", -15, "#b85c00",
        taskService.createTaskQuery()
            .taskCandidateGroupIn(leadership.isEmpty() ? List.of("leadership") : leadership).includeAssignedTasks(),
        leadership);
    upsert(DUE_SOON, DUE_SOON_DAYS + " 天内到期、尚未逾期的我的任务", 0, "#c9a100",
        mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}"),
        staff);
    upsert(OVERDUE, "已超过到期日仍未完成的我的任务", 5, "#c0392b",
        mine().dueBeforeExpression("${now()}"), staff);
    // admins see the filters too, so they can support users
    for (String name : List.of(MY_TASKS, SECTION_TASKS, APPROVALS, DUE_SOON, OVERDUE)) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      admins.forEach(g -> authorizations.ensure(g, Resources.FILTER, filter.getId(), Permissions.READ));
    }
  }

  private TaskQuery mine() {
    return taskService.createTaskQuery()
        .or()
          .taskAssigneeExpression("${currentUser()}")
          .taskCandidateGroupInExpression("${currentUserGroups()}")
          .includeAssignedTasks()
        .endOr();
  }

  private void upsert(String name, String description, int priority, String color, TaskQuery query,
      List<String> groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    // shown under each task in Tasklist's list, so a task says which standard it is about
    properties.put("variables", new ArrayList<>(List.of(
        // task-local copies made by TaskListLabelsPlugin: section heads may read those
        Map.of("name", "listTitle", "label", "标准名称"),
        Map.of("name", "listCode", "label", "标准编号"),
        Map.of("name", "listSection", "label", "责任科室"))));
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    for (String group : groups) {
      authorizations.ensure(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
