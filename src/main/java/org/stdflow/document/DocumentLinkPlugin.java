package org.stdflow.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stdflow.platform.UserTaskCreateListeners;

/**
 * Gives every user task of every model a link to its document page, so no BPMN repeats it: a parse
 * listener adds a "create" task listener that sets the LOCAL task variable {@value #DOCUMENTS_URL}.
 * Forms show {@code [上传/查看本任务文件]({{documentsUrl}})}. (The link carries the task id; a
 * separate task variable for it would cost four more statements per task, for no reader.)
 *
 * <p>Built-in listener: it also runs when a process is modified with skipCustomListeners, and
 * before the model's own create listeners. The Camunda starter registers ProcessEnginePlugin beans.
 */
@Component
class DocumentLinkPlugin extends AbstractProcessEnginePlugin {

  static final String DOCUMENTS_URL = "documentsUrl";
  static final String PAGE = "/pages/documents.html?taskId=";

  private final String baseUrl;

  /**
   * The link is root-relative (the servlet context path, normally empty): Tasklist opens it on
   * whatever host and port the user reached, so a wrong STDFLOW_BASE_URL cannot break it.
   */
  DocumentLinkPlugin(@Value("${server.servlet.context-path:}") String contextPath) {
    this.baseUrl = asciiUrl(contextPath.replaceAll("/+$", ""));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskCreateListeners.add(configuration, this::setLink);
  }

  private void setLink(DelegateTask task) {
    task.setVariableLocal(DOCUMENTS_URL, documentsUrl(task.getId()));
  }

  String documentsUrl(String taskId) {
    return baseUrl + PAGE + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }

  /**
   * Percent-encodes (UTF-8) every character outside printable ASCII and the few that break a
   * markdown link or query. Tasklist serves its page as ISO-8859-1, so raw non-ASCII would garble.
   */
  static String asciiUrl(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && "()<>\"'`{}|\\^ ".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
