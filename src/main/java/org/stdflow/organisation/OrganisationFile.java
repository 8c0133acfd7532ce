package org.stdflow.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parsed organisation YAML. Parsing is lenient where a bad entry can be skipped (it becomes a
 * problem in {@link #problems()}, reported at start) and strict only where nothing sensible can be
 * loaded (not YAML, no groups list).
 */
public record OrganisationFile(List<GroupEntry> groups, List<UserEntry> users, Map<String, List<String>> starters,
    List<String> problems) {

  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
  private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9-]+");
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]+");

  /** A group: id, Chinese name, role in the processes. */
  public record GroupEntry(String id, String name, GroupType type) {
  }

  /** A user. {@code email} is null when absent or invalid; names in reading order (see parse). */
  public record UserEntry(String id, String firstName, String lastName, String email, List<String> groups,
      boolean demo, boolean admin) {

    public String displayName() {
      return firstName + lastName;
    }
  }

  public GroupEntry group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
  }

  public List<GroupEntry> groupsOfType(GroupType type) {
    return groups.stream().filter(g -> g.type() == type).toList();
  }

  @SuppressWarnings("unchecked")
  public static OrganisationFile parse(InputStream in, String source) throws IOException {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (RuntimeException e) {
      throw new IOException("Organisation file " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || !(map.get("groups") instanceof List<?>)) {
      throw new IOException("Organisation file " + source + " has no 'groups' list");
    }
    List<String> problems = new ArrayList<>();
    List<GroupEntry> groups = new ArrayList<>();
    Set<String> groupIds = new HashSet<>();
    for (Object o : (List<Object>) map.get("groups")) {
      if (!(o instanceof Map<?, ?> g)) {
        problems.add("group entry is not a mapping: " + o);
        continue;
      }
      String id = str(g.get("id"));
      String name = str(g.get("name"));
      GroupType type = GroupType.parse(str(g.get("type")));
      if (id == null || !GROUP_ID.matcher(id).matches()) {
        problems.add("group id '" + id + "' is missing or not [a-zA-Z0-9-]+; skipped");
      } else if (!groupIds.add(id)) {
        problems.add("group '" + id + "' is declared twice; the second is skipped");
      } else if (type == null) {
        problems.add("group '" + id + "' has unknown type '" + g.get("type") + "'; skipped");
        groupIds.remove(id);
      } else {
        groups.add(new GroupEntry(id, name == null ? id : name, type));
      }
    }

    List<UserEntry> users = new ArrayList<>();
    Set<String> userIds = new HashSet<>();
    Object usersNode = map.get("users");
    for (Object o : usersNode instanceof List<?> l ? (List<Object>) l : List.of()) {
      if (!(o instanceof Map<?, ?> u)) {
        problems.add("user entry is not a mapping: " + o);
        continue;
      }
      String id = str(u.get("id"));
      if (id == null || !USER_ID.matcher(id).matches()) {
        problems.add("user id '" + id + "' is missing or not [a-zA-Z0-9._-]+; skipped");
        continue;
      }
      if (!userIds.add(id)) {
        problems.add("user '" + id + "' is declared twice; the second is skipped");
        continue;
      }
      // Camunda's webapps show "firstName lastName": Chinese names are stored in reading order,
      // surname in firstName and given name in lastName, so Tasklist shows "刘 洋", not "洋 刘".
      String name = str(u.get("name"));
      String firstName = str(u.get("firstName"));
      String lastName = str(u.get("lastName"));
      if (firstName == null && lastName == null) {
        firstName = name == null ? id : name.substring(0, 1);
        lastName = name == null || name.length() < 2 ? "" : name.substring(1);
      }
      firstName = firstName == null ? "" : firstName;
      lastName = lastName == null ? "" : lastName;
      String email = str(u.get("email"));
      if (email != null && !EMAIL.matcher(email).matches()) {
        problems.add("user '" + id + "' has an invalid e-mail address '" + email + "'; loaded without e-mail");
        email = null;
      }
      List<String> memberOf = new ArrayList<>();
      Object gs = u.get("groups");
      for (Object g : gs instanceof List<?> gl ? gl : List.of()) {
        String gid = str(g);
        if (gid != null && groupIds.contains(gid)) {
          memberOf.add(gid);
        } else {
          problems.add("user '" + id + "' names unknown group '" + g + "'; that membership is skipped");
        }
      }
      users.add(new UserEntry(id, firstName, lastName, email, List.copyOf(memberOf),
          Boolean.TRUE.equals(u.get("demo")), Boolean.TRUE.equals(u.get("admin"))));
    }

    Map<String, List<String>> starters = new LinkedHashMap<>();
    Object startersNode = map.get("starters");
    if (startersNode instanceof Map<?, ?> sm) {
      sm.forEach((key, value) -> {
        List<String> ids = new ArrayList<>();
        for (Object g : value instanceof List<?> vl ? vl : List.of()) {
          String gid = str(g);
          if ("all".equals(gid)) {
            ids.addAll(groupIds); // every group: anyone who can log in may start the process
          } else if (gid != null && groupIds.contains(gid)) {
            ids.add(gid);
          } else {
            problems.add("process '" + key + "' names unknown starter group '" + g + "'; skipped");
          }
        }
        starters.put(String.valueOf(key), List.copyOf(ids));
      });
    }
    return new OrganisationFile(List.copyOf(groups), List.copyOf(users), starters, List.copyOf(problems));
  }

  private static String str(Object o) {
    if (o == null) {
      return null;
    }
    String s = String.valueOf(o).trim();
    return s.isEmpty() ? null : s;
  }
}
