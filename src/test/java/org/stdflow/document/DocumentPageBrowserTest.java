package org.stdflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcessTestData;
import org.stdflow.web.Browser;
import org.stdflow.web.BrowserExtension;

/**
 * A section head logged in to Tasklist follows the form's link to the document page (no second
 * login), is told why a file was refused, uploads a PDF and sees it listed.
 */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
class DocumentPageBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void uploadFromTheDraftingTaskPage() throws Exception {
    String taskId = draftingTask();
    String base = "http://localhost:" + port;

    driver.get(base + "/camunda/app/tasklist/default/");
    Browser.logIn(driver, wait, "liuyang", "demo");

    // the Camunda Form shows the link the task listener put into the task's local variables
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("本任务的文件")));
    // root-relative: it opens on whatever host and port Tasklist was reached
    assertThat(link.getAttribute("href")).isEqualTo(base + "/pages/documents.html?taskId=" + taskId);
    Browser.screenshot(driver, "documents-form-link");
    // (the form is disabled until the task is claimed, so open the link's target directly)
    driver.get(link.getAttribute("href"));

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-name"), "起草标准"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "暂无文件"));
    assertThat(driver.findElement(By.id("back-link")).getAttribute("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(d -> new Select(d.findElement(By.id("kind"))).getOptions().size() > 1);

    // refused: no kind, and a "PDF" that is none
    Path fake = Files.createTempFile("stdflow-", "-x.pdf");
    Files.write(fake, TestDocuments.exe());
    driver.findElement(By.id("file")).sendKeys(fake.toString());
    driver.findElement(By.id("upload-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kind-error")));
    assertThat(driver.findElement(By.id("kind-error")).getText()).isEqualTo("请选择文件类别");
    assertThat(driver.findElement(By.id("file-error")).getText()).contains("只接受 PDF、DOCX、ODT、XLSX、PPTX 文件");
    assertThat(driver.findElement(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");
    Browser.screenshot(driver, "documents-rejected");

    // accepted
    Path pdf = Files.createTempFile("stdflow-", "-标准文本.pdf");
    Files.write(pdf, TestDocuments.pdf());
    new Select(driver.findElement(By.id("kind"))).selectByVisibleText("标准文本");
    driver.findElement(By.id("file")).sendKeys(pdf.toString());
    driver.findElement(By.id("upload-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "共 1 个文件"));
    String table = driver.findElement(By.id("document-table")).getText();
    assertThat(table).contains("标准文本").contains(pdf.getFileName().toString()).contains("liuyang");
    assertThat(driver.findElement(By.id("kind-error")).isDisplayed()).isFalse();
    Browser.screenshot(driver, "documents-uploaded");
    // no player for a document
    assertThat(driver.findElements(By.className("play-link"))).isEmpty();

    // a training video: a download and a link that plays it in a new tab
    Path mp4 = Files.createTempFile("stdflow-", "-会场座次安排示范.mp4");
    Files.write(mp4, TestDocuments.mp4("isom"));
    new Select(driver.findElement(By.id("kind"))).selectByVisibleText("宣传培训材料");
    driver.findElement(By.id("file")).sendKeys(mp4.toString());
    driver.findElement(By.id("upload-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "共 2 个文件"));
    WebElement play = driver.findElement(By.className("play-link"));
    assertThat(play.getText()).isEqualTo("播放");
    assertThat(play.getAttribute("target")).isEqualTo("_blank");
    assertThat(play.getAttribute("aria-label")).isEqualTo("播放 " + mp4.getFileName());
    assertThat(play.getAttribute("href")).matches(".*/api/documents/\\d+/content");
    assertThat(driver.findElements(By.cssSelector("#document-rows a[download]"))).hasSize(2);
    Browser.screenshot(driver, "documents-training-video");
    Files.deleteIfExists(fake);
    Files.deleteIfExists(pdf);
    Files.deleteIfExists(mp4);
  }

  /** A proposal of sec-canteen, accepted and approved: liuyang's group now drafts it. */
  private String draftingTask() {
    RestClient liuyang = RestClient.as(port, "liuyang", "demo");
    RestClient office = RestClient.as(port, "zhaomin", "demo");
    RestClient leader = RestClient.as(port, "wangjianguo", "demo");
    String pi = liuyang.post("/engine-rest/process-definition/key/" + StandardLifecycleProcess.KEY + "/start",
        RestClient.variables(StandardLifecycleProcessTestData.proposal("文件页面测试规范" + UUID.randomUUID().toString()
            .substring(0, 8)))).json().get("id").asText();
    completeAs(office, "zhaomin", pi, Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    completeAs(leader, "wangjianguo", pi, Map.of(Vars.PROJECT_DECISION, "approve"));
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(StandardLifecycleProcess.TASK_DRAFT_STANDARD).singleResult().getId();
  }

  private void completeAs(RestClient client, String user, String pi, Map<String, Object> values) {
    String taskId = taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
    assertThat(client.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
    assertThat(client.post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(values)).status())
        .isEqualTo(204);
  }
}
