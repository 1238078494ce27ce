package io.lazarus.cli.interpolation.patch;

/** What may follow an array index or a {@code key=value} match after a colon: {@code /0:next}, {@code /name=a:before}. */
public enum Modifier {
  PREV("prev", "patch.PrevModifier"),
  NEXT("next", "patch.NextModifier"),
  BEFORE("before", "patch.BeforeModifier"),
  AFTER("after", "patch.AfterModifier");

  private final String text;
  private final String goType;

  Modifier(String text, String goType) {
    this.text = text;
    this.goType = goType;
  }

  public String text() {
    return text;
  }

  /** The type name go-patch prints for this modifier in its errors. */
  String goType() {
    return goType;
  }

  static Modifier parse(String text) {
    for (Modifier modifier : values()) {
      if (modifier.text.equals(text)) {
        return modifier;
      }
    }
    return null;
  }
}
