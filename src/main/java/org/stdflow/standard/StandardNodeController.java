package org.stdflow.standard;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.standard.StandardViews.NodeView;

/**
 * Editing the standard system (体系表): the office and admins add, rename, move and remove nodes.
 * Bodies are read as maps so that a left-out field can be told from a null one and every bad
 * value gets a per-field Chinese message (400 with fieldErrors).
 */
@RestController
class StandardNodeController {

  private final StandardNodeService nodes;

  StandardNodeController(StandardNodeService nodes) {
    this.nodes = nodes;
  }

  @PostMapping("/api/nodes")
  ResponseEntity<NodeView> create(@RequestBody(required = false) Map<String, Object> body,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(nodes.create(orEmpty(body), user));
  }

  @PutMapping("/api/nodes/{code}")
  NodeView update(@PathVariable String code, @RequestBody(required = false) Map<String, Object> body,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    return nodes.update(code, orEmpty(body), user);
  }

  @DeleteMapping("/api/nodes/{code}")
  ResponseEntity<Void> delete(@PathVariable String code,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    nodes.delete(code, user);
    return ResponseEntity.noContent().build();
  }

  private static Map<String, Object> orEmpty(Map<String, Object> body) {
    return body == null ? Map.of() : body;
  }
}
