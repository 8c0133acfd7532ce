package org.stdflow.platform.rest;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * What our exception mappers need to tell a conflict from a fault: the request's path, and whether
 * a task is still open — read in the database without the caller's authorizations (they may be the
 * ones that are gone). Jersey creates the mappers by class name in the webapps' engine API, so the
 * database is found through the servlet context unless it was given.
 */
abstract class TaskRequestMapper<E extends Throwable> implements ExceptionMapper<E> {

  private JdbcClient jdbc;
  @Context private ServletContext servletContext;
  @Context private UriInfo uriInfo;

  TaskRequestMapper() {
  }

  TaskRequestMapper(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public final Response toResponse(E exception) {
    return toResponse(exception, requestPath());
  }

  /** The answer to this exception on a request to this path (relative to the REST application). */
  abstract Response toResponse(E exception, String path);

  boolean taskExists(String taskId) {
    if (jdbc == null) {
      jdbc = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(JdbcClient.class);
    }
    return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId).query(Long.class).single() > 0;
  }

  /** The request path relative to the REST application, or "" outside a request. */
  String requestPath() {
    try {
      return uriInfo == null ? "" : uriInfo.getPath();
    } catch (IllegalStateException outsideRequest) {
      return "";
    }
  }
}
