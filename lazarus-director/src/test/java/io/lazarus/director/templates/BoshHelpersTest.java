package io.lazarus.director.templates;

import static io.lazarus.director.templates.TemplateFixtures.db;
import static io.lazarus.director.templates.TemplateFixtures.frontend;
import static io.lazarus.director.templates.TemplateFixtures.inlineJob;
import static io.lazarus.director.templates.TemplateFixtures.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BOSH's template helpers, one behaviour at a time, on one-line templates. */
class BoshHelpersTest {
  private static final String PROPERTIES =
      """
      port: {default: 8080}
      name: {}
      enabled: {default: true}
      debug: {default: false}
      tls.port: {default: 8443}
      tls.cert: {}
      limits: {default: {cpu: 2, memory: 512}}
      hosts: {default: [a, b]}
      """;

  private static TemplateRenderer renderer;

  @BeforeAll
  static void startRenderer() {
    renderer = new TemplateRenderer();
  }

  @AfterAll
  static void closeRenderer() {
    renderer.close();
  }

  private static String render(String template, Map<String, Object> manifestProperties) {
    JobTemplates job = inlineJob(PROPERTIES, template);
    return renderer.render(job, frontend(false), resolved(job, manifestProperties), Map.of("db", db())).files().get("out");
  }

  private static String render(String template) {
    return render(template, Map.of());
  }

  @Test
  void pReadsDottedNamesFromTheManifestThenTheSpecDefault() {
    assertThat(render("<%= p('port') %> <%= p('tls.port') %>", Map.of("tls", Map.of("port", 9443)))).isEqualTo("8080 9443");
  }

  @Test
  void pReturnsFalseAndStructuredValuesAsTheyAre() {
    assertThat(render("<%= p('debug').inspect %> <%= p('limits')['memory'] %> <%= p('hosts').join('|') %> <%= p('limits').class %>"))
        .isEqualTo("false 512 a|b Hash");
  }

  @Test
  void pFallsBackToItsDefaultArgumentWhenNothingIsSetEvenANilOne() {
    assertThat(render("<%= p('name', 'anonymous') %> <%= p('name', nil).inspect %> <%= p(['tls.cert', 'name'], 'none') %>")).isEqualTo("anonymous nil none");
  }

  @Test
  void pTakesTheFirstSetNameOfAList() {
    assertThat(render("<%= p(['tls.cert', 'name', 'port']) %>", Map.of("name", "shop"))).isEqualTo("shop");
  }

  @Test
  void pFailsWithBoshsMessageListingTheNames() {
    assertThatThrownBy(() -> render("<%= p(['tls.cert', 'name']) %>"))
        .hasMessageEndingWith("(line 1: Can't find property '[\"tls.cert\", \"name\"]')");
  }

  @Test
  void propertiesTheSpecDoesNotDeclareAreInvisible() {
    assertThat(render("<%= p('undeclared', 'unset') %>", Map.of("undeclared", "set"))).isEqualTo("unset");
  }

  @Test
  void ifPYieldsAllValuesOrRunsItsElse() {
    String template = "<% if_p('port', 'tls.cert') do |port, cert| %><%= port %>:<%= cert %><% end.else do %>plain <%= p('port') %><% end %>";

    assertThat(render(template)).isEqualTo("plain 8080");
    assertThat(render(template, Map.of("tls", Map.of("cert", "PEM")))).isEqualTo("8080:PEM");
  }

  @Test
  void elseIfPChainsLikeBosh() {
    String template = "<% if_p('tls.cert') do |c| %>tls<% end.else_if_p('name') do |n| %>named <%= n %><% end.else do %>neither<% end %>";

    assertThat(render(template)).isEqualTo("neither");
    assertThat(render(template, Map.of("name", "shop"))).isEqualTo("named shop");
  }

  @Test
  void specIsAnOpenStructOverTheInstance() {
    assertThat(render("<%= spec.index %> <%= spec.bootstrap %> <%= spec.networks.default.ip %> <%= spec.networks.default.default.join(',') %> <%= spec.ip %> <%= spec.id %> <%= spec.nope.inspect %>"))
        .isEqualTo("2 false 10.0.1.12 dns,gateway 10.0.1.12 6f1c3e8a-93c3-4b1e-a2a4-2f0f3f6c9b11 nil");
    assertThat(render("<%= spec.networks.methods(false).inspect %> <%= spec['deployment'] %> <%= spec.properties.port %>")).isEqualTo("[:default] shop 8080");
  }

  @Test
  void nameIndexAndLegacyPropertiesAreAvailable() {
    assertThat(render("<%= name %>/<%= index %> <%= properties.tls.port %> <%= properties.limits.cpu %> <%= properties.name.inspect %>"))
        .isEqualTo("frontend/2 8443 2 nil");
  }

  @Test
  void linkExposesInstancesPropertiesAndIfP() {
    assertThat(render("<%= link('db').instances.map { |i| [i.name, i.index, i.id[-4..], i.az, i.bootstrap].join(':') }.join(' ') %>"))
        .isEqualTo("postgres:0:0001:z1:true postgres:1:0002:z2:false");
    assertThat(render("<%= link('db').p('missing', 'd') %> <% link('db').if_p('port') do |port| %>port <%= port %><% end %>")).isEqualTo("d port 5432");
  }

  @Test
  void linkAddressCriteriaAreRefusedNotIgnored() {
    assertThatThrownBy(() -> render("<%= link('db').address(azs: ['z1']) %>")).hasMessageContaining("address criteria [:azs] are not supported");
  }

  @Test
  void ifLinkRunsItsElseWhenTheLinkIsMissing() {
    assertThat(render("<% if_link('cache') do |c| %>cache<% end.else_if_link('db') do |d| %>db <%= d.instances.size %><% end %>")).isEqualTo("db 2");
    assertThat(render("<% if_link('cache') do |c| %>cache<% end.else do %>none<% end %>")).isEqualTo("none");
  }

  @Test
  void jsonYamlAndShellwordsAreLoadedAsUnderBosh() {
    assertThat(render("<%= p('limits').to_json %> <%= 'a b'.shellescape %> <%= YAML.load('x: 1')['x'] %>")).isEqualTo("{\"cpu\":2,\"memory\":512} a\\ b 1");
  }

  @Test
  void activeSupportsBlankAndOpenStructAreThereAsUnderBosh() {
    assertThat(render("<%= [nil, false, '', ' ', [], {}, 0, 'x', [1]].map(&:blank?).inspect %> <%= p('name', '').present? %> <%= OpenStruct.new(a: 1).a %>"))
        .isEqualTo("[true, true, true, true, true, true, false, false, false] false 1");
  }

  @Test
  void templatesMayDefineHelperMethodsAndLocals() {
    assertThat(render("<% def twice(x) = x * 2 -%>\n<% n = 21 -%>\n<%= twice(n) %>")).isEqualTo("42");
  }

  @Test
  void trimModeDashRemovesTheLineOfACodeTag() {
    assertThat(render("a\n<% if true -%>\nb\n<% end -%>\nc\n")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void aTemplateCannotChangeTheDataTheNextTemplateSees() {
    render("<% p('hosts') << 'c' %><% spec.networks.default.ip = 'x' %>");

    assertThat(render("<%= p('hosts').size %> <%= spec.networks.default.ip %>")).isEqualTo("2 10.0.1.12");
  }

  @Test
  void aTemplateThatExitsFailsItsRenderNotTheDirector() {
    assertThatThrownBy(() -> render("<% exit 3 %>")).isInstanceOf(TemplateRenderException.class).hasMessageContaining("(line 1: exit)");
    assertThatThrownBy(() -> render("<% exit! %>"))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageEndingWith("Error filling in template 't.erb' (line unknown: Ruby stopped: aborted)");
    assertThat(render("<%= p('port') %>")).isEqualTo("8080");
  }

  @Test
  void aRuntimeErrorNamesItsLine() {
    assertThatThrownBy(() -> render("one\ntwo\n<%= nil.upcase %>\n"))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("Error filling in template 't.erb' (line 3: undefined method 'upcase' for nil");
  }
}
