package org.stdflow.platform.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Engine exceptions that reach the REST layer unwrapped (a claim, for one): a concurrent change is
 * answered as {@link ConcurrentChange} says; everything else keeps Camunda's own mapping.
 */
@Priority(1)
public class ConcurrentChangeExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
  private JdbcClient jdbc;
  @Context private ServletContext servletContext;

  /** As Jersey creates it by class name (the webapps' engine API): the database from the servlet context. */
  public ConcurrentChangeExceptionMapper() {
  }

  public ConcurrentChangeExceptionMapper(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the task is still open, read without the caller's authorizations (they may be the ones gone). */
  boolean taskExists(String taskId) {
    if (jdbc == null) {
      jdbc = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(JdbcClient.class);
    }
    return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId).query(Long.class).single() > 0;
  }

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response conflict = ConcurrentChange.response(exception, this::taskExists);
    return conflict != null ? conflict : camunda.toResponse(exception);
  }
}
