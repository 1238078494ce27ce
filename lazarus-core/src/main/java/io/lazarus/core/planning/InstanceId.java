package io.lazarus.core.planning;

/** An instance by instance group and index, written {@code web/0} as BOSH's CLI shows it. */
public record InstanceId(String group, int index) implements Comparable<InstanceId> {
  public InstanceId {
    if (group.isBlank() || group.contains("/") || index < 0) {
      throw new IllegalArgumentException("not an instance id: " + group + "/" + index);
    }
  }

  /** Parses {@code web/0}. */
  public static InstanceId parse(String text) {
    int slash = text.lastIndexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || !text.substring(slash + 1).chars().allMatch(Character::isDigit) || text.length() - slash > 7) {
      throw new IllegalArgumentException("'" + text + "' is not an instance id such as web/0");
    }
    return new InstanceId(text.substring(0, slash), Integer.parseInt(text.substring(slash + 1)));
  }

  @Override
  public int compareTo(InstanceId other) {
    int byGroup = group.compareTo(other.group);
    return byGroup != 0 ? byGroup : Integer.compare(index, other.index);
  }

  @Override
  public String toString() {
    return group + "/" + index;
  }
}
