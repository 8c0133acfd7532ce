package org.stdflow.report;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.security.CurrentUser;

/**
 * Who sees which figures: leadership, the standardisation office, inspectors, auditors and admins
 * read every section; a section's members read their own section only; everyone else nothing.
 */
@Component
class StatisticsAccess {

  private static final Set<GroupType> READ_ALL = Set.of(GroupType.LEADERSHIP, GroupType.OFFICE, GroupType.INSPECTION,
      GroupType.AUDIT, GroupType.ADMIN);

  private final OrganisationFile organisation;

  StatisticsAccess(OrganisationFile organisation) {
    this.organisation = organisation;
  }

  /** A refused request, answered as {status, message}. */
  static class StatisticsApiException extends RuntimeException {
    final HttpStatus status;

    StatisticsApiException(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The sections whose records the caller may see for {@code section} (null: all of theirs); null means all. */
  List<String> sections(CurrentUser user, String section) {
    if (section != null) {
      OrganisationFile.GroupEntry g = organisation.group(section);
      if (g == null || g.type() != GroupType.SECTION) {
        throw new StatisticsApiException(HttpStatus.BAD_REQUEST, "请求参数有误：没有编号为 " + section + " 的科室");
      }
    }
    if (readsAll(user)) {
      return section == null ? null : List.of(section);
    }
    List<String> own = user.groupIds().stream().filter(id -> {
      OrganisationFile.GroupEntry e = organisation.group(id);
      return e != null && e.type() == GroupType.SECTION;
    }).toList();
    if (own.isEmpty()) {
      throw new StatisticsApiException(HttpStatus.FORBIDDEN,
          "只有领导小组、标准化办公室、监督检查人员、审计监督人员和各科室可以查看统计分析");
    }
    if (section != null && !own.contains(section)) {
      throw new StatisticsApiException(HttpStatus.FORBIDDEN, "科室只能查看本科室的统计数据");
    }
    return section == null ? own : List.of(section);
  }

  private boolean readsAll(CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    return user.groupIds().stream().map(organisation::group)
        .anyMatch(e -> e != null && READ_ALL.contains(e.type()));
  }
}
