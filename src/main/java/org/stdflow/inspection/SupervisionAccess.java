package org.stdflow.inspection;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.security.CurrentUser;

/**
 * Who reads which supervision records: leadership, the office, inspectors, auditors and admins read
 * every section's; a section's members their own section's; nobody else any.
 */
@Component
class SupervisionAccess {

  private static final Set<GroupType> READ_ALL = EnumSet.of(GroupType.LEADERSHIP, GroupType.OFFICE,
      GroupType.INSPECTION, GroupType.AUDIT, GroupType.ADMIN);

  private final OrganisationFile organisation;

  SupervisionAccess(OrganisationFile organisation) {
    this.organisation = organisation;
  }

  boolean readsAll(CurrentUser user) {
    return user.isAdmin() || user.groupIds().stream().map(organisation::group)
        .anyMatch(g -> g != null && READ_ALL.contains(g.type()));
  }

  /** The section groups the user belongs to (empty for users of no section). */
  List<String> ownSections(CurrentUser user) {
    return user.groupIds().stream().filter(g -> {
      OrganisationFile.GroupEntry e = organisation.group(g);
      return e != null && e.type() == GroupType.SECTION;
    }).toList();
  }
}
