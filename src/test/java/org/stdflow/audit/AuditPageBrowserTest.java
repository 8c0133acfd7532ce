package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.StdflowSpringTest;
import org.stdflow.document.DocumentKind;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.web.Browser;
import org.stdflow.web.BrowserExtension;

/**
 * An auditor logged in to Tasklist opens the audit page (no second login), finds a standard by its
 * title, reads its timeline, opens the diagram of its run with the path taken highlighted,
 * downloads the CSV and PDF exports, narrows to one user and verifies the chain.
 */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
class AuditPageBrowserTest extends LifecycleTestSupport {

  @LocalServerPort int port;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void anAuditorSearchesReadsTheTimelineSeesTheDiagramAndExports() {
    String title = unique("公务用车调度服务规范");
    ProcessInstance pi = approvedProposal(title, "wutao", "sec-vehicle");
    upload(pi, DocumentKind.STANDARD_TEXT, "wutao");
    upload(pi, DocumentKind.DRAFTING_NOTES, "wutao");
    complete(pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD, "wutao", draft(List.of("sec-general")));
    String base = "http://localhost:" + port;

    driver.get(base + "/camunda/app/tasklist/default/");
    Browser.logIn(driver, wait, "linxiao", "demo");
    driver.get(base + "/pages/audit.html");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section option[value='sec-vehicle']")));

    // search by title: the standard, its runs and its timeline
    driver.findElement(By.id("standard")).sendKeys(title);
    driver.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("standard-title"), title));
    // the register's own name of the status, not its code
    assertThat(driver.findElement(By.id("standard-status")).getText()).isEqualTo("征求意见中");
    wait.until(d -> d.findElements(By.cssSelector("#trail-rows tr.entry")).size() > 5);
    String timeline = driver.findElement(By.id("trail-table")).getText();
    assertThat(timeline).contains("启动流程", "形式审查", "立项批准", "作出决定", "上传文件", "起草标准", "吴涛", "赵敏", "王建国");
    assertThat(driver.findElements(By.cssSelector("#trail-rows .sha"))).hasSize(2);
    Browser.screenshot(driver, "audit-timeline");

    // the run's diagram with the path taken
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#run-rows .show-diagram"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#diagram [data-element-id='Task_FormalCheck'].audit-passed")));
    assertThat(driver.findElements(By.cssSelector("#diagram [data-element-id='Task_ApproveProject'].audit-passed")))
        .hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#diagram .audit-active"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#diagram [data-element-id='EndEvent_ProposalRejected'].audit-passed")))
        .isEmpty();
    Browser.screenshot(driver, "audit-diagram");

    // the exports, fetched with the page's own session
    String csvHref = driver.findElement(By.id("export-csv")).getAttribute("href");
    String pdfHref = driver.findElement(By.id("export-pdf")).getAttribute("href");
    assertThat(csvHref).contains("/api/audit/entries.csv?standardId=");
    Map<String, Object> csv = download(csvHref);
    assertThat(csv.get("status")).isEqualTo(200L);
    assertThat((String) csv.get("type")).startsWith("text/csv");
    assertThat((String) csv.get("disposition")).contains("attachment");
    assertThat((String) csv.get("text")).contains("序号,时间").contains("形式审查").contains(title);
    Map<String, Object> pdf = download(pdfHref);
    assertThat(pdf.get("status")).isEqualTo(200L);
    assertThat(pdf.get("type")).isEqualTo("application/pdf");
    assertThat((String) pdf.get("text")).startsWith("%PDF");

    // one user only
    driver.findElement(By.id("user")).sendKeys("zhaomin");
    driver.findElement(By.id("search-button")).click();
    // the table is rebuilt when the answer arrives: rows read meanwhile may go stale
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#trail-rows tr.entry"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("赵敏"));
    });

    // malformed input is explained, not swallowed
    ((JavascriptExecutor) driver).executeScript("document.getElementById('user').value='';"
        + "document.getElementById('from').type='text';document.getElementById('from').value='2026-02-30x';");
    driver.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-error"), "日期格式有误"));

    // the chain
    driver.findElement(By.id("verify-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-result"), "审计链完整"));
    Browser.screenshot(driver, "audit-verified");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> download(String href) {
    return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
          return r.text().then(function (t) {
            done({status: r.status, type: r.headers.get('Content-Type'),
                  disposition: r.headers.get('Content-Disposition'), text: t.substring(0, 4000)});
          });
        }).catch(function (e) { done({status: -1, text: String(e)}); });""", href);
  }
}
