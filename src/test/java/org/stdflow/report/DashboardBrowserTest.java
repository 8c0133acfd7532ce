package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.web.Browser;
import org.stdflow.web.BrowserExtension;

/**
 * The dashboard as leadership and a section see it, on inspections in March 2013 (a year no other
 * test writes): the charts are drawn with the figures, and changing the section or the period
 * changes the numbers shown; a section member is offered its own section only.
 */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  private static final String QUERY = "/pages/dashboard.html?from=2013-01-01&to=2013-12-31";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;
  private String node;

  @BeforeAll
  void inspectionsInMarch2013() {
    StatisticsTestData d = new StatisticsTestData(jdbc);
    node = d.node("SB" + d.suffix, "看板测试体系" + d.suffix, null, 91);
    var reception = d.standard("B1", node, "INTERNAL", "IN_FORCE", "sec-reception", null, LocalDate.of(2012, 1, 1));
    var vehicle = d.standard("B2", node, "INTERNAL", "IN_FORCE", "sec-vehicle", null, LocalDate.of(2012, 1, 1));
    d.inspection(reception, "sec-reception", LocalDate.of(2013, 3, 5), "PASSED");
    d.inspection(reception, "sec-reception", LocalDate.of(2013, 3, 6), "FAILED");
    d.inspection(vehicle, "sec-vehicle", LocalDate.of(2013, 3, 5), "PASSED");
    d.inspection(vehicle, "sec-vehicle", LocalDate.of(2013, 3, 6), "PASSED");
    d.inspection(vehicle, "sec-vehicle", LocalDate.of(2013, 3, 7), "PASSED");
  }

  private void logIn(String user) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.logIn(driver, wait, user, "demo");
  }

  private void open(String path) {
    driver.get("http://localhost:" + port + path);
    waitUpdated();
  }

  private void waitUpdated() {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已更新"));
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private List<WebElement> bars(String chart, String label) {
    return driver.findElements(By.cssSelector("#" + chart + " svg rect.bar[data-label='" + label + "']"));
  }

  private String bar(String chart, String label, String series) {
    return driver.findElement(By.cssSelector("#" + chart + " svg rect.bar[data-label='" + label + "'][data-series='"
        + series + "']")).getAttribute("data-value");
  }

  @Test
  void leadershipSeesTheChartsAndTheFiltersChangeTheNumbers() {
    logIn("wangjianguo");
    open(QUERY);

    // all sections: 4 of 5 passed
    assertThat(text("kpi-pass-rate")).isEqualTo("80%");
    assertThat(text("kpi-inspections")).isEqualTo("完成检查 5（合格 4，不合格 1），漏检 0");
    assertThat(text("scope")).contains("2013-01-01 至 2013-12-31").contains("全部科室");
    assertThat(bar("chart-inspections-section", "公务用车管理科", "合格")).isEqualTo("3");
    assertThat(bar("chart-inspections-section", "接待科", "合格")).isEqualTo("1");
    assertThat(bar("chart-inspections-section", "接待科", "不合格")).isEqualTo("1");
    assertThat(driver.findElements(By.cssSelector("#chart-inspections-section svg rect.bar"))).hasSize(7 * 3);
    WebElement march = driver.findElement(By.cssSelector("#chart-pass-rate-month svg circle.point[data-label='2013年3月']"));
    assertThat(march.getAttribute("data-value")).isEqualTo("80");
    assertThat(driver.findElements(By.cssSelector("#chart-pass-rate-month svg circle.point"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#chart-pass-rate-month svg path"))).hasSize(1);
    // the register's charts are drawn from the register: a bar per type, one per status, with counts
    assertThat(driver.findElements(By.cssSelector("#chart-types svg rect.bar"))).hasSize(4);
    assertThat(driver.findElements(By.cssSelector("#chart-statuses svg rect.bar"))).hasSize(9);
    assertThat(Integer.parseInt(bar("chart-types", "内部标准", "数量"))).isPositive();
    assertThat(driver.findElement(By.cssSelector("#chart-types svg rect.bar[data-label='内部标准']"))
        .getAttribute("height")).isNotEqualTo("0.0");
    assertThat(text("kpi-complaints")).isEqualTo("0");
    assertThat(text("kpi-satisfaction")).isEqualTo("暂无数据");
    assertThat(text("chart-satisfaction")).contains("暂无数据");
    Browser.screenshot(driver, "dashboard-all-sections");

    // the reception section alone: 1 of 2
    new Select(driver.findElement(By.id("section"))).selectByVisibleText("接待科");
    wait.until(ExpectedConditions.textToBe(By.id("kpi-pass-rate"), "50%"));
    waitUpdated();
    assertThat(text("kpi-inspections")).isEqualTo("完成检查 2（合格 1，不合格 1），漏检 0");
    assertThat(text("scope")).contains("接待科");
    assertThat(bars("chart-inspections-section", "公务用车管理科")).isEmpty();
    assertThat(bar("chart-inspections-section", "接待科", "不合格")).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector("#chart-pass-rate-month svg circle.point")).getAttribute("data-value"))
        .isEqualTo("50");
    assertThat(driver.getCurrentUrl()).contains("section=sec-reception");
    assertThat(driver.findElement(By.id("report-month-pdf")).getAttribute("href")).contains("section=sec-reception");

    // the test's node of the standard system: the reception's one standard there
    new Select(driver.findElement(By.id("node"))).selectByValue(node);
    wait.until(ExpectedConditions.textToBe(By.id("kpi-in-force"), "1"));
    waitUpdated();
    assertThat(text("kpi-kinds")).isEqualTo("内部标准 1 / 采用标准 0 / 规章制度 0");
    assertThat(text("kpi-coverage")).isEqualTo("100%");
    assertThat(bar("chart-nodes", node + " 看板测试体系" + node.substring(2), "内部标准")).isEqualTo("1");
    assertThat(driver.findElements(By.cssSelector("#chart-nodes svg rect.bar"))).hasSize(3);
    assertThat(driver.getCurrentUrl()).contains("node=" + node);
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.getElementById('chart-inspections-section').scrollIntoView()");
    Browser.screenshot(driver, "dashboard-reception-node-charts");

    // another year: nothing due, so no rate and no points
    WebElement from = driver.findElement(By.id("from"));
    setDate(from, "2014-01-01");
    setDate(driver.findElement(By.id("to")), "2014-12-31");
    driver.findElement(By.id("apply")).click();
    wait.until(ExpectedConditions.textToBe(By.id("kpi-pass-rate"), "暂无数据"));
    assertThat(text("kpi-inspections")).isEqualTo("完成检查 0（合格 0，不合格 0），漏检 0");
    assertThat(driver.findElements(By.cssSelector("#chart-pass-rate-month svg circle.point"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#chart-pass-rate-month svg text")).stream()
        .anyMatch(t -> t.getText().equals("2014年1月"))).isTrue();
    Browser.screenshot(driver, "dashboard-reception-2014");
  }

  @Test
  void aSectionMemberIsOfferedItsOwnSectionOnly() {
    logIn("fengwei");
    // reachable from the welcome page's links
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("统计分析"))).click();
    wait.until(ExpectedConditions.urlContains("/pages/dashboard.html"));
    waitUpdated();
    open(QUERY);
    Select section = new Select(driver.findElement(By.id("section")));
    assertThat(section.getOptions()).extracting(WebElement::getText).containsExactly("接待科");
    assertThat(text("kpi-pass-rate")).isEqualTo("50%");
    assertThat(text("scope")).contains("接待科");

    // another section in the URL: the server refuses, the page says why
    driver.get("http://localhost:" + port + QUERY + "&section=sec-vehicle");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-error")));
    assertThat(text("page-error")).isEqualTo("科室只能查看本科室的统计数据");
  }

  /** Date inputs take typed digits in the browser's locale order; set the value as a user's pick would. */
  private void setDate(WebElement input, String iso) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, iso);
  }
}
