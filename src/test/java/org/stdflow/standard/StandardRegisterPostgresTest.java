package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardViews.NodeView;
import org.stdflow.standard.StandardViews.StandardDetail;
import org.stdflow.standard.StandardViews.StandardItem;

/**
 * The register's SQL on a real PostgreSQL (LIKE … ESCAPE, NULLS LAST, bound LIMIT/OFFSET, IN lists,
 * FOR UPDATE, GREATEST), on the shared PostgreSQL context, whose demo register the loader filled at
 * start. The HTTP side is proven on H2 by {@link StandardRegisterApiTest}.
 */
@StdflowPostgresTest
class StandardRegisterPostgresTest {

  private static final CurrentUser OFFICE = new CurrentUser("zhaomin", List.of("std-office"));

  @Autowired StandardQueries queries;
  @Autowired StandardNodeService nodes;
  @Autowired DemoRegisterLoader demoLoader;
  @Autowired JdbcClient jdbc;

  @Test
  void listDetailAndTreeOnPostgresql() {
    assertThat(demoLoader.load()).isZero();

    StandardQueries.Filter everything = new StandardQueries.Filter("q/bsjg bz205.7", "200",
        List.of(StandardStatus.IN_FORCE, StandardStatus.REPEALED), StandardType.INTERNAL, "sec-property",
        LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2026, 1, 1));
    assertThat(queries.list(everything, 0, 10).items()).extracting(StandardItem::code)
        .containsExactly("Q/BSJG BZ205.7-2022");
    assertThat(queries.list(filter("%"), 0, 10).total()).isZero();
    assertThat(queries.list(filter("垃圾"), 0, 10).items()).extracting(StandardItem::title)
        .contains("垃圾分类与收集处理规范");

    StandardViews.Page<StandardItem> second = queries.list(filter(null), 1, 5);
    assertThat(second.items()).hasSize(5);
    assertThat(second.total()).isGreaterThanOrEqualTo(DemoRegisterData.entries().size());
    List<String> nodeOrder = queries.list(filter(null), 0, 200).items().stream().map(StandardItem::nodeCode).toList();
    assertThat(nodeOrder).isSorted();

    StandardDetail canteen = queries.detail(queries.idByCode("Q/BSJG BZ205.1-2021").orElseThrow()).orElseThrow();
    assertThat(canteen.standard().code()).isEqualTo("Q/BSJG BZ205.1-2024");
    assertThat(canteen.standard().responsibleSectionName()).isEqualTo("食堂管理科");
    assertThat(canteen.versions()).hasSize(2);
    assertThat(canteen.versions().get(1).supersedesId()).isEqualTo(canteen.versions().get(0).id());
    assertThat(canteen.notices()).extracting(StandardViews.NoticeView::kind).containsExactly("PUBLISHED", "REVISED");

    NodeView services = queries.node("205").orElseThrow();
    assertThat(services.standardCount()).isGreaterThanOrEqualTo(9);
    assertThat(jdbc.sql("SELECT last_sequence FROM std_node WHERE code = '205'").query(Integer.class).single())
        .isGreaterThanOrEqualTo(9);
  }

  @Test
  void treeEditsOnPostgresql() {
    String code = "7" + ThreadLocalRandom.current().nextInt(100000, 999999);
    NodeView created = nodes.create(Map.of("code", code, "name", "PG 测试节点", "parentCode", "300"), OFFICE);
    assertThat(created.parentCode()).isEqualTo("300");
    NodeView child = nodes.create(Map.of("code", code + ".1", "name", "PG 子节点", "parentCode", code), OFFICE);
    assertThat(child.sortOrder()).isEqualTo(1);

    assertThatThrownBy(() -> nodes.update(code, Map.of("parentCode", code + ".1"), OFFICE))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors()).containsKey("parentCode"));
    assertThatThrownBy(() -> nodes.delete("205", OFFICE)).isInstanceOf(RegisterApiException.class)
        .satisfies(e -> assertThat(((RegisterApiException) e).status().value()).isEqualTo(409));

    assertThat(nodes.update(code + ".1", Map.of("parentCode", "100"), OFFICE).parentCode()).isEqualTo("100");
    nodes.delete(code + ".1", OFFICE);
    nodes.delete(code, OFFICE);
    assertThat(queries.node(code)).isEmpty();
  }

  private static StandardQueries.Filter filter(String q) {
    return new StandardQueries.Filter(q, null, List.of(), null, null, null, null, null);
  }
}
