package io.lazarus.director.templates;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererLifecycleTest {
  @Test
  void aClosedRendererRefusesToRenderAndClosesOnlyOnce() {
    TemplateRenderer renderer = new TemplateRenderer();
    renderer.close();

    assertThatCode(renderer::close).doesNotThrowAnyException();
    assertThatThrownBy(() -> renderer.render(TemplateFixtures.inlineJob("{}", "x"), TemplateFixtures.frontend(false), Map.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TemplateRenderer is closed");
  }
}
