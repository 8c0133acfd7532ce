package org.stdflow.organisation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdflow.organisation.OrganisationFile.GroupEntry;
import org.stdflow.organisation.OrganisationFile.UserEntry;

/**
 * Brings Camunda's identity tables in line with the organisation file. Idempotent: running it twice
 * on the same file changes nothing the second time.
 */
public class OrganisationLoader {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationLoader.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;

  public OrganisationLoader(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** What a load changed; {@code problems} are the file's skipped entries plus load warnings. */
  public record Report(List<String> createdUsers, List<String> updatedUsers, List<String> deletedUsers,
      List<String> createdGroups, List<String> addedMemberships, List<String> removedMemberships,
      List<String> problems) {

    public boolean changedNothing() {
      return createdUsers.isEmpty() && updatedUsers.isEmpty() && deletedUsers.isEmpty() && createdGroups.isEmpty()
          && addedMemberships.isEmpty() && removedMemberships.isEmpty();
    }
  }

  public Report load(OrganisationFile file, OrganisationProperties props) {
    Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(file.problems()));

    for (GroupEntry entry : file.groups()) {
      Group group = identityService.createGroupQuery().groupId(entry.id()).singleResult();
      if (group == null) {
        group = identityService.newGroup(entry.id());
        report.createdGroups().add(entry.id());
      } else if (Objects.equals(group.getName(), entry.name()) && Objects.equals(group.getType(), entry.type().camundaType())) {
        continue;
      }
      group.setName(entry.name());
      group.setType(entry.type().camundaType());
      identityService.saveGroup(group);
    }

    Set<String> active = new HashSet<>();
    for (UserEntry entry : file.users()) {
      if (entry.demo() && !props.demoUsers()) {
        User existing = identityService.createUserQuery().userId(entry.id()).singleResult();
        if (existing != null) {
          // demo users have a known password: never leave them behind once demo users are off
          identityService.deleteUser(entry.id());
          report.deletedUsers().add(entry.id());
        }
        continue;
      }
      active.add(entry.id());
      User user = identityService.createUserQuery().userId(entry.id()).singleResult();
      if (user == null) {
        user = identityService.newUser(entry.id());
        user.setPassword(initialPassword(entry, props));
        copy(entry, user);
        identityService.saveUser(user);
        report.createdUsers().add(entry.id());
      } else if (!same(entry, user)) {
        copy(entry, user);
        identityService.saveUser(user);
        report.updatedUsers().add(entry.id());
      }
      if (entry.email() == null) {
        report.problems().add("user '" + entry.id() + "' has no usable e-mail address: no mail will reach them");
      }
    }

    // memberships in the declared groups follow the file exactly
    for (GroupEntry group : file.groups()) {
      Set<String> wanted = file.users().stream()
          .filter(u -> active.contains(u.id()) && u.groups().contains(group.id()))
          .map(UserEntry::id)
          .collect(Collectors.toSet());
      Set<String> current = identityService.createUserQuery().memberOfGroup(group.id()).list().stream()
          .map(User::getId)
          .collect(Collectors.toSet());
      for (String userId : wanted) {
        if (!current.contains(userId)) {
          identityService.createMembership(userId, group.id());
          report.addedMemberships().add(userId + "→" + group.id());
        }
      }
      for (String userId : current) {
        if (!wanted.contains(userId)) {
          identityService.deleteMembership(userId, group.id());
          report.removedMemberships().add(userId + "→" + group.id());
        }
      }
    }

    report.problems().forEach(p -> LOG.warn("Organisation: {}", p));
    if (report.changedNothing()) {
      LOG.info("Organisation unchanged: {} groups, {} users", file.groups().size(), active.size());
    } else {
      LOG.info("Organisation loaded: users created {} updated {} deleted {}, groups created {}, memberships +{} -{}",
          report.createdUsers(), report.updatedUsers(), report.deletedUsers(), report.createdGroups(),
          report.addedMemberships(), report.removedMemberships());
    }
    return report;
  }

  private static String initialPassword(UserEntry entry, OrganisationProperties props) {
    if (entry.admin()) {
      if (props.adminPassword() == null || props.adminPassword().isBlank()) {
        throw new IllegalStateException("User '" + entry.id()
            + "' is an admin but no admin password is configured: set STDFLOW_ADMIN_PASSWORD");
      }
      return props.adminPassword();
    }
    if (entry.demo()) {
      return props.demoPassword();
    }
    // real users get their password from an admin (Camunda Admin); until then nobody knows this one
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  private static boolean same(UserEntry entry, User user) {
    return Objects.equals(entry.firstName(), nullToEmpty(user.getFirstName()))
        && Objects.equals(entry.lastName(), nullToEmpty(user.getLastName()))
        && Objects.equals(entry.email(), user.getEmail());
  }

  private static void copy(UserEntry entry, User user) {
    user.setFirstName(entry.firstName());
    user.setLastName(entry.lastName());
    user.setEmail(entry.email());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
