package org.stdflow.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;

/**
 * Checklists of standards in force. Everyone logged in reads them; the responsible section, the
 * standardization office and admins edit them.
 */
@RestController
class ChecklistController {

  private final ChecklistService checklists;

  ChecklistController(ChecklistService checklists) {
    this.checklists = checklists;
  }

  @GetMapping("/api/inspection-places")
  List<ChecklistService.Place> places() {
    return checklists.places();
  }

  @GetMapping("/api/standards/{id}/checklist")
  ResponseEntity<Map<String, Object>> get(@PathVariable long id,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    ChecklistService.Owner owner = checklists.owner(id);
    if (owner == null) {
      return error(HttpStatus.NOT_FOUND, "标准 " + id + " 不存在");
    }
    return ResponseEntity.ok(body(owner, owner.versionId() == null ? List.of() : checklists.items(owner.versionId()),
        user));
  }

  /** Body: {"items": [{clauseRef, requirement, weight, critical, places: [code…]}, …]}. */
  @PutMapping("/api/standards/{id}/checklist")
  ResponseEntity<Map<String, Object>> replace(@PathVariable long id, @RequestBody Map<String, List<ChecklistService.Item>> body,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    ChecklistService.Owner owner = checklists.owner(id);
    if (owner == null) {
      return error(HttpStatus.NOT_FOUND, "标准 " + id + " 不存在");
    }
    if (!mayEdit(user, owner)) {
      return error(HttpStatus.FORBIDDEN, "只有责任科室、标准化办公室和管理员可以维护检查表");
    }
    if (!"IN_FORCE".equals(owner.status()) || owner.versionId() == null) {
      return error(HttpStatus.CONFLICT, "只有现行有效的标准才有检查表");
    }
    return ResponseEntity.ok(body(owner, checklists.replace(owner, body == null ? null : body.get("items"), user.id()),
        user));
  }

  private static boolean mayEdit(CurrentUser user, ChecklistService.Owner owner) {
    return user.isAdmin() || user.isMemberOf("std-office") || user.isMemberOf(owner.responsibleSection());
  }

  /** mayEdit tells pages whether to offer editing (the PUT checks it again): the role and a version in force. */
  private static Map<String, Object> body(ChecklistService.Owner owner, List<ChecklistService.Item> items,
      CurrentUser user) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("standardId", owner.standardId());
    b.put("code", owner.code());
    b.put("title", owner.title());
    b.put("status", owner.status());
    b.put("responsibleSection", owner.responsibleSection());
    b.put("versionId", owner.versionId());
    boolean inForce = "IN_FORCE".equals(owner.status()) && owner.versionId() != null;
    b.put("inForce", inForce);
    b.put("mayEdit", inForce && mayEdit(user, owner));
    b.put("items", items);
    return b;
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", status.value());
    b.put("message", message);
    return ResponseEntity.status(status).body(b);
  }
}
