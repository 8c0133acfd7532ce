package org.stdflow.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;

/** Who am I: the caller's name, e-mail and groups, for our pages. */
@RestController
class MeController {

  private final IdentityService identityService;

  MeController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/api/me")
  Map<String, Object> me(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    User u = identityService.createUserQuery().userId(user.id()).singleResult();
    List<Map<String, String>> groups = identityService.createGroupQuery().groupMember(user.id()).list().stream()
        .map(MeController::group).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", user.id());
    body.put("name", u == null ? user.id() : nullToEmpty(u.getFirstName()) + nullToEmpty(u.getLastName()));
    body.put("email", u == null ? null : u.getEmail());
    body.put("groups", groups);
    return body;
  }

  private static Map<String, String> group(Group g) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", g.getId());
    m.put("name", g.getName());
    return m;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
