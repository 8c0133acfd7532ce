package org.stdflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stdflow.PlainEngine;
import org.stdflow.organisation.OrganisationLoader.Report;

class OrganisationLoaderTest {

  private static final OrganisationProperties DEMO = new OrganisationProperties("x", true, "demo", "admin-pw");
  private static final OrganisationProperties PRODUCTION = new OrganisationProperties("x", false, "demo", "admin-pw");

  private static final String BASE = """
      groups:
        - { id: leadership, name: 标准化领导小组, type: leadership }
        - { id: sec-canteen, name: 食堂管理科, type: section }
        - { id: camunda-admin, name: 系统管理员, type: admin }
      users:
        - { id: admin, firstName: 系统, lastName: 管理员, email: admin@example.cn, groups: [camunda-admin], admin: true }
        - { id: wangjianguo, name: 王建国, email: wang@example.cn, groups: [leadership], demo: true }
        - { id: liuyang, name: 刘洋, email: liu@example.cn, groups: [sec-canteen, leadership] }
      """;

  private static ProcessEngine engine;
  private IdentityService identity;
  private OrganisationLoader loader;

  @BeforeAll
  static void startEngine() {
    engine = PlainEngine.start("org-test", "jdbc:h2:mem:org-" + UUID.randomUUID());
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void setUp() {
    identity = engine.getIdentityService();
    loader = new OrganisationLoader(identity);
  }

  @AfterEach
  void clearIdentities() {
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }

  @Test
  void loadsGroupsUsersAndMembershipsAndSplitsChineseNames() throws IOException {
    Report report = loader.load(parse(BASE), DEMO);

    assertThat(report.createdGroups()).containsExactlyInAnyOrder("leadership", "sec-canteen", "camunda-admin");
    assertThat(report.createdUsers()).containsExactlyInAnyOrder("admin", "wangjianguo", "liuyang");
    User liu = identity.createUserQuery().userId("liuyang").singleResult();
    assertThat(liu.getFirstName()).as("surname first, as the webapps show first + last").isEqualTo("刘");
    assertThat(liu.getLastName()).isEqualTo("洋");
    User admin = identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getFirstName() + admin.getLastName()).isEqualTo("系统管理员");
    assertThat(liu.getEmail()).isEqualTo("liu@example.cn");
    assertThat(identity.createUserQuery().memberOfGroup("leadership").count()).isEqualTo(2);
    assertThat(identity.createGroupQuery().groupId("sec-canteen").singleResult().getName()).isEqualTo("食堂管理科");
    assertThat(identity.checkPassword("admin", "admin-pw")).isTrue();
    assertThat(identity.checkPassword("wangjianguo", "demo")).isTrue();
    assertThat(identity.checkPassword("liuyang", "demo")).as("real users get no known password").isFalse();
  }

  @Test
  void loadingTheSameFileTwiceChangesNothing() throws IOException {
    loader.load(parse(BASE), DEMO);
    Report second = loader.load(parse(BASE), DEMO);

    assertThat(second.changedNothing()).isTrue();
    assertThat(identity.createUserQuery().count()).isEqualTo(3);
    assertThat(identity.createGroupQuery().count()).isEqualTo(3);
    assertThat(identity.createUserQuery().memberOfGroup("leadership").count()).isEqualTo(2);
  }

  @Test
  void anAddedUserIsAddedAndARemovedMembershipIsRemoved() throws IOException {
    loader.load(parse(BASE), DEMO);
    String changed = BASE
        .replace("groups: [sec-canteen, leadership] }", "groups: [sec-canteen] }")
        + "  - { id: huanglei, name: 黄磊, email: huang@example.cn, groups: [sec-canteen] }\n";

    Report report = loader.load(parse(changed), DEMO);

    assertThat(report.createdUsers()).containsExactly("huanglei");
    assertThat(report.removedMemberships()).containsExactly("liuyang→leadership");
    assertThat(report.addedMemberships()).containsExactly("huanglei→sec-canteen");
    assertThat(identity.createUserQuery().memberOfGroup("leadership").list())
        .extracting(User::getId).containsExactly("wangjianguo");
    assertThat(identity.createUserQuery().memberOfGroup("sec-canteen").count()).isEqualTo(2);
  }

  @Test
  void aPasswordChangedByAnAdminSurvivesTheNextLoad() throws IOException {
    loader.load(parse(BASE), DEMO);
    User liu = identity.createUserQuery().userId("liuyang").singleResult();
    liu.setPassword("set-by-admin");
    identity.saveUser(liu);

    loader.load(parse(BASE.replace("liu@example.cn", "liuyang@example.cn")), DEMO);

    assertThat(identity.checkPassword("liuyang", "set-by-admin")).isTrue();
    assertThat(identity.createUserQuery().userId("liuyang").singleResult().getEmail()).isEqualTo("liuyang@example.cn");
  }

  @Test
  void demoUsersExistOnlyWhenSwitchedOn() throws IOException {
    loader.load(parse(BASE), PRODUCTION);
    assertThat(identity.createUserQuery().userId("wangjianguo").count()).isZero();

    loader.load(parse(BASE), DEMO);
    assertThat(identity.createUserQuery().userId("wangjianguo").count()).isOne();

    Report off = loader.load(parse(BASE), PRODUCTION);
    assertThat(off.deletedUsers()).containsExactly("wangjianguo");
    assertThat(identity.createUserQuery().userId("wangjianguo").count()).isZero();
  }

  @Test
  void anAdminWithoutConfiguredPasswordStopsTheStartWithAClearMessage() throws IOException {
    OrganisationProperties noPassword = new OrganisationProperties("x", false, "demo", " ");
    assertThatThrownBy(() -> loader.load(parse(BASE), noPassword))
        .hasMessageContaining("STDFLOW_ADMIN_PASSWORD");
  }

  @Test
  void badEntriesAreReportedAndSkippedNotFatal() throws IOException {
    String bad = """
        groups:
          - { id: sec-canteen, name: 食堂管理科, type: section }
          - { id: sec-canteen, name: 重复, type: section }
          - { id: "bad group!", name: 坏, type: section }
          - { id: strange, name: 怪, type: nonsense }
        users:
          - { id: liuyang, name: 刘洋, email: not-an-address, groups: [sec-canteen, unknown-group] }
          - { id: liuyang, name: 刘洋二, groups: [sec-canteen] }
        starters:
          standard-lifecycle: [sec-canteen, nobody]
        """;
    OrganisationFile file = parse(bad);

    assertThat(file.problems()).anySatisfy(p -> assertThat(p).contains("invalid e-mail address 'not-an-address'"))
        .anySatisfy(p -> assertThat(p).contains("declared twice"))
        .anySatisfy(p -> assertThat(p).contains("unknown group 'unknown-group'"))
        .anySatisfy(p -> assertThat(p).contains("unknown type"))
        .anySatisfy(p -> assertThat(p).contains("starter group 'nobody'"));
    Report report = loader.load(file, DEMO);

    User liu = identity.createUserQuery().userId("liuyang").singleResult();
    assertThat(liu.getEmail()).isNull();
    assertThat(liu.getFirstName()).isEqualTo("刘");
    assertThat(identity.createUserQuery().memberOfGroup("sec-canteen").count()).isOne();
    assertThat(identity.createGroupQuery().count()).isOne();
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("no usable e-mail address"));
  }

  @Test
  void aFileThatIsNotYamlIsRefusedWithItsName() {
    assertThatThrownBy(() -> parse("groups: [ {id: x"))
        .isInstanceOf(IOException.class).hasMessageContaining("test.yaml");
    assertThatThrownBy(() -> parse("users: []")).hasMessageContaining("no 'groups' list");
  }

  private static OrganisationFile parse(String yaml) throws IOException {
    return OrganisationFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
