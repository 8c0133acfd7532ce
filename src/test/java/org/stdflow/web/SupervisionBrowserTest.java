package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.inspection.SupervisionTestSupport;

/**
 * Supervision in real Tasklist: an inspector fills a checklist that fails; the canteen section's
 * head then finds the rectification notice with the findings, each traced to its clause.
 */
@StdflowSpringTest
class SupervisionBrowserTest extends SupervisionTestSupport {

  @Test
  void aFailedChecklistReachesTheSectionAsARectificationNotice() throws Exception {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today();
    ProcessInstance daily = startDaily(date);
    long inspection = inspectionOf(standard, date, "canteen-1");
    Task task = inspectionTask(daily, inspection);

    try (TasklistSession s = TasklistSession.open(port)) {
      try {
        s.login("majun");
        // as from the link in the task mail
        s.driver.get(s.base + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        s.waitForTask("日常检查");
        assertThat(s.driver.findElement(TasklistSession.TASK_PANE).getText())
            .contains("第一机关食堂").contains("【条款 5.1】食品留样 48 小时，留样记录完整").contains("【关键项】");
        s.claim();
        // row 1 (the critical item) fails with a note, rows 2 and 3 pass
        s.click(option(1, "不合格"));
        s.click(option(2, "合格"));
        s.click(option(3, "合格"));
        WebElement note = s.wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("(//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'情况说明')]/following::input[1])[1]")));
        s.js("arguments[0].scrollIntoView({block: 'center'})", note);
        note.sendKeys("留样冰箱温度 12℃，留样盒未标注时间");
        s.screenshot("supervision-checklist-filled");
        s.complete();
        s.wait.until(d -> "FAILED".equals(records.inspection(inspection).status()));
        assertThat(records.itemResults(inspection).get(0).note()).isEqualTo("留样冰箱温度 12℃，留样盒未标注时间");

        s.logout();
        s.login("liuyang");
        ProcessInstance rectification = rectificationOf(inspection);
        Task notice = task(rectification, RectificationProcess.TASK_SUBMIT_REPORT);
        s.driver.get(s.base + "/camunda/app/tasklist/default/#/?task=" + notice.getId());
        s.waitForTask("提交整改报告");
        String pane = s.driver.findElement(TasklistSession.TASK_PANE).getText();
        s.screenshot("supervision-rectification-notice");
        assertThat(pane).contains("整改通知（第 1 轮）").contains("严重程度：严重")
            .contains("条款 5.1：食品留样 48 小时，留样记录完整【关键项】")
            .contains("检查发现：留样冰箱温度 12℃，留样盒未标注时间")
            .doesNotContain("条款 6.2");
        // the section's own filter lists it with the standard and place
        s.click(By.xpath("//section[contains(@class,'task-filters')]//a[contains(normalize-space(), '本科室待办')]"));
        s.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task=" + notice.getId() + "']]")));
      } catch (RuntimeException | AssertionError e) {
        s.screenshot("supervision-failure");
        throw e;
      }
    }
  }

  /** The radio option of the n-th checklist row. */
  private static By option(int row, String label) {
    return By.xpath("(//div[contains(@class,'fjs-container')]//label[normalize-space()='" + label
        + "']/input[@type='radio'])[" + row + "]");
  }
}
