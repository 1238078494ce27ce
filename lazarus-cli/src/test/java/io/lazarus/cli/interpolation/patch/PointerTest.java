package io.lazarus.cli.interpolation.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointerTest {
  @Test
  void parsesEveryKindOfToken() {
    assertThat(Pointer.parse("/instance_groups/name=web/jobs/0/-").tokens()).containsExactly(
        new Token.Root(), new Token.Key("instance_groups", false), new Token.MatchingIndex("name", "web", false, List.of()),
        new Token.Key("jobs", false), new Token.Index(0, List.of()), new Token.AfterLastIndex());
    assertThat(Pointer.parse("/a/-1/+2").tokens()).containsExactly(
        new Token.Root(), new Token.Key("a", false), new Token.Index(-1, List.of()), new Token.Index(2, List.of()));
    assertThat(Pointer.parse("").tokens()).containsExactly(new Token.Root());
    assertThat(Pointer.parse("/").tokens()).containsExactly(new Token.Root(), new Token.Key("", false));
  }

  @Test
  void optionalityCarriesOverToTheKeysAfterIt() {
    assertThat(Pointer.parse("/a/b?/c/name=x").tokens()).containsExactly(
        new Token.Root(), new Token.Key("a", false), new Token.Key("b", true), new Token.Key("c", true),
        new Token.MatchingIndex("name", "x", true, List.of()));
    assertThat(Pointer.parse("/items/name=item9?/count").tokens()).containsExactly(
        new Token.Root(), new Token.Key("items", false), new Token.MatchingIndex("name", "item9", true, List.of()),
        new Token.Key("count", true));
  }

  @Test
  void modifiersFollowIndexesAndMatches() {
    assertThat(Pointer.parse("/array/1:prev:next/name=a:before").tokens()).containsExactly(
        new Token.Root(), new Token.Key("array", false), new Token.Index(1, List.of(Modifier.PREV, Modifier.NEXT)),
        new Token.MatchingIndex("name", "a", false, List.of(Modifier.BEFORE)));
  }

  @Test
  void escapesAreDecodedAndReencoded() {
    Pointer pointer = Pointer.parse("/a~1b/c~0d~2/k~3=v~7w");
    assertThat(pointer.tokens()).containsExactly(
        new Token.Root(), new Token.Key("a/b", false), new Token.Key("c~d?", false), new Token.MatchingIndex("k=", "v:w", false, List.of()));
    assertThat(pointer).hasToString("/a~1b/c~0d~2/k~3=v~7w");
  }

  @Test
  void printsTheQuestionMarkOnlyOnTheFirstOptionalToken() {
    assertThat(Pointer.parse("/a/b?/c/d")).hasToString("/a/b?/c/d");
    assertThat(Pointer.parse("/x/name=v?/y/0:after")).hasToString("/x/name=v?/y/0:after");
    assertThat(Pointer.parse("/0:next/-")).hasToString("/0:next/-");
  }

  @Test
  void malformedPathsFailWithGoPatchMessages() {
    assertThatThrownBy(() -> Pointer.parse("a/b")).hasMessage("Expected to start with '/'");
    assertThatThrownBy(() -> Pointer.parse("/0:later"))
        .hasMessage("Expected to find one of the following modifiers: 'prev', 'next', 'before', or 'after' but found 'later'");
    assertThatThrownBy(() -> Pointer.parse("/-:next")).hasMessage("Expected not to find any modifiers with after last index token");
    assertThatThrownBy(() -> Pointer.parse("/key:next")).hasMessage("Expected not to find any modifiers with key token");
  }

  @Test
  void aDashBeforeTheEndIsAKey() {
    assertThat(Pointer.parse("/-/a").tokens()).containsExactly(new Token.Root(), new Token.Key("-", false), new Token.Key("a", false));
  }
}
