package org.stdflow.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine exceptions that reach the REST layer unwrapped (a claim, for one): a concurrent change is
 * answered as {@link ConcurrentChange} says; everything else keeps Camunda's own mapping.
 */
@Priority(1)
public class ConcurrentChangeExceptionMapper extends TaskRequestMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  /** As Jersey creates it by class name (the webapps' engine API): the database from the servlet context. */
  public ConcurrentChangeExceptionMapper() {
  }

  public ConcurrentChangeExceptionMapper(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  Response toResponse(ProcessEngineException exception, String path) {
    Response conflict = ConcurrentChange.response(exception, this::taskExists);
    return conflict != null ? conflict : ConcurrentChange.unlessGone(camunda.toResponse(exception), path, this::taskExists);
  }
}
